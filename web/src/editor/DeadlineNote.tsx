import { ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { formatShortDate } from '../../../src/domain/format.ts';
import { deadlineEnd, timeliness } from '../../../src/domain/progress.ts';
import type { ReportMeta } from '../api/types.ts';

const DAY = 86_400_000;

/**
 * The deadline of this report's cycle (the unit's own when extended) and where the report stands
 * against it: days left, days overdue, or submitted late by how many days. Shown under the title
 * so the officer and the chairman see it while they work, not only the Department.
 */
export function DeadlineNote({ meta, now = Date.now() }: { meta: ReportMeta; now?: number }) {
  const deadline = meta.cycle?.deadline;
  if (!deadline) return null;
  const due = formatShortDate(deadline);
  const editable = meta.status === 'draft' || meta.status === 'returned';
  // A returned report is measured on its first submission, which is past: only the date matters then.
  const t = timeliness({ deadline, firstSubmittedAt: editable ? null : meta.submittedAt ?? null }, now);
  const line = (type: 'danger' | 'warning' | 'secondary' | 'success', text: string, strong = false) => (
    <div role={type === 'danger' ? 'alert' : undefined} data-timeliness={t.timeliness} style={{ marginTop: 4 }}>
      <Typography.Text type={type} strong={strong} style={{ fontSize: 14 }}>
        {type === 'danger' ? <ExclamationCircleFilled /> : <ClockCircleOutlined />} {text}
      </Typography.Text>
    </div>
  );
  if (t.timeliness === 'overdue') {
    return meta.status === 'returned'
      ? line('warning', `Hạn nộp ${due} đã qua ${t.daysLate} ngày; Sở đã trả lại báo cáo, sửa và nộp lại sớm.`, true)
      : line('danger', `Quá hạn ${t.daysLate} ngày: hạn nộp là ${due}, báo cáo chưa nộp.`, true);
  }
  if (t.timeliness === 'pending') {
    const left = Math.max(0, Math.ceil((deadlineEnd(deadline) - now) / DAY));
    return line(left <= 3 ? 'warning' : 'secondary', `Hạn nộp: ${due} (còn ${left} ngày).`, left <= 3);
  }
  if (t.timeliness === 'late') return line('warning', `Đã nộp trễ ${t.daysLate} ngày so với hạn ${due}.`);
  return line('success', `Đã nộp đúng hạn (hạn nộp ${due}).`);
}
