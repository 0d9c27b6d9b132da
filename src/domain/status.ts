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
