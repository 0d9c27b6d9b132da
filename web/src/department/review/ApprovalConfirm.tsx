import { Alert, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApprovalComparison } from '../../../../src/domain/approval.ts';
import { signedTr, tr } from '../format.ts';

interface Props {
  comparison: ApprovalComparison;
  decision: string;
  /** Set when the confirmation records a correction of that version. */
  correctingVersion?: number | undefined;
  initialAboveReason: string;
  /** Rejects with the Vietnamese message to show when the server refuses. */
  onConfirm(reasons: { above?: string; correction?: string }): Promise<void>;
  onCancel(): void;
}

/**
 * The second look before an approval (or its correction) is recorded: every line approved against
 * proposed, the totals, the lines above their request with the reason they need, and for a
 * correction why it is made. Nothing is recorded until "Ghi nhận" here.
 */
export function ApprovalConfirm({ comparison, decision, correctingVersion, initialAboveReason, onConfirm, onCancel }: Props) {
  const [above, setAbove] = useState(initialAboveReason);
  const [correction, setCorrection] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const needsAbove = comparison.above.length > 0;
  const ready = (!needsAbove || above.trim() !== '') && (correctingVersion === undefined || correction.trim() !== '');
  const title = correctingVersion === undefined ? 'Xác nhận ghi nhận phê duyệt' : `Xác nhận điều chỉnh phê duyệt (phiên bản ${correctingVersion + 1})`;

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm({ ...(needsAbove ? { above: above.trim() } : {}), ...(correctingVersion !== undefined ? { correction: correction.trim() } : {}) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      open title={title} width={760} onCancel={onCancel} confirmLoading={busy} onOk={() => void confirm()}
      okText={correctingVersion === undefined ? 'Ghi nhận phê duyệt' : 'Ghi phiên bản điều chỉnh'} cancelText="Quay lại sửa" okButtonProps={{ disabled: !ready }}
    >
      <Typography.Paragraph>
        {decision}. Số duyệt được khóa làm gốc để xã giải ngân; {correctingVersion === undefined ? 'muốn sửa sau này phải ghi một phiên bản điều chỉnh.' : `phiên bản ${correctingVersion} được giữ nguyên trong lịch sử.`}
      </Typography.Paragraph>
      <Table
        size="small" rowKey="lineId" pagination={false} scroll={{ y: 260 }} dataSource={comparison.lines} aria-label="Duyệt so với đề nghị"
        rowClassName={(l) => (l.difference > 0 ? 'khcn-row-warning' : '')}
        columns={[
          { title: 'Dòng dự toán', dataIndex: 'title', ellipsis: { showTitle: true } },
          { title: 'Đề nghị', dataIndex: 'requested', width: 100, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
          { title: 'Được duyệt', dataIndex: 'approved', width: 110, align: 'right', render: (v: number) => <strong className="khcn-num">{tr(v)}</strong> },
          {
            title: 'Chênh lệch', dataIndex: 'difference', width: 150, align: 'right',
            render: (d: number) => (d > 0 ? <Tag color="warning" style={{ marginInlineEnd: 0 }}>Vượt {signedTr(d)}</Tag> : <span className="khcn-num">{d === 0 ? '—' : signedTr(d)}</span>),
          },
        ]}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>Tổng cộng (triệu đồng)</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><span className="khcn-num">{tr(comparison.requestedTotal)}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right"><strong className="khcn-num">{tr(comparison.approvedTotal)}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><span className="khcn-num">{signedTr(comparison.approvedTotal - comparison.requestedTotal)}</span></Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        {needsAbove && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }}
              title={`${comparison.above.length} dòng được duyệt cao hơn đề nghị: ${comparison.above.map((l) => `"${l.title}" (${tr(l.approved)} so với ${tr(l.requested)})`).join('; ')}.`} />
            <Form.Item label="Lý do duyệt cao hơn đề nghị" htmlFor="khcn-above-reason" required style={{ marginBottom: 12 }}>
              <Input.TextArea id="khcn-above-reason" rows={2} maxLength={2000} value={above} onChange={(e) => setAbove(e.target.value)} placeholder="Ví dụ: bổ sung theo Nghị quyết của HĐND xã" />
            </Form.Item>
          </>
        )}
        {correctingVersion !== undefined && (
          <Form.Item label="Lý do điều chỉnh" htmlFor="khcn-correction-reason" required style={{ marginBottom: 12 }}>
            <Input.TextArea id="khcn-correction-reason" rows={2} maxLength={2000} value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder="Ví dụ: nhập nhầm số liệu của Quyết định" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
