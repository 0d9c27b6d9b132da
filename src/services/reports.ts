import { capFindings, validateReport, runChecks, type Finding } from '../domain/checks.ts';
import { submitChecks } from '../domain/document-blanks.ts';
import { diffReports, type Change } from '../domain/diff.ts';
import { AppError } from '../domain/errors.ts';
import { Report } from '../domain/report-schema.ts';
import { compareVietnamese, matchesSearch } from '../domain/text.ts';
import { withRegisterIdentity, type RegisterUnit } from '../domain/unit-identity.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';
import type { DB, ReportsTable } from '../store/schema.ts';
import { isCommuneRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import { canEdit, canSee, canSubmit, forbidden, isEditableStatus, notFound, type ReportStatus } from './policy.ts';
import { contentHash, summaryColumns, writeBudgetRows } from './report-rows.ts';
import { cachedVersion, parsedVersion, rememberVersion, versionJson } from './version-cache.ts';

/**
 * The report service: every read is scoped by the actor, every write is validated, versioned,
 * and audited in one transaction.
 */
export interface ReportMeta {
  id: string;
  status: ReportStatus;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  contentHash: string | null;
  submittedAt: string | null;
  returnReason: string | null;
  unit: { id: string; name: string; kind: string; code: string | null };
  cycle: { id: string; planYear: number; reportYear: number; deadline: string };
  canEdit: boolean;
  canSubmit: boolean;
}

export interface ReportListItem {
  id: string;
  unit: { id: string; name: string; kind: string };
  cycle: { id: string; planYear: number; deadline: string };
  status: ReportStatus;
  version: number;
  updatedAt: string;
  planTotal: number;
  errors: number;
  warnings: number;
  contentHash: string | null;
  submittedAt: string | null;
}

/** A report row without its body: the body of a version is read only when not already cached. */
export type ReportRow = Omit<ReportsTable, 'body'>;

type Row = ReportRow & { unit_name: string; unit_kind: string; unit_code: string | null; province_name: string; province_code: string; plan_year: number; report_year: number; cycle_deadline: string; unit_deadline: string | null; updated_by_name: string | null };

function baseQuery(store: Store) {
  return baseQueryOn(store.db);
}

function baseQueryOn(db: Kysely<DB>) {
  return db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .innerJoin('provinces', 'provinces.id', 'units.province_id')
    .innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
    .leftJoin('cycle_units', (j) => j.onRef('cycle_units.cycle_id', '=', 'reports.cycle_id').onRef('cycle_units.unit_id', '=', 'reports.unit_id'))
    .leftJoin('users', 'users.id', 'reports.updated_by')
    .select([
      'reports.id',
      'reports.cycle_id',
      'reports.unit_id',
      'reports.province_id',
      'reports.status',
      'reports.version',
      'reports.plan_total',
      'reports.errors',
      'reports.warnings',
      'reports.content_hash',
      'reports.submitted_at',
      'reports.return_reason',
      'reports.created_at',
      'reports.updated_at',
      'reports.updated_by',
      'units.name as unit_name',
      'units.kind as unit_kind',
      'units.code as unit_code',
      'provinces.name as province_name',
      'provinces.code as province_code',
      'cycles.plan_year',
      'cycles.report_year',
      'cycles.deadline as cycle_deadline',
      'cycle_units.deadline as unit_deadline',
      'users.full_name as updated_by_name',
    ]);
}

// The row of one report, scoped in the query itself (defence in depth), compiled once per database.
const rowForUnit = prepared((db: Kysely<DB>) => baseQueryOn(db).where('reports.id', '=', '').where('reports.unit_id', '=', ''));
const rowForProvince = prepared((db: Kysely<DB>) => baseQueryOn(db).where('reports.id', '=', '').where('reports.province_id', '=', ''));

/** Loads a report row the actor may see, or throws 404 (also for ids that do not exist). */
async function loadRow(store: Store, actor: Actor, id: string): Promise<Row> {
  if (typeof id !== 'string' || id.length > 64) throw notFound();
  const rows = isCommuneRole(actor.role) ? await rowForUnit(store.db, [id, actor.unitId ?? '']) : await rowForProvince(store.db, [id, actor.provinceId]);
  const row = rows[0] as Row | undefined;
  if (!row || !canSee(actor, row)) throw notFound();
  return row;
}

function toMeta(actor: Actor, row: Row): ReportMeta {
  return {
    id: row.id,
    status: row.status as ReportStatus,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    contentHash: row.content_hash,
    submittedAt: row.submitted_at,
    returnReason: row.return_reason,
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind, code: row.unit_code },
    cycle: { id: row.cycle_id, planYear: row.plan_year, reportYear: row.report_year, deadline: row.unit_deadline ?? row.cycle_deadline },
    canEdit: canEdit(actor, row),
    canSubmit: canSubmit(actor, row),
  };
}


export async function listReports(store: Store, actor: Actor, filter: { status?: string; q?: string; cycleId?: string } = {}): Promise<ReportListItem[]> {
  let q = baseQuery(store);
  q = isCommuneRole(actor.role) ? q.where('reports.unit_id', '=', actor.unitId ?? '') : q.where('reports.province_id', '=', actor.provinceId);
  if (filter.status) q = q.where('reports.status', '=', filter.status);
  if (filter.cycleId) q = q.where('reports.cycle_id', '=', filter.cycleId);
  const rows = ((await q.execute()) as Row[]).sort((a, b) => b.plan_year - a.plan_year || compareVietnamese(a.unit_name, b.unit_name));
  return rows
    .filter((r) => canSee(actor, r) && (!filter.q || matchesSearch(`${r.unit_kind} ${r.unit_name}`, filter.q)))
    .map((r) => ({
      id: r.id,
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
      cycle: { id: r.cycle_id, planYear: r.plan_year, deadline: r.unit_deadline ?? r.cycle_deadline },
      status: r.status as ReportStatus,
      version: r.version,
      updatedAt: r.updated_at,
      planTotal: r.plan_total,
      errors: r.errors,
      warnings: r.warnings,
      contentHash: r.content_hash,
      submittedAt: r.submitted_at,
    }));
}

const versionBody = prepared((db: Kysely<DB>) => db.selectFrom('report_versions').select('body').where('report_id', '=', '').where('version', '=', 0));

/** The report of a row's version: from the cache, or its body read and parsed once. */
async function reportOf(store: Store, row: ReportRow): Promise<Report> {
  const cached = cachedVersion(store.db, row.id, row.version);
  if (cached) return cached;
  const [v] = await versionBody(store.db, [row.id, row.version]);
  if (!v) throw notFound('phiên bản');
  return parsedVersion(store.db, row.id, row.version, v.body);
}

export async function getReport(store: Store, actor: Actor, id: string): Promise<{ report: Report; meta: ReportMeta }> {
  const row = await loadRow(store, actor, id);
  return { report: await reportOf(store, row), meta: toMeta(actor, row) };
}

/**
 * GET /api/reports/:id as JSON text: exactly `JSON.stringify(await getReport(…))`, with the
 * report's part serialised once per version (versions never change) instead of on every read.
 */
export async function getReportJson(store: Store, actor: Actor, id: string): Promise<string> {
  const row = await loadRow(store, actor, id);
  const report = versionJson(store.db, row.id, row.version, await reportOf(store, row));
  return `{"report":${report},"meta":${JSON.stringify(toMeta(actor, row))}}`;
}

export async function getChecks(store: Store, actor: Actor, id: string): Promise<Finding[]> {
  const { report } = await getReport(store, actor, id);
  return capFindings(runChecks(report));
}

export class VersionConflict extends AppError {
  constructor(readonly currentVersion: number) {
    super('VERSION_CONFLICT', `Báo cáo vừa được người khác lưu (phiên bản ${currentVersion}). Nội dung của bạn vẫn được giữ; hãy xem lại và lưu lại.`, { status: 409 });
  }
}

/** What each version-freezing action is called in its refusal, and what to do next. */
const FREEZING_ACTIONS: Record<string, { verb: string; next: string }> = {
  submit: { verb: 'nộp', next: 'xem các thay đổi rồi nộp phiên bản mới' },
  return: { verb: 'trả lại', next: 'xem phiên bản mới rồi quyết định' },
  accept: { verb: 'tiếp nhận', next: 'xem phiên bản mới rồi quyết định' },
  approve: { verb: 'ghi nhận phê duyệt', next: 'xem phiên bản mới rồi ghi nhận' },
};

/**
 * 409: a status change that freezes a version was asked on a version that is no longer the
 * latest (someone saved, submitted or decided meanwhile). Nothing changed; the answer carries the
 * latest version so the client can show what changed since the one the person saw.
 */
export class VersionChanged extends AppError {
  constructor(action: string, readonly seenVersion: number, readonly currentVersion: number) {
    const { verb, next } = FREEZING_ACTIONS[action] ?? { verb: 'thực hiện', next: 'xem phiên bản mới rồi làm lại' };
    super('VERSION_CHANGED', `Chưa ${verb}: báo cáo đã thay đổi từ khi bạn mở (bạn đang xem phiên bản ${seenVersion}, bản mới nhất là phiên bản ${currentVersion}). Hãy ${next}.`, {
      status: 409,
      details: { seenVersion, currentVersion },
    });
  }
}

/** Refuses a freezing action on any version but the one the person saw (If-Match). */
export function assertSeenVersion(row: Pick<ReportRow, 'version'>, seenVersion: number, action: string): void {
  if (row.version !== seenVersion) throw new VersionChanged(action, seenVersion, row.version);
}

/** How a saved version came about, as the history names it ("Lưu", "Nhập từ tệp"). */
export type SaveAction = 'save' | 'import';

/**
 * Saves a new version if `ifMatch` is the current one; otherwise 409 and nothing changes.
 * A body identical to the current version (same content hash) writes nothing: no version, no
 * audit entry — the autosave of an edit typed and then undone is not a version (issue 14).
 */
export async function saveReport(store: Store, actor: Actor, id: string, ifMatch: number, body: unknown, action: SaveAction = 'save'): Promise<{ report: Report; meta: ReportMeta }> {
  const row = await loadRow(store, actor, id);
  assertEditable(actor, row);
  const v = validateReport(body);
  if (!v.ok) throw new AppError('INVALID_REPORT', 'Dữ liệu báo cáo không hợp lệ.', { status: 400, details: { findings: capFindings(v.findings) } });
  assertYears(v.report, row);
  // The unit's identity comes from the register, whatever the body said (unit-identity.ts).
  const report = withRegisterIdentity(v.report, registerUnitOf(row));
  if (row.version === ifMatch && (await versionHash(store, id, ifMatch)) === contentHash(report)) {
    // Exactly the state at `ifMatch`, as the row read above: a later save by someone else still
    // makes this client's next save a 409, so nothing can be overwritten through the shortcut.
    return { report, meta: toMeta(actor, row) };
  }
  await commitVersion(store, actor, id, ifMatch, report, action, null);
  return getReport(store, actor, id);
}

/**
 * Restores an earlier version as a new one ("Khôi phục phiên bản N"): the body of version N
 * becomes version current+1; nothing is overwritten, the restore is audited with its source.
 */
export async function restoreVersion(store: Store, actor: Actor, id: string, ifMatch: number, source: number): Promise<{ report: Report; meta: ReportMeta }> {
  const row = await loadRow(store, actor, id);
  assertEditable(actor, row);
  const v = await store.db.selectFrom('report_versions').select('body').where('report_id', '=', id).where('version', '=', source).executeTakeFirst();
  if (!v) throw new AppError('VERSION_NOT_FOUND', `Không có phiên bản ${source} của báo cáo này.`, { status: 404 });
  if (row.version !== ifMatch) throw new VersionConflict(row.version);
  // An old version carries the unit's identity as it was then; the register's applies now.
  const report = withRegisterIdentity(parsedVersion(store.db, id, source, v.body), registerUnitOf(row));
  if ((await versionHash(store, id, row.version)) === contentHash(report)) {
    throw new AppError('SAME_AS_CURRENT', `Nội dung phiên bản ${source} giống hệt bản hiện tại; không cần khôi phục.`, { status: 409 });
  }
  await commitVersion(store, actor, id, ifMatch, report, 'restore', source);
  return getReport(store, actor, id);
}

function assertEditable(actor: Actor, row: Row): void {
  if (canEdit(actor, row)) return;
  throw isEditableStatus(row.status)
    ? forbidden('Chỉ cán bộ và chủ tịch UBND của đơn vị được sửa báo cáo này.')
    : new AppError('REPORT_LOCKED', 'Báo cáo đã nộp nên không sửa được; chỉ sửa lại khi Sở trả lại.', { status: 409 });
}

const versionHashQuery = prepared((db: Kysely<DB>) => db.selectFrom('report_versions').select('content_hash').where('report_id', '=', '').where('version', '=', 0));

async function versionHash(store: Store, id: string, version: number): Promise<string | undefined> {
  return (await versionHashQuery(store.db, [id, version]))[0]?.content_hash;
}

/** Writes `report` as version ifMatch+1 of a draft or returned report, with its rows and audit, or throws 409. */
async function commitVersion(store: Store, actor: Actor, id: string, ifMatch: number, report: Report, action: SaveAction | 'restore', source: number | null): Promise<void> {
  const now = nowIso();
  const hash = contentHash(report);
  await store.db.transaction().execute(async (trx) => {
    const next = ifMatch + 1;
    const res = await trx
      .updateTable('reports')
      .set({ version: next, body: JSON.stringify(report), ...summaryColumns(report), updated_at: now, updated_by: actor.userId })
      .where('id', '=', id)
      .where('version', '=', ifMatch)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('reports').select(['version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      if (!isEditableStatus(current.status)) throw new AppError('REPORT_LOCKED', 'Báo cáo đã nộp nên không sửa được; chỉ sửa lại khi Sở trả lại.', { status: 409 });
      throw new VersionConflict(current.version);
    }
    await trx.insertInto('report_versions').values({ report_id: id, version: next, body: JSON.stringify(report), content_hash: hash, action, created_at: now, created_by: actor.userId, source_version: source }).execute();
    await writeBudgetRows(trx, id, report);
    await appendAudit(store, trx, actor, { entity: 'report', entityId: id, action, before: { version: ifMatch }, after: { version: next, contentHash: hash, ...(source !== null ? { restoredFrom: source } : {}) } });
  });
}

/** The years of a report are fixed by its cycle: a body for other years is refused, not rewritten. */
function assertYears(report: Report, row: Row): void {
  if (report.reportYear !== row.report_year || report.planYear !== row.plan_year) {
    throw new AppError('REPORT_YEARS', `Báo cáo thuộc kỳ năm ${row.report_year} – kế hoạch ${row.plan_year}; không đổi năm được.`, { status: 400 });
  }
}

/**
 * The unit as the register holds it. Its identity replaces the body's instead of refusing a
 * different one: the editor never edits identity, so a differing body is stale (the register
 * renamed or reclassified the unit while a draft was open — refusing would fail every autosave of
 * every open editor), an imported file that spells the name its own way, or forged; in all three
 * the register is right, and the saved report, its documents and the answer say so.
 */
const registerUnitOf = (row: Row): RegisterUnit => ({ name: row.unit_name, kind: row.unit_kind, code: row.unit_code, province: row.province_name, provinceCode: row.province_code });

/** The chairman submits the version he saw (`seenVersion`, If-Match); a newer one is refused with 409. */
export async function submitReport(store: Store, actor: Actor, id: string, seenVersion: number, acknowledgeWarnings: boolean): Promise<ReportMeta> {
  const row = await loadRow(store, actor, id);
  if (!canSubmit(actor, row)) {
    if (!isEditableStatus(row.status)) throw new AppError('REPORT_LOCKED', 'Báo cáo đã được nộp.', { status: 409 });
    throw forbidden('Chỉ Chủ tịch UBND được nộp báo cáo.');
  }
  // A closed cycle takes no more submissions (the Department may reopen it).
  const cycle = await store.db.selectFrom('cycles').select(['status', 'plan_year']).where('id', '=', row.cycle_id).executeTakeFirst();
  if (cycle?.status === 'closed') {
    throw new AppError('CYCLE_CLOSED', `Kỳ báo cáo kế hoạch năm ${cycle.plan_year} đã đóng nên không nộp được nữa; hãy liên hệ Sở KH&CN nếu cần mở lại kỳ.`, { status: 409 });
  }
  assertSeenVersion(row, seenVersion, 'submit');
  const report = await reportOf(store, row);
  const findings = [...runChecks(report), ...submitChecks(report)];
  if (findings.some((f) => f.severity === 'error')) {
    throw new AppError('CHECKS_FAILED', `Chưa nộp được: báo cáo còn ${findings.filter((f) => f.severity === 'error').length} lỗi cần sửa.`, { status: 422, details: { findings: capFindings(findings) } });
  }
  if (findings.length > 0 && !acknowledgeWarnings) {
    throw new AppError('WARNINGS_NOT_ACKNOWLEDGED', `Báo cáo còn ${findings.length} cảnh báo; hãy xác nhận đã xem trước khi nộp.`, { status: 422, details: { findings: capFindings(findings) } });
  }
  const changed = await transition(store, actor, row, 'submit', 'submitted', null);
  // The row as a re-read would return it: the columns just written, the chairman as last editor.
  return toMeta(actor, { ...row, ...changed, updated_by_name: actor.fullName });
}

/**
 * Moves a report to a new status as a new version (the body is unchanged), records the event
 * with its reason, and audits it, in one transaction guarded by the row's version: callers check
 * that it is the version the person saw (assertSeenVersion); a save landing in between is
 * refused here, with the same 409.
 */
export interface TransitionExtra {
  /** More writes that must commit or fail with the status change (e.g. an approval's locked lines). */
  within?: (trx: Transaction<DB>) => Promise<void>;
  /** Facts added to the audit entry's "after". */
  auditAfter?: Record<string, unknown>;
}

/** The columns of the report row a transition writes. */
export type TransitionChange = Pick<ReportRow, 'version' | 'status' | 'updated_at' | 'updated_by'> & Partial<Pick<ReportRow, 'content_hash' | 'submitted_at' | 'return_reason'>>;

export async function transition(store: Store, actor: Actor, row: ReportRow, action: string, to: ReportStatus, reason: string | null, at?: string, extra: TransitionExtra = {}): Promise<TransitionChange> {
  const now = at ?? nowIso();
  // One parse per submit: the cache holds this version's body, and the new version has the same.
  const report = await reportOf(store, row);
  const hash = contentHash(report);
  const next = row.version + 1;
  const changed: TransitionChange = {
    version: next,
    status: to,
    updated_at: now,
    updated_by: actor.userId,
    ...(to === 'submitted' ? { content_hash: hash, submitted_at: now, return_reason: null } : {}),
    ...(to === 'returned' ? { return_reason: reason } : {}),
  };
  await store.db.transaction().execute(async (trx) => {
    // RETURNING the unchanged body: the new version stores the same text without a second read.
    const updated = await trx.updateTable('reports').set(changed).where('id', '=', row.id).where('version', '=', row.version).returning('body').executeTakeFirst();
    if (!updated) {
      const current = await trx.selectFrom('reports').select('version').where('id', '=', row.id).executeTakeFirstOrThrow();
      throw new VersionChanged(action, row.version, current.version);
    }
    await trx.insertInto('report_versions').values({ report_id: row.id, version: next, body: updated.body, content_hash: hash, action, created_at: now, created_by: actor.userId }).execute();
    await trx.insertInto('report_events').values({ id: newId(), report_id: row.id, at: now, actor_id: actor.userId, actor_name: actor.fullName, action, from_status: row.status, to_status: to, version: next, reason }).execute();
    await extra.within?.(trx);
    await appendAudit(store, trx, actor, { entity: 'report', entityId: row.id, action, before: { status: row.status, version: row.version }, after: { status: to, version: next, contentHash: hash, reason, ...extra.auditAfter } });
  });
  rememberVersion(store.db, row.id, next, report);
  return changed;
}

export { loadRow as loadReportRow, reportOf };

export interface VersionItem {
  version: number;
  createdAt: string;
  createdBy: string | null;
  action: string;
  contentHash: string;
  /** The version a restore copied. */
  sourceVersion: number | null;
}

export async function listVersions(store: Store, actor: Actor, id: string): Promise<VersionItem[]> {
  await loadRow(store, actor, id);
  const rows = await store.db
    .selectFrom('report_versions')
    .leftJoin('users', 'users.id', 'report_versions.created_by')
    .select(['report_versions.version', 'report_versions.created_at', 'users.full_name', 'report_versions.action', 'report_versions.content_hash', 'report_versions.source_version'])
    .where('report_id', '=', id)
    .orderBy('report_versions.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.full_name, action: r.action, contentHash: r.content_hash, sourceVersion: r.source_version }));
}

export async function getVersion(store: Store, actor: Actor, id: string, version: number): Promise<{ report: Report; meta: ReportMeta & { versionAction: string } }> {
  const row = await loadRow(store, actor, id);
  const v = await store.db.selectFrom('report_versions').selectAll().where('report_id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!v) throw notFound('phiên bản');
  return { report: parsedVersion(store.db, id, v.version, v.body), meta: { ...toMeta(actor, row), version: v.version, contentHash: v.content_hash, versionAction: v.action, canEdit: false, canSubmit: false } };
}

export async function diffVersions(store: Store, actor: Actor, id: string, from: number, to: number): Promise<Change[]> {
  const [a, b] = await Promise.all([getVersion(store, actor, id, from), getVersion(store, actor, id, to)]);
  return diffReports(a.report, b.report);
}

export async function listEvents(store: Store, actor: Actor, id: string) {
  await loadRow(store, actor, id);
  return store.db.selectFrom('report_events').select(['id', 'at', 'actor_name as actorName', 'action', 'from_status as fromStatus', 'to_status as toStatus', 'version', 'reason']).where('report_id', '=', id).orderBy('at').execute();
}
