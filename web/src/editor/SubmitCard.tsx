import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../src/domain/checks.ts';
import { formatShortDate } from '../../../src/domain/format.ts';
import { timeliness } from '../../../src/domain/progress.ts';
import type { ReportMeta } from '../api/types.ts';
import type { SaveState } from './useDraft.ts';

interface Props {
  meta: ReportMeta;
  findings: readonly Finding[];
  saveState: SaveState;
  canSubmit: boolean;
  onSubmit(acknowledgeWarnings: boolean): Promise<void>;
}

/** Why the report can or cannot be submitted yet, the warnings acknowledgement and the button. */
export function SubmitCard({ meta, findings, saveState, canSubmit, onSubmit }: Props) {
  const { modal } = App.useApp();
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  if (meta.status !== 'draft' && meta.status !== 'returned') return null;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const reasons: string[] = [];
  if (!canSubmit) reasons.push('Chỉ Chủ tịch UBND xã mới nộp được báo cáo; cán bộ đầu mối chuẩn bị số liệu rồi báo Chủ tịch kiểm tra và nộp.');
  if (errors > 0) reasons.push(`Còn ${errors} lỗi phải sửa trước khi nộp.`);
  if (saveState === 'conflict') reasons.push('Cần xử lý xung đột phiên bản trước khi nộp.');
  if (saveState === 'error') reasons.push('Chưa lưu được thay đổi gần nhất.');
  if (warnings > 0 && !ack && canSubmit && errors === 0) reasons.push(`Cần xác nhận đã xem ${warnings} cảnh báo.`);
  const disabled = reasons.length > 0 || busy;

  // A first submission past the deadline is recorded as late for good: the chairman reads that before confirming.
  // A returned report is measured on its first submission, already made, so nothing changes there.
  const deadline = meta.cycle?.deadline;
  const late = meta.status === 'draft' && deadline ? timeliness({ deadline, firstSubmittedAt: null }, Date.now()) : null;
  const lateNote = late?.timeliness === 'overdue' && deadline ? ` Hạn nộp là ${formatShortDate(deadline)}: báo cáo sẽ được ghi là nộp trễ ${late.daysLate} ngày.` : '';
  const confirm = () =>
    modal.confirm({
      title: 'Nộp báo cáo cho Sở Khoa học và Công nghệ?',
      content: `Sau khi nộp, báo cáo được khóa và lưu dấu (mã băm SHA-256). Muốn sửa lại cần Sở trả lại báo cáo.${lateNote}`,
      okText: 'Nộp báo cáo',
      cancelText: 'Hủy',
      onOk: async () => {
        setBusy(true);
        try {
          await onSubmit(warnings > 0 && ack);
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <Card size="small" title="Nộp báo cáo">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {warnings > 0 && errors === 0 && canSubmit && (
          <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)}>
            Tôi đã xem {warnings} cảnh báo và xác nhận số liệu là đúng
          </Checkbox>
        )}
        {reasons.length > 0 && (
          <ul id="ly-do-chua-nop" style={{ margin: 0, paddingLeft: 18, color: '#8c8c8c', fontSize: 13 }} aria-label="Lý do chưa nộp được">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <Button type="primary" icon={<SendOutlined />} block disabled={disabled} loading={busy} onClick={confirm} aria-describedby={reasons.length ? 'ly-do-chua-nop' : undefined}>
          Nộp báo cáo
        </Button>
        {reasons.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>Mọi thay đổi sẽ được lưu trước khi nộp.</Typography.Text>}
      </Space>
    </Card>
  );
}
