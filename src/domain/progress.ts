/**
 * Completeness and timeliness of one cycle, pure. A unit is on time when its *first* submission
 * came before the end of its deadline day in Vietnam (UTC+7); a resubmission after a return does
 * not make it late. A unit that has never submitted is overdue once its deadline day is over.
 */
export interface ProgressInput {
  unit: { id: string; name: string; kind: string };
  reportId: string;
  status: string;
  deadline: string;
  /** ISO timestamp of the first submission, if any. */
  firstSubmittedAt: string | null;
  returns: number;
}

export type Timeliness = 'on_time' | 'late' | 'overdue' | 'pending';

export interface ProgressRow extends ProgressInput {
  timeliness: Timeliness;
  /** Whole days after the deadline (late submission or overdue); 0 otherwise. */
  daysLate: number;
}

export interface ProgressSummary {
  expected: number;
  drafting: number;
  submitted: number;
  returned: number;
  accepted: number;
  approved: number;
  /** Units that have submitted at least once. */
  everSubmitted: number;
  onTime: number;
  late: number;
  overdue: number;
  rows: ProgressRow[];
  /** Late submissions and overdue units, the most late first. */
  lateUnits: ProgressRow[];
  /** Units that still have to (re)submit: drafting or returned. */
  reminders: ProgressRow[];
}

const DAY = 86_400_000;

/** End of the deadline day in Vietnam time, as epoch milliseconds. */
export const deadlineEnd = (deadline: string): number => Date.parse(`${deadline}T23:59:59.999+07:00`);

export function timeliness<R extends Pick<ProgressInput, 'deadline' | 'firstSubmittedAt'>>(row: R, now: number): { timeliness: Timeliness; daysLate: number } {
  const end = deadlineEnd(row.deadline);
  if (row.firstSubmittedAt) {
    const at = Date.parse(row.firstSubmittedAt);
    return at <= end ? { timeliness: 'on_time', daysLate: 0 } : { timeliness: 'late', daysLate: Math.ceil((at - end) / DAY) };
  }
  return now > end ? { timeliness: 'overdue', daysLate: Math.ceil((now - end) / DAY) } : { timeliness: 'pending', daysLate: 0 };
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Nộp trễ hạn',
  overdue: 'Quá hạn, chưa nộp',
  pending: 'Chưa đến hạn',
};

export function progress(inputs: readonly ProgressInput[], now: number): ProgressSummary {
  const rows = inputs.map((i) => ({ ...i, ...timeliness(i, now) }));
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const lateUnits = rows.filter((r) => r.timeliness === 'late' || r.timeliness === 'overdue').sort((a, b) => b.daysLate - a.daysLate || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return {
    expected: rows.length,
    drafting: count('draft'),
    submitted: count('submitted'),
    returned: count('returned'),
    accepted: count('accepted'),
    approved: count('approved'),
    everSubmitted: rows.filter((r) => r.firstSubmittedAt !== null).length,
    onTime: rows.filter((r) => r.timeliness === 'on_time').length,
    late: rows.filter((r) => r.timeliness === 'late').length,
    overdue: rows.filter((r) => r.timeliness === 'overdue').length,
    rows,
    lateUnits,
    reminders: rows.filter((r) => r.status === 'draft' || r.status === 'returned'),
  };
}
