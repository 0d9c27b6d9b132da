import { breakdown } from '../domain/budget.ts';
import { capFindings, runChecks, type Finding } from '../domain/checks.ts';
import { diffReports, type Change } from '../domain/diff.ts';
import { AppError } from '../domain/errors.ts';
import { timeliness, type Timeliness } from '../domain/progress.ts';
import { parseStoredReport, type Report } from '../domain/report-schema.ts';
import type { Store } from '../store/db.ts';
import { isDepartmentRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import { cycleReportRows, loadCycle, requireDepartment } from './department.ts';
import { canReview, forbidden } from './policy.ts';
import { assertSeenVersion, getReport, listEvents, loadReportRow, transition, type ReportMeta } from './reports.ts';
import { isCommentable } from '../domain/status.ts';

/**
 * The Department's review: the queue of submitted reports, a report read with its checks, its
 * changes since the version the Department last saw and against last year's, comments on a
 * section or a budget line, and the two decisions (return with reasons, accept) — each a
 * versioned, evented, audited transition.
 */
export interface QueueItem {
  reportId: string;
  unit: { id: string; name: string; kind: string };
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  deadline: string;
  timeliness: Timeliness;
  daysLate: number;
  returns: number;
  planTotal: number;
  errors: number;
  warnings: number;
  version: number;
}

export async function reviewQueue(store: Store, actor: Actor, cycleId: string, status = 'submitted', now = Date.now()): Promise<QueueItem[]> {
  requireDepartment(actor);
  const cycle = await loadCycle(store, actor, cycleId);
  const rows = await cycleReportRows(store, actor, cycle);
  return rows
    .filter((r) => r.status === status)
    .map((r) => ({
      reportId: r.reportId, unit: r.unit, submittedAt: r.submittedAt, firstSubmittedAt: r.firstSubmittedAt, deadline: r.deadline, ...timeliness(r, now),
      returns: r.returns, planTotal: r.planTotal, errors: r.errors, warnings: r.warnings, version: r.version,
    }))
    // Oldest submission first: the queue is worked in the order reports arrived.
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

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

/**
 * Every status change (return, accept, resubmission) and every save is a new version of the
 * report, so "the report is still at the version the comment was written on" is exactly "the
 * report has not changed hands since".
 */
const commentChangeable = (reportVersion: number, commentVersion: number): boolean => reportVersion === commentVersion;

/** Comments on a report, for whoever may see the report (its commune, its Department). */
export async function listComments(store: Store, actor: Actor, reportId: string): Promise<CommentItem[]> {
  const row = await loadReportRow(store, actor, reportId);
  const rows = await store.db
    .selectFrom('comments')
    .select(['id', 'version', 'path', 'line_id as lineId', 'body', 'author_name as authorName', 'created_at as createdAt', 'author_id'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
  return rows.map(({ author_id, ...c }) => ({ ...c, canChange: author_id === actor.userId && commentChangeable(row.version, c.version) }));
}

/**
 * Sections a comment may point at (paths of the report model, the sections of the editor); a
 * comment on a budget line names one of the two budgets and the line's id. Nothing else: a path
 * is shown to the commune and used to find the section, so an arbitrary identifier chain
 * ("document.constructor") has no place.
 */
export const COMMENT_SECTIONS = [
  'document', 'implementation.leadership', 'implementation.digitalTeams', 'implementation.results', 'implementation.dossiers',
  'implementation.budget', 'implementation.assessment', 'plan.basis', 'plan.objectives', 'plan.budget', 'plan.attachments',
] as const;
export type CommentSection = (typeof COMMENT_SECTIONS)[number];
const BUDGET_SECTIONS: Readonly<Record<string, 'implementation' | 'plan'>> = { 'implementation.budget': 'implementation', 'plan.budget': 'plan' };

export async function addComment(store: Store, actor: Actor, reportId: string, input: { path: string; lineId?: string | undefined; body: string }): Promise<CommentItem> {
  const row = await loadReportRow(store, actor, reportId);
  if (!canReview(actor, row)) throw forbidden('Chỉ cán bộ Sở KH&CN được góp ý báo cáo.');
  if (!isCommentable(row.status)) throw new AppError('NOT_SUBMITTED', 'Chỉ góp ý được trên bản báo cáo đã nộp; báo cáo này đang được xã soạn.', { status: 409 });
  if (!(COMMENT_SECTIONS as readonly string[]).includes(input.path)) throw new AppError('COMMENT_PATH_INVALID', 'Mục góp ý không phải là một mục của báo cáo.', { status: 400 });
  const body = input.body.trim();
  if (!body) throw new AppError('EMPTY_COMMENT', 'Nội dung góp ý không được để trống.', { status: 400 });
  if (input.lineId !== undefined) {
    const part = BUDGET_SECTIONS[input.path];
    if (!part) throw new AppError('COMMENT_PATH_INVALID', 'Góp ý một dòng dự toán phải thuộc mục dự toán (implementation.budget hoặc plan.budget).', { status: 400 });
    // budget_lines holds the lines of the current version: the version the comment is on.
    const line = await store.db.selectFrom('budget_lines').select('line_id').where('report_id', '=', reportId).where('part', '=', part).where('line_id', '=', input.lineId).executeTakeFirst();
    if (!line) throw new AppError('UNKNOWN_LINE', 'Dòng dự toán được góp ý không có trong báo cáo.', { status: 400 });
  }
  const item: CommentItem = { id: newId(), version: row.version, path: input.path, lineId: input.lineId ?? null, body, authorName: actor.fullName, createdAt: nowIso(), canChange: true };
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('comments').values({ id: item.id, report_id: reportId, version: item.version, path: item.path, line_id: item.lineId, body, author_id: actor.userId, author_name: actor.fullName, created_at: item.createdAt }).execute();
    await appendAudit(store, trx, actor, { entity: 'comment', entityId: item.id, action: 'create', after: { reportId, version: item.version, path: item.path, lineId: item.lineId } });
  });
  return item;
}

/** A decision on the version the reviewer saw (`seenVersion`, If-Match); a newer one is refused with 409. */
async function decide(store: Store, actor: Actor, reportId: string, seenVersion: number, action: 'return' | 'accept', reason: string | null): Promise<ReportMeta> {
  const row = await loadReportRow(store, actor, reportId);
  if (!isDepartmentRole(actor.role) || !canReview(actor, row)) throw forbidden('Chỉ cán bộ Sở KH&CN được trả lại hoặc tiếp nhận báo cáo.');
  assertSeenVersion(row, seenVersion, action);
  if (row.status !== 'submitted') throw new AppError('NOT_SUBMITTED', 'Chỉ xử lý được báo cáo đang ở trạng thái "Đã nộp".', { status: 409 });
  await transition(store, actor, row, action, action === 'return' ? 'returned' : 'accepted', reason);
  return (await getReport(store, actor, reportId)).meta;
}

/** Returns a report to its commune; the reasons are required and shown to the commune. */
export async function returnReport(store: Store, actor: Actor, reportId: string, seenVersion: number, reason: string): Promise<ReportMeta> {
  const text = reason.trim();
  if (text.length < 5) throw new AppError('REASON_REQUIRED', 'Hãy ghi rõ lý do trả lại để xã biết cần sửa gì.', { status: 400 });
  return decide(store, actor, reportId, seenVersion, 'return', text);
}

export const acceptReport = (store: Store, actor: Actor, reportId: string, seenVersion: number, note?: string): Promise<ReportMeta> =>
  decide(store, actor, reportId, seenVersion, 'accept', note?.trim() || null);

export interface YearComparison {
  previousReportId: string | null;
  previousStatus: string | null;
  /** Plan totals by field: last year's plan (for year N) and this year's (for N+1). */
  rows: { key: string; label: string; previous: number | null; current: number }[];
}

/** This report's plan against the same unit's plan of the previous cycle. */
async function compareLastYear(store: Store, actor: Actor, reportId: string, report: Report): Promise<YearComparison> {
  const row = await loadReportRow(store, actor, reportId);
  const prev = await store.db
    .selectFrom('reports').innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
    .select(['reports.id', 'reports.body', 'reports.status'])
    .where('reports.unit_id', '=', row.unit_id).where('reports.province_id', '=', row.province_id).where('cycles.plan_year', '=', report.planYear - 1)
    .executeTakeFirst();
  const current = breakdown(report.plan.budget);
  const previous = prev ? breakdown(parseStoredReport(prev.body).plan.budget) : undefined;
  const keys: [string, string, (b: ReturnType<typeof breakdown>) => number][] = [
    ['science', 'Khoa học, công nghệ', (b) => b.byField.science],
    ['innovation', 'Đổi mới sáng tạo', (b) => b.byField.innovation],
    ['digital', 'Chuyển đổi số', (b) => b.byField.digital],
    ['recurrent', 'Chi thường xuyên', (b) => b.byKind.recurrent],
    ['investment', 'Chi đầu tư phát triển', (b) => b.byKind.investment],
    ['total', 'Tổng cộng', (b) => b.total],
  ];
  return {
    previousReportId: prev?.id ?? null,
    previousStatus: prev?.status ?? null,
    rows: keys.map(([key, label, pick]) => ({ key, label, previous: previous ? pick(previous) : null, current: pick(current) })),
  };
}

/** What the commune changed since the Department returned the report: the diff, and the return it answers. */
export interface SinceReturn {
  /** The version the return made (its body is the one the Department returned). */
  fromVersion: number;
  returnedAt: string;
  returnedBy: string | null;
  reason: string | null;
  changes: Change[];
}

export interface ReviewBundle {
  report: Report;
  meta: ReportMeta;
  findings: Finding[];
  events: Awaited<ReturnType<typeof listEvents>>;
  comments: CommentItem[];
  /** Changes since the last version the Department decided on (the returned one), if any. */
  sinceReturn: SinceReturn | null;
  lastYear: YearComparison;
}

/** Everything the reviewer reads on one screen. Also readable by the commune (its own report). */
export async function reviewBundle(store: Store, actor: Actor, reportId: string): Promise<ReviewBundle> {
  const { report, meta } = await getReport(store, actor, reportId);
  const [events, comments, lastYear] = await Promise.all([listEvents(store, actor, reportId), listComments(store, actor, reportId), compareLastYear(store, actor, reportId, report)]);
  const lastReturn = [...events].reverse().find((e) => e.action === 'return');
  let sinceReturn: ReviewBundle['sinceReturn'] = null;
  if (lastReturn) {
    const v = await store.db.selectFrom('report_versions').select('body').where('report_id', '=', reportId).where('version', '=', lastReturn.version).executeTakeFirst();
    if (v) {
      sinceReturn = {
        fromVersion: lastReturn.version, returnedAt: lastReturn.at, returnedBy: lastReturn.actorName, reason: lastReturn.reason,
        changes: diffReports(parseStoredReport(v.body), report),
      };
    }
  }
  return { report, meta, findings: capFindings(runChecks(report)), events, comments, sinceReturn, lastYear };
}


/**
 * A comment may be corrected or withdrawn by its author only before the report changes hands:
 * while no status change has happened since it was written (the commune has not been given the
 * report back, nor has it been accepted or resubmitted) and the report is still at the version it
 * was written on. After that the comment is part of what was decided on, and stays as written.
 */
async function changeableComment(store: Store, actor: Actor, reportId: string, commentId: string) {
  const row = await loadReportRow(store, actor, reportId);
  const comment = await store.db.selectFrom('comments').selectAll().where('id', '=', commentId).where('report_id', '=', reportId).executeTakeFirst();
  if (!comment) throw new AppError('NOT_FOUND', 'Không tìm thấy góp ý.', { status: 404 });
  if (comment.author_id !== actor.userId) throw new AppError('COMMENT_NOT_AUTHOR', 'Chỉ người viết góp ý được sửa hoặc xóa góp ý đó.', { status: 403 });
  if (!commentChangeable(row.version, comment.version)) {
    throw new AppError('COMMENT_FROZEN', 'Báo cáo đã được trả lại, tiếp nhận hoặc nộp lại sau khi góp ý này được ghi, nên góp ý được giữ nguyên như khi quyết định.', { status: 409 });
  }
  return comment;
}

/** Corrects the text of one's own comment (before the report changes hands); audited with both texts. */
export async function editComment(store: Store, actor: Actor, reportId: string, commentId: string, text: string): Promise<CommentItem> {
  const comment = await changeableComment(store, actor, reportId, commentId);
  const body = text.trim();
  if (!body) throw new AppError('EMPTY_COMMENT', 'Nội dung góp ý không được để trống.', { status: 400 });
  if (body !== comment.body) {
    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('comments').set({ body }).where('id', '=', comment.id).execute();
      await appendAudit(store, trx, actor, { entity: 'comment', entityId: comment.id, action: 'edit', before: { reportId, body: comment.body }, after: { reportId, body } });
    });
  }
  return { id: comment.id, version: comment.version, path: comment.path, lineId: comment.line_id, body, authorName: comment.author_name, createdAt: comment.created_at, canChange: true };
}

/** Withdraws one's own comment (before the report changes hands); the audit keeps what it said. */
export async function deleteComment(store: Store, actor: Actor, reportId: string, commentId: string): Promise<void> {
  const comment = await changeableComment(store, actor, reportId, commentId);
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('comments').where('id', '=', comment.id).execute();
    await appendAudit(store, trx, actor, { entity: 'comment', entityId: comment.id, action: 'delete', before: { reportId, version: comment.version, path: comment.path, lineId: comment.line_id, body: comment.body } });
  });
}
