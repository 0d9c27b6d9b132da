import type { ColumnType } from 'kysely';

/**
 * Row types of the database, one interface per table. They mirror the SQL of migrations.ts;
 * domain types live in src/domain and repositories map between the two.
 * Timestamps are ISO-8601 UTC text written by the app (identical on SQLite and PostgreSQL);
 * ids are app-generated random UUIDs (never sequential, never guessable).
 */
type Bool = ColumnType<number, number | undefined, number>;

export interface ProvincesTable {
  id: string;
  code: string;
  name: string;
  search_text: string;
}

export interface UnitsTable {
  id: string;
  province_id: string;
  code: string | null;
  name: string;
  kind: string;
  search_text: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  role: string;
  province_id: string;
  unit_id: string | null;
  disabled: Bool;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Consecutive failed sign-ins per username (hashed): see services/login-throttle.ts. */
export interface LoginAttemptsTable {
  key: string;
  failures: number;
  blocked_until: string | null;
  updated_at: string;
}

/** Browsers a user has signed in from (hash of the device cookie's token). */
export interface LoginDevicesTable {
  token_hash: string;
  user_id: string;
  failures: ColumnType<number, number | undefined, number>;
  created_at: string;
  last_used_at: string;
}

/** Requests per key (a client address) in the current window: server/rate-limit-store.ts. */
export interface RateWindowsTable {
  key: string;
  count: number;
  window_start: string;
}

export interface CyclesTable {
  id: string;
  province_id: string;
  report_year: number;
  plan_year: number;
  guidance_number: string;
  guidance_date: string | null;
  guidance_issuer: string;
  deadline: string;
  status: string;
  demo: Bool;
  created_at: string;
  created_by: string | null;
}

export interface CycleUnitsTable {
  cycle_id: string;
  unit_id: string;
  deadline: string | null;
}

export interface ReportsTable {
  id: string;
  cycle_id: string;
  unit_id: string;
  province_id: string;
  status: string;
  version: number;
  body: string;
  plan_total: number;
  errors: number;
  warnings: number;
  content_hash: string | null;
  submitted_at: string | null;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ReportVersionsTable {
  report_id: string;
  version: number;
  body: string;
  content_hash: string;
  action: string;
  created_at: string;
  created_by: string | null;
  /** The version a restore copied; absent (null) for other actions. */
  source_version: number | null;
}

export interface BudgetLinesTable {
  report_id: string;
  part: string;
  line_id: string;
  parent_id: string | null;
  position: number;
  depth: number;
  field: string | null;
  budget_code: string | null;
  kind: string;
  title: string;
  amount: number;
  is_leaf: number;
  funding_source: string | null;
}

export interface ReportEventsTable {
  id: string;
  report_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  version: number;
  reason: string | null;
}

export interface CommentsTable {
  id: string;
  report_id: string;
  version: number;
  path: string;
  line_id: string | null;
  body: string;
  author_id: string;
  author_name: string;
  created_at: string;
  resolved: Bool;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** One approved report (migrations 002, 006): its scope, who first approved it, and its latest version. */
export interface ApprovalsTable {
  report_id: string;
  cycle_id: string;
  province_id: string;
  unit_id: string;
  /** The latest approval version: the one disbursement, consolidation and dashboards use. */
  version: number;
  created_at: string;
  created_by: string | null;
}

/** One version of an approval (migration 006): v1 the decision, later ones an admin's correction. */
export interface ApprovalVersionsTable {
  report_id: string;
  version: number;
  decision_number: string;
  decision_date: string;
  /** The report version the decision approved (the accepted one). */
  report_version: number;
  requested_total: number;
  approved_total: number;
  /** Why lines were approved above their request (required when any is). */
  above_request_reason: string | null;
  /** Why this version corrects the previous one (null for version 1). */
  correction_reason: string | null;
  created_at: string;
  created_by: string | null;
}

/** The approved amount of every leaf line of the plan budget, per approval version. */
export interface ApprovalLinesTable {
  report_id: string;
  version: number;
  line_id: string;
  position: number;
  field: string | null;
  budget_code: string | null;
  kind: string;
  title: string;
  funding_source: string | null;
  requested: number;
  approved: number;
}

/** Money paid out against an approved line, recorded by the commune. */
export interface DisbursementsTable {
  id: string;
  report_id: string;
  province_id: string;
  unit_id: string;
  line_id: string;
  amount: number;
  disbursed_on: string;
  note: string | null;
  created_at: string;
  created_by: string | null;
  /** The disbursement this record replaces (a correction); the replaced one no longer counts. */
  corrects: string | null;
  correction_reason: string | null;
}

export interface DB {
  provinces: ProvincesTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  login_devices: LoginDevicesTable;
  rate_windows: RateWindowsTable;
  cycles: CyclesTable;
  cycle_units: CycleUnitsTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  budget_lines: BudgetLinesTable;
  report_events: ReportEventsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  approvals: ApprovalsTable;
  approval_versions: ApprovalVersionsTable;
  approval_lines: ApprovalLinesTable;
  disbursements: DisbursementsTable;
}
