import type { Finding } from '../../../src/domain/checks.ts';
import type { Consolidation, FieldKey, KpiDistribution, Totals } from '../../../src/domain/consolidate.ts';
import type { ProgressSummary, Timeliness } from '../../../src/domain/progress.ts';
import type { Report } from '../../../src/domain/report-schema.ts';
import { api } from '../api/client.ts';
import type { Change, CommentItem, ReportMeta } from '../api/types.ts';

/** The Department's endpoints (src/server/routes/{cycles,review,dashboard,approval}.ts), on the shared client. */
export interface Cycle {
  id: string; planYear: number; reportYear: number; guidance: string; deadline: string; status: string; demo: boolean;
  guidanceNumber?: string; guidanceDate?: string | null; guidanceIssuer?: string;
  /** Submitted reports waiting for review (sent to the Department only). */
  pendingReviews?: number;
}
export interface EditCycleInput { guidanceNumber?: string; guidanceDate?: string | null; guidanceIssuer?: string; deadline?: string }
export interface OpenCycleInput { planYear: number; guidanceNumber: string; guidanceDate?: string | null; guidanceIssuer: string; deadline: string; unitIds?: string[] }
export interface QueueItem {
  reportId: string; unit: { id: string; name: string; kind: string }; submittedAt: string | null; firstSubmittedAt: string | null; deadline: string;
  timeliness: Timeliness; daysLate: number; returns: number; planTotal: number; errors: number; warnings: number; version: number;
}
export type { CommentItem };
export interface EventItem { id: string; at: string; actorName: string | null; action: string; fromStatus: string | null; toStatus: string; version: number; reason: string | null }
export interface ReviewBundle {
  report: Report; meta: ReportMeta; findings: Finding[]; events: EventItem[]; comments: CommentItem[];
  sinceReturn: { fromVersion: number; returnedAt: string; returnedBy: string | null; reason: string | null; changes: Change[] } | null;
  lastYear: { previousReportId: string | null; previousStatus: string | null; rows: { key: string; label: string; previous: number | null; current: number }[] };
}
/** One approval version (src/services/approval.ts): the latest is what disbursement follows. */
export interface ApprovalHeader {
  version: number; decisionNumber: string; decisionDate: string; requestedTotal: number; approvedTotal: number;
  aboveRequestReason: string | null; correctionReason: string | null; createdAt: string; createdBy: string | null;
}
export interface Execution {
  reportId: string;
  approval: ApprovalHeader | null;
  approvalVersions: (ApprovalHeader & { changes: { lineId: string; title: string; before: number; after: number }[] })[];
  lines: { lineId: string; title: string; field: string | null; budgetCode: string | null; kind: string; requested: number; approved: number; disbursed: number }[];
  disbursements: { id: string; lineId: string; amount: number; disbursedOn: string; note: string | null; createdAt: string; corrects: string | null; correctionReason: string | null; supersededBy: string | null }[];
  disbursedTotal: number;
  canRecordDisbursement: boolean;
  canCorrectApproval: boolean;
}
export interface ApprovalBody {
  decisionNumber: string; decisionDate: string; lines: { lineId: string; approved: number }[];
  aboveRequest?: { confirmed: true; reason: string };
}
export interface Dashboard {
  cycle: Cycle; cycles: Cycle[];
  progress: Pick<ProgressSummary, 'expected' | 'drafting' | 'submitted' | 'returned' | 'accepted' | 'approved' | 'everSubmitted' | 'onTime' | 'late' | 'overdue'>;
  included: number; totals: Totals;
  topUnits: { unitId: string; name: string; kind: string; status: string; total: number; byField: Record<FieldKey, number> }[];
  kpis: KpiDistribution[];
  yearOverYear: { planYear: number; included: number; requested: number; approved: number; disbursed: number; byField: Record<FieldKey, number> }[];
  execution: { approved: number; disbursed: number; byField: { field: FieldKey; approved: number; disbursed: number }[] };
}
export interface FieldExecution { field: FieldKey; approved: number; disbursed: number }
export interface ExecutionOverview {
  approved: number; disbursed: number; byField: FieldExecution[];
  units: { unitId: string; name: string; kind: string; reportId: string; approved: number; disbursed: number; byField: FieldExecution[] }[];
}
export type Progress = ProgressSummary & { cycle: Cycle };
export type { Consolidation };

const enc = encodeURIComponent;
const ifMatch = (version: number) => ({ 'If-Match': String(version) });
const qs = (params: Record<string, string | undefined>) => {
  const p = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return p.length ? `?${p.map(([k, v]) => `${k}=${enc(v)}`).join('&')}` : '';
};

export const deptApi = {
  cycles: () => api<{ items: Cycle[] }>('/api/cycles'),
  openCycle: (body: OpenCycleInput) => api<{ cycle: Cycle }>('/api/cycles', { method: 'POST', body }),
  extendDeadline: (cycleId: string, unitId: string, deadline: string | null) =>
    api<{ ok: true }>(`/api/cycles/${enc(cycleId)}/deadlines/${enc(unitId)}`, { method: 'PUT', body: { deadline } }),
  queue: (cycleId: string) => api<{ items: QueueItem[] }>(`/api/cycles/${enc(cycleId)}/queue`),
  progress: (cycleId: string) => api<Progress>(`/api/cycles/${enc(cycleId)}/progress`),
  review: (id: string) => api<ReviewBundle>(`/api/reports/${enc(id)}/review`),
  comment: (id: string, body: { path: string; lineId?: string; body: string }) => api<{ comment: CommentItem }>(`/api/reports/${enc(id)}/comments`, { method: 'POST', body }),
  editComment: (id: string, commentId: string, body: string) => api<{ comment: CommentItem }>(`/api/reports/${enc(id)}/comments/${enc(commentId)}`, { method: 'PATCH', body: { body } }),
  deleteComment: (id: string, commentId: string) => api<{ ok: true }>(`/api/reports/${enc(id)}/comments/${enc(commentId)}`, { method: 'DELETE' }),
  editCycle: (cycleId: string, body: EditCycleInput) => api<{ cycle: Cycle }>(`/api/cycles/${enc(cycleId)}`, { method: 'PATCH', body }),
  setCycleStatus: (cycleId: string, status: 'open' | 'closed') => api<{ cycle: Cycle }>(`/api/cycles/${enc(cycleId)}/status`, { method: 'PUT', body: { status } }),
  // Decisions carry the version on screen (If-Match); a newer one answers 409 VERSION_CHANGED.
  returnReport: (id: string, version: number, reason: string) =>
    api<{ meta: ReportMeta }>(`/api/reports/${enc(id)}/return`, { method: 'POST', body: { reason }, headers: ifMatch(version) }),
  accept: (id: string, version: number) => api<{ meta: ReportMeta }>(`/api/reports/${enc(id)}/accept`, { method: 'POST', body: {}, headers: ifMatch(version) }),
  execution: (id: string) => api<Execution>(`/api/reports/${enc(id)}/execution`),
  disburse: (id: string, body: { lineId: string; amount: number; date: string; note?: string }) =>
    api<Execution>(`/api/reports/${enc(id)}/disbursements`, { method: 'POST', body }),
  approve: (id: string, version: number, body: ApprovalBody) => api<Execution>(`/api/reports/${enc(id)}/approval`, { method: 'POST', body, headers: ifMatch(version) }),
  correctApproval: (id: string, body: ApprovalBody & { expectedVersion: number; reason: string }) =>
    api<Execution>(`/api/reports/${enc(id)}/approval/versions`, { method: 'POST', body }),
  correctDisbursement: (id: string, disbursementId: string, body: { amount: number; date: string; note?: string; reason: string }) =>
    api<Execution>(`/api/reports/${enc(id)}/disbursements/${enc(disbursementId)}/corrections`, { method: 'POST', body }),
  dashboard: (f: { cycleId?: string; status?: string; unitKind?: string }) => api<{ dashboard: Dashboard | null }>(`/api/dashboard${qs(f)}`),
  cycleExecution: (cycleId: string) => api<ExecutionOverview>(`/api/cycles/${enc(cycleId)}/execution`),
  remindersUrl: (cycleId: string) => `/api/cycles/${enc(cycleId)}/reminders.csv`,
  documentUrl: (cycleId: string, kind: 'consolidated.xlsx' | 'consolidated.docx') => `/api/cycles/${enc(cycleId)}/${kind}`,
};
