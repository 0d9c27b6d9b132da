import { App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { deptApi } from '../api.ts';

/**
 * Return with reasons, or accept: the two decisions on a submitted report (accepting asks first),
 * on the version shown (`version`, sent as If-Match). If the report moved on meanwhile (returned
 * by a colleague, resubmitted), the decision is refused and the page reloads the latest version.
 */
export function DecisionCard({ id, status, version, unit, onDone }: { id: string; status: string; version: number; unit: string; onDone(): void }) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (status !== 'submitted') return null;
  const act = async (what: 'return' | 'accept') => {
    setBusy(true);
    try {
      if (what === 'return') await deptApi.returnReport(id, version, reason);
      else await deptApi.accept(id, version);
      message.success(what === 'return' ? 'Đã trả lại báo cáo cho đơn vị.' : 'Đã tiếp nhận báo cáo.');
      setOpen(false);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CHANGED') {
        setOpen(false);
        modal.warning({ title: 'Báo cáo đã có phiên bản mới', content: e.message, okText: 'Xem phiên bản mới' });
        onDone();
      } else {
        message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };
  // Accepting cannot be undone from here (the report leaves the commune's hands for good): a second look first.
  const confirmAccept = () => {
    modal.confirm({
      title: `Tiếp nhận báo cáo của ${unit}?`,
      content: (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          Báo cáo được đưa vào tổng hợp; {unit} không sửa được nữa và không thể trả lại báo cáo này sau khi đã tiếp nhận.
          Nếu cần đơn vị sửa, hãy chọn "Trả lại…".
        </Typography.Paragraph>
      ),
      okText: 'Tiếp nhận',
      cancelText: 'Quay lại',
      onOk: () => act('accept'),
    });
  };
  return (
    <Card title="Quyết định" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">Trả lại để đơn vị sửa (kèm lý do), hoặc tiếp nhận để đưa vào tổng hợp.</Typography.Paragraph>
      <Space>
        <Button danger onClick={() => setOpen(true)}>Trả lại…</Button>
        <Button type="primary" loading={busy} onClick={confirmAccept}>Tiếp nhận…</Button>
      </Space>
      <Modal title="Trả lại báo cáo" open={open} okText="Trả lại" cancelText="Hủy" okButtonProps={{ danger: true, disabled: reason.trim().length < 5, loading: busy }} onOk={() => void act('return')} onCancel={() => setOpen(false)}>
        <Typography.Paragraph>Lý do trả lại (đơn vị sẽ thấy nội dung này cùng các góp ý):</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do trả lại" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={5000} />
      </Modal>
    </Card>
  );
}
