import { App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { deptApi } from '../api.ts';

/** Return with reasons, or accept: the two decisions on a submitted report. */
export function DecisionCard({ id, status, onDone }: { id: string; status: string; onDone(): void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (status !== 'submitted') return null;
  const act = async (what: 'return' | 'accept') => {
    setBusy(true);
    try {
      if (what === 'return') await deptApi.returnReport(id, reason);
      else await deptApi.accept(id);
      message.success(what === 'return' ? 'Đã trả lại báo cáo cho xã.' : 'Đã tiếp nhận báo cáo.');
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Quyết định" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">Trả lại để xã sửa (kèm lý do), hoặc tiếp nhận để đưa vào tổng hợp.</Typography.Paragraph>
      <Space>
        <Button danger onClick={() => setOpen(true)}>Trả lại…</Button>
        <Button type="primary" loading={busy} onClick={() => void act('accept')}>Tiếp nhận</Button>
      </Space>
      <Modal title="Trả lại báo cáo" open={open} okText="Trả lại" cancelText="Hủy" okButtonProps={{ danger: true, disabled: reason.trim().length < 5, loading: busy }} onOk={() => void act('return')} onCancel={() => setOpen(false)}>
        <Typography.Paragraph>Lý do trả lại (xã sẽ thấy nội dung này cùng các góp ý):</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do trả lại" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={5000} />
      </Modal>
    </Card>
  );
}
