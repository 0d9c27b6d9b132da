import { App, Button, Card, DatePicker, Input, InputNumber, Progress, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { formatDay } from '../../app/labels.ts';
import { useLoad } from '../../app/useLoad.ts';
import { deptApi } from '../api.ts';
import { tr } from '../format.ts';

/**
 * The city's decision for an accepted report (admin records number, date and approved amount per
 * line, in triệu đồng), then the locked baseline with what the commune has disbursed.
 */
export function ApprovalCard({ id, status, canApprove, onDone }: { id: string; status: string; canApprove: boolean; onDone(): void }) {
  const { message } = App.useApp();
  const exec = useLoad(() => deptApi.execution(id), `exec:${id}:${status}`);
  const review = useLoad(() => deptApi.review(id), `approval-lines:${id}`);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [edits, setEdits] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const e = exec.data;
  if (!e) return <Card size="small" loading />;
  if (e.approval) {
    return (
      <Card title="Dự toán được phê duyệt" size="small" style={{ marginBottom: 16 }} aria-label="Phê duyệt và giải ngân">
        <Typography.Paragraph>Quyết định số {e.approval.decisionNumber} ngày {formatDay(e.approval.decisionDate)}: duyệt {tr(e.approval.approvedTotal)} / đề nghị {tr(e.approval.requestedTotal)} triệu đồng.</Typography.Paragraph>
        <Typography.Text>Đã giải ngân {tr(e.disbursedTotal)} triệu đồng</Typography.Text>
        <Progress percent={e.approval.approvedTotal ? Math.round((e.disbursedTotal / e.approval.approvedTotal) * 1000) / 10 : 0} />
      </Card>
    );
  }
  if (!canApprove) return null;
  const leaves = (review.data ? flatten(review.data.report.plan.budget) : []);
  const submit = async () => {
    if (!date) return;
    setBusy(true);
    try {
      await deptApi.approve(id, { decisionNumber: number, decisionDate: date.format('YYYY-MM-DD'), lines: Object.entries(edits).map(([lineId, m]) => ({ lineId, approved: Math.round(m * 1_000_000) })) });
      message.success('Đã ghi nhận phê duyệt; dự toán được duyệt đã khóa.');
      onDone();
      exec.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Ghi nhận phê duyệt của UBND thành phố" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input aria-label="Số quyết định" placeholder="Số quyết định, ví dụ 456/QĐ-UBND" value={number} onChange={(ev) => setNumber(ev.target.value)} />
        <DatePicker aria-label="Ngày quyết định" format="DD/MM/YYYY" value={date} onChange={setDate} style={{ width: '100%' }} />
        <Table size="small" rowKey="id" pagination={false} scroll={{ y: 260 }} dataSource={leaves}
          columns={[
            { title: 'Dòng', dataIndex: 'title', ellipsis: true },
            { title: 'Đề nghị', dataIndex: 'amount', width: 80, align: 'right', render: (v: number) => tr(v) },
            { title: 'Duyệt (tr.đ)', key: 'a', width: 110, render: (_, l) => <InputNumber size="small" min={0} aria-label={`Duyệt ${l.title}`} value={edits[l.id] ?? l.amount / 1_000_000} onChange={(v) => setEdits((x) => ({ ...x, [l.id]: Number(v ?? 0) }))} /> },
          ]} />
        <Button type="primary" disabled={!number.trim() || !date} loading={busy} onClick={() => void submit()}>Ghi nhận và khóa dự toán</Button>
      </Space>
    </Card>
  );
}

interface Node { id: string; title: string; amount: number; children: Node[] }
function flatten(lines: Node[]): Node[] {
  return lines.flatMap((l) => (l.children.length ? flatten(l.children) : [l]));
}
