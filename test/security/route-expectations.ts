import { readFileSync } from 'node:fs';
import type { Role } from '../../src/services/actor.ts';

/**
 * What every API route must answer, per role, when its target is the actor's own (visible) and
 * when it is not. The isolation matrix enumerates the routes the app really registers and
 * fails on any route missing here — a new route cannot ship without its isolation answer.
 *
 * Hidden targets (another commune, another province, an id that does not exist) answer 404 by
 * default: a report outside one's scope is "not found", its existence is not revealed.
 */
export type Who = Role | 'anonymous';

export interface CaseInput {
  /** The target entity's current row, for bodies and If-Match (the attacker knows both). */
  target?: { body: string; version: number };
  /** The first commune of the actor's province. */
  ownUnitId?: string;
}

export interface RouteExpectation {
  /** Accepted statuses when the target is visible to the actor (or the route has no target). */
  visible: Record<Role, readonly number[]>;
  /** Accepted statuses when the target is hidden; default 404 for every role. */
  hidden?: Partial<Record<Role, readonly number[]>>;
  /** Default 401. */
  anonymous?: readonly number[];
  query?: string;
  body?: (input: CaseInput) => unknown;
  headers?: (input: CaseInput) => Record<string, string>;
  /** A multipart upload instead of a JSON body. */
  upload?: { fileName: string; content: Buffer };
  /** Needs a session of its own (it ends or replaces the session). */
  freshSession?: boolean;
}

const every = (statuses: readonly number[]): Record<Role, readonly number[]> => ({ commune_officer: statuses, commune_chairman: statuses, dept_reviewer: statuses, dept_admin: statuses });
const OK = every([200]);
/** Department-only: a commune user is refused by role (403) or by scope (404). */
const DEPT_ONLY = (ok: readonly number[], reviewer: readonly number[] = ok) => ({ commune_officer: [403], commune_chairman: [403], dept_reviewer: reviewer, dept_admin: ok });
const COMMUNE_REFUSED = { commune_officer: [403, 404], commune_chairman: [403, 404] };
/** Admin-only: the reviewer is refused by role before the target is looked up. */
const ADMIN_ONLY_REFUSED = { ...COMMUNE_REFUSED, dept_reviewer: [403, 404] };
const reportBody = (input: CaseInput): unknown => (input.target ? JSON.parse(input.target.body) : {});
/** Saving and every version-freezing change carry the version acted on. */
const ifMatch = (input: CaseInput): Record<string, string> => ({ 'if-match': String(input.target?.version ?? 1) });
const FIXTURE_TXT = readFileSync(new URL('../fixtures/seed-kien-thuy-2026.txt', import.meta.url));

/** Which entity a path parameter names: by its own name first, else by the path segment before it. */
export const ENTITY_BY_PARAM: Record<string, 'report' | 'cycle' | 'unit'> = { unitId: 'unit', reportId: 'report', cycleId: 'cycle' };
export const ENTITY_BY_SEGMENT: Record<string, 'report' | 'cycle' | 'unit'> = { reports: 'report', cycles: 'cycle', units: 'unit' };
/** Parameters that are not ids but positions inside an entity named before them (never alone). */
export const SUB_PARAMS: Record<string, string> = { version: '1', commentId: 'khong-co-gop-y', disbursementId: 'khong-co' };

let unknownNames = 0;

export const EXPECTATIONS: Record<string, RouteExpectation> = {
  'GET /api/health': { visible: OK, anonymous: [200] },
  // A new unknown name per request: every name's failures count towards its sign-in delay.
  'POST /api/auth/login': { visible: every([401]), anonymous: [401], body: () => ({ username: `khong.ton.tai.${++unknownNames}`, password: 'sai-mat-khau-1' }) },
  'POST /api/auth/logout': { visible: OK, anonymous: [200], freshSession: true },
  'GET /api/auth/csrf': { visible: OK },
  'GET /api/me': { visible: OK },
  'GET /api/units': { visible: OK },
  'GET /api/budget-codes': { visible: OK },
  'GET /api/reports': { visible: OK },
  'POST /api/reports/import': { visible: OK, upload: { fileName: 'bao-cao.txt', content: FIXTURE_TXT } },
  'GET /api/reports/:id': { visible: OK },
  'PUT /api/reports/:id': {
    visible: { commune_officer: [200], commune_chairman: [200], dept_reviewer: [403], dept_admin: [403] },
    body: reportBody,
    headers: ifMatch,
  },
  'POST /api/reports/:id/submit': {
    // The seed report has warnings: without acknowledging them the chairman gets 422 and nothing changes.
    visible: { commune_officer: [403], commune_chairman: [200, 422], dept_reviewer: [403], dept_admin: [403] },
    body: () => ({ acknowledgeWarnings: false }),
    headers: ifMatch,
  },
  'GET /api/reports/:id/checks': { visible: OK },
  'GET /api/reports/:id/versions': { visible: OK },
  'GET /api/reports/:id/versions/:version': { visible: OK },
  // Restoring version 1: 409 when it is the current content (SAME_AS_CURRENT) or the report is locked.
  'POST /api/reports/:id/versions/:version/restore': {
    visible: { commune_officer: [200, 409], commune_chairman: [200, 409], dept_reviewer: [403], dept_admin: [403] },
    headers: (input) => ({ 'if-match': String(input.target?.version ?? 1) }),
  },
  'GET /api/reports/:id/diff': { visible: OK, query: 'from=1&to=1' },
  'GET /api/reports/:id/events': { visible: OK },
  'GET /api/reports/:id/document.docx': { visible: OK },
  'GET /api/reports/:id/appendix.xlsx': { visible: OK },
  // 503 when LibreOffice is absent: the scope is checked before any conversion starts.
  'GET /api/reports/:id/document.pdf': { visible: every([200, 503]) },
  'GET /api/reports/:id/appendix.pdf': { visible: every([200, 503]) },

  // The Department's routes (cycles, review, dashboard, approval and execution).
  'GET /api/cycles': { visible: OK },
  'POST /api/cycles': {
    visible: DEPT_ONLY([201, 409], [403]),
    body: (input) => ({ planYear: 2031, guidanceNumber: 'Công văn số 9/TN', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2030-07-31', unitIds: [input.ownUnitId] }),
  },
  // The body repeats the issuer / asks for the status the cycle has: a visible cycle is not changed.
  'PATCH /api/cycles/:id': { visible: DEPT_ONLY([200, 409], [403]), hidden: ADMIN_ONLY_REFUSED, body: () => ({ guidanceIssuer: 'Bộ Khoa học và Công nghệ' }) },
  'PUT /api/cycles/:id/status': { visible: DEPT_ONLY([409], [403]), hidden: ADMIN_ONLY_REFUSED, body: () => ({ status: 'open' }) },
  'PUT /api/cycles/:id/deadlines/:unitId': { visible: DEPT_ONLY([200, 204], [403]), hidden: ADMIN_ONLY_REFUSED, body: () => ({ deadline: '2026-08-15' }) },
  'GET /api/cycles/:id/progress': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  'GET /api/cycles/:id/reminders.csv': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  'GET /api/cycles/:id/queue': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  // A commune sees the review bundle of its own report (comments, timeline, changes).
  'GET /api/reports/:id/review': { visible: OK },
  'GET /api/reports/:id/comments': { visible: OK },
  // No such comment on a visible report: 404 for everyone (a hidden report is 404 before that).
  'PATCH /api/reports/:id/comments/:commentId': { visible: every([404]), body: () => ({ body: 'Sửa góp ý kiểm thử phạm vi.' }) },
  'DELETE /api/reports/:id/comments/:commentId': { visible: every([404]) },
  // The targets are drafts: a visible one is refused for its status (409/422), never done;
  // comments too, since they go on submitted versions only.
  'POST /api/reports/:id/comments': { visible: DEPT_ONLY([409]), hidden: COMMUNE_REFUSED, body: () => ({ path: 'plan.basis', body: 'Góp ý kiểm thử phạm vi.' }) },
  'POST /api/reports/:id/return': { visible: DEPT_ONLY([409, 422]), hidden: COMMUNE_REFUSED, body: () => ({ reason: 'Kiểm thử phạm vi.' }), headers: ifMatch },
  'POST /api/reports/:id/accept': { visible: DEPT_ONLY([409, 422]), hidden: COMMUNE_REFUSED, body: () => ({}), headers: ifMatch },
  'GET /api/dashboard': { visible: DEPT_ONLY([200]) },
  'GET /api/cycles/:id/consolidation': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  'GET /api/cycles/:id/consolidated.xlsx': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  'GET /api/cycles/:id/consolidated.docx': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
  'GET /api/reports/:id/execution': { visible: OK },
  'POST /api/reports/:id/approval': { visible: DEPT_ONLY([409, 422], [403]), hidden: ADMIN_ONLY_REFUSED, body: () => ({ decisionNumber: '12/QĐ-UBND', decisionDate: '2026-12-20' }), headers: ifMatch },
  'POST /api/reports/:id/disbursements': {
    visible: { commune_officer: [409, 422], commune_chairman: [409, 422], dept_reviewer: [403], dept_admin: [403] },
    body: () => ({ lineId: 'khong-co', amount: 1_000_000, date: '2027-03-01' }),
  },
  // The targets are not approved: a correction is refused for that (409), never recorded.
  'POST /api/reports/:id/approval/versions': {
    visible: DEPT_ONLY([409], [403]), hidden: ADMIN_ONLY_REFUSED,
    body: () => ({ decisionNumber: '12/QĐ-UBND', decisionDate: '2026-12-20', expectedVersion: 1, reason: 'Kiểm thử phạm vi.' }),
  },
  'POST /api/reports/:id/disbursements/:disbursementId/corrections': {
    visible: { commune_officer: [409], commune_chairman: [409], dept_reviewer: [403], dept_admin: [403] },
    body: () => ({ amount: 1_000_000, date: '2027-03-01', reason: 'Kiểm thử phạm vi.' }),
  },
  'GET /api/cycles/:id/execution': { visible: DEPT_ONLY([200]), hidden: COMMUNE_REFUSED },
};
