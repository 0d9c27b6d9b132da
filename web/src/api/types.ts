import type { Finding } from '../../../src/domain/checks.ts';
import type { Report } from '../../../src/domain/report-schema.ts';
import type { ImportSource, SourceTable } from '../../../src/documents/import/types.ts';

/** Shapes of the khcn HTTP API (see src/server); kept to what the web uses. */
export type Role = 'commune_officer' | 'commune_chairman' | 'dept_reviewer' | 'dept_admin';
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'approved';

export interface UnitRef {
  id: string | number;
  code?: string;
  name: string;
  kind: string;
  provinceId?: string | number;
  provinceName?: string;
}

export interface User {
  id: string | number;
  username: string;
  fullName: string;
  role: Role;
  roleLabel?: string;
  /** Department users have no commune: unit is null and province says where they work. */
  unit: UnitRef | null;
  province?: { id: string | number; code?: string | null; name: string } | null;
}

export interface Health {
  status: string;
  db: string;
  demo?: boolean;
}

export interface UnitItem extends UnitRef {
  reportId?: string | number | null;
  reportStatus?: ReportStatus | null;
}

export interface CycleRef {
  id: string | number;
  planYear: number;
  deadline?: string | null;
}

export interface ReportListItem {
  id: string | number;
  unit: UnitRef;
  cycle: CycleRef;
  status: ReportStatus;
  version: number;
  updatedAt: string;
  planTotal?: number;
  errors?: number;
  warnings?: number;
  contentHash?: string | null;
}

export interface ReportMeta {
  id: string | number;
  status: ReportStatus;
  version: number;
  updatedAt: string;
  updatedBy?: string | null;
  contentHash?: string | null;
  submittedAt?: string | null;
  unit?: UnitRef;
  cycle?: CycleRef;
  canEdit?: boolean;
  canSubmit?: boolean;
  returnReason?: string | null;
}

export interface ReportEnvelope {
  report: Report;
  meta: ReportMeta;
}

export interface VersionItem {
  version: number;
  createdAt: string;
  createdBy?: string | null;
  action?: string;
  contentHash?: string | null;
  /** The version a restore copied. */
  sourceVersion?: number | null;
}

export type { Change } from '../../../src/domain/diff.ts';

export interface ImportWarning {
  code: string;
  message: string;
  line?: number;
  text?: string;
}

export interface ImportResult {
  report: Report;
  warnings: ImportWarning[];
  lines: string[];
  tables: SourceTable[];
  sources: ImportSource[];
  findings: Finding[];
}

/** A Department reviewer's comment on a section (`path`) or on one budget line (`lineId`). */
export interface CommentItem {
  id: string;
  version: number;
  path: string;
  lineId: string | null;
  body: string;
  authorName: string;
  createdAt: string;
  /** The reader wrote it and the report has not changed hands since: it may still be edited or deleted. */
  canChange?: boolean;
}
