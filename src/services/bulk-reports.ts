import type { Transaction } from 'kysely';
import type { Report } from '../domain/report-schema.ts';
import type { DB, ReportEventsTable, ReportsTable, ReportVersionsTable } from '../store/schema.ts';
import type { Store } from '../store/db.ts';
import type { Actor } from './actor.ts';
import { appendAudits, type AuditInput } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import type { ReportStatus } from './policy.ts';
import { budgetRows, contentHash, summaryColumns, uniqueBudgetRows } from './report-rows.ts';

/**
 * Creating reports with the full bookkeeping — row, first version, event, budget lines, audit —
 * for one report or for thousands. `insertReport` (cycles.ts) is this with one item; bulk loads
 * (the national demo data) pass a province's worth at once and get a handful of multi-row
 * INSERTs instead of ~8 round trips per report, which is what makes PostgreSQL loads fast.
 */
export interface ReportStep {
  action: 'submit' | 'accept' | 'return';
  to: ReportStatus;
  at: string;
  actor: Actor;
  reason?: string | null;
}

export interface NewReport {
  cycleId: string;
  unitId: string;
  provinceId: string;
  report: Report;
  /** Defaults to a fresh random id. */
  id?: string;
  status?: ReportStatus;
  at?: string;
  action?: string;
  /** Later life of the report (submitted, accepted…), each a version, event and audit entry as `transition` writes them. */
  steps?: ReportStep[];
}

// Rows per INSERT, by column count, well under SQLite's 32 766 and PostgreSQL's 65 535 parameters.
const rowsPerInsert = (columns: number): number => Math.floor(16_000 / columns);

async function insertChunked<T extends keyof DB & string>(trx: Transaction<DB>, table: T, rows: readonly DB[T][], columns: number, maxRows = Infinity): Promise<void> {
  const size = Math.min(maxRows, rowsPerInsert(columns));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type; the rows are DB[T] by construction.
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

const userOrNull = (actor: Actor): string | null => (actor.userId === 'system' ? null : actor.userId);

export async function insertReports(store: Store, trx: Transaction<DB>, actor: Actor, items: readonly NewReport[]): Promise<string[]> {
  const rows = reportRows(actor, items);
  await writeReportRows(store, trx, rows);
  return rows.ids;
}

/** What `insertReports` writes, before the audit chain (its entries are hashed when appended). */
export interface ReportRows {
  ids: string[];
  reports: ReportsTable[];
  versions: ReportVersionsTable[];
  events: ReportEventsTable[];
  lines: DB['budget_lines'][];
  audits: { actor: Actor | null; input: AuditInput }[];
}

export const emptyReportRows = (): ReportRows => ({ ids: [], reports: [], versions: [], events: [], lines: [], audits: [] });

/**
 * The rows of `insertReports`, built without touching the database and appended to `into`: a
 * bulk load builds the next batch (hashes, checks, flattened lines — CPU) a slice at a time
 * while PostgreSQL is still writing the last one.
 */
export function reportRows(actor: Actor, items: readonly NewReport[], into: ReportRows = emptyReportRows()): ReportRows {
  const { ids, reports, versions, events, lines, audits } = into;
  for (const item of items) {
    const id = item.id ?? newId();
    ids.push(id);
    const at = item.at ?? nowIso();
    const body = JSON.stringify(item.report);
    const hash = contentHash(item.report);
    const created = item.status ?? 'draft';
    let status: string = created;
    let version = 1;
    let updatedAt = at;
    let updatedBy = userOrNull(actor);
    let submittedAt: string | null = null;
    let returnReason: string | null = null;
    let contentHashCol: string | null = null;
    versions.push({ report_id: id, version: 1, body, content_hash: hash, action: item.action ?? 'create', created_at: at, created_by: userOrNull(actor), source_version: null });
    events.push({ id: newId(), report_id: id, at, actor_id: null, actor_name: actor.fullName, action: 'create', from_status: null, to_status: created, version: 1, reason: null });
    audits.push({ actor, input: { entity: 'report', entityId: id, action: 'create', after: { cycleId: item.cycleId, unitId: item.unitId, version: 1, contentHash: hash } } });
    for (const step of item.steps ?? []) {
      const next = version + 1;
      const reason = step.reason ?? null;
      versions.push({ report_id: id, version: next, body, content_hash: hash, action: step.action, created_at: step.at, created_by: step.actor.userId, source_version: null });
      events.push({ id: newId(), report_id: id, at: step.at, actor_id: step.actor.userId, actor_name: step.actor.fullName, action: step.action, from_status: status, to_status: step.to, version: next, reason });
      audits.push({ actor: step.actor, input: { entity: 'report', entityId: id, action: step.action, before: { status, version }, after: { status: step.to, version: next, contentHash: hash, reason } } });
      if (step.to === 'submitted') [contentHashCol, submittedAt, returnReason] = [hash, step.at, null];
      if (step.to === 'returned') returnReason = reason;
      [status, version, updatedAt, updatedBy] = [step.to, next, step.at, step.actor.userId];
    }
    reports.push({
      id, cycle_id: item.cycleId, unit_id: item.unitId, province_id: item.provinceId, status, version, body, ...summaryColumns(item.report),
      content_hash: contentHashCol, submitted_at: submittedAt, return_reason: returnReason, created_at: at, updated_at: updatedAt, updated_by: updatedBy,
    });
    lines.push(...uniqueBudgetRows(budgetRows(id, item.report)));
  }
  return into;
}

export async function writeReportRows(store: Store, trx: Transaction<DB>, rows: ReportRows): Promise<void> {
  // Rows carrying a JSON body (a few KB each) go 100 at a time to keep statements small.
  await insertChunked(trx, 'reports', rows.reports, 16, 100);
  await insertChunked(trx, 'report_versions', rows.versions, 8, 100);
  await insertChunked(trx, 'report_events', rows.events, 10);
  await insertChunked(trx, 'budget_lines', rows.lines, 13);
  await appendAudits(store, trx, rows.audits);
}
