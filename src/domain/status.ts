/** The life of a report in its cycle (DESIGN §2), with the Vietnamese names shown to people. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  approved: 'Đã phê duyệt',
};

/**
 * Statuses whose current version the Department may comment on: submitted and frozen. A draft (or a
 * report returned and being edited again) changes under the comment, and a comment is the
 * Department's word on what the commune submitted — the workflow is comment, then return or
 * accept. Comments on an accepted or approved version stay possible (notes for the approval).
 */
export const isCommentable = (status: ReportStatus | string): boolean => status === 'submitted' || status === 'accepted' || status === 'approved';
