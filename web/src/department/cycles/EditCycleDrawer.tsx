import { Alert, App, Button, Drawer, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { formatDay } from '../../app/labels.ts';
import { deptApi, type Cycle, type EditCycleInput } from '../api.ts';
import { DeadlineField, GuidanceFields, useDateErrors, type CycleFieldValues } from './CycleFields.tsx';

/** "Hạn nộp chung: 31/07/2026 → 31/08/2026", one line per field that changes. */
function changes(cycle: Cycle, next: EditCycleInput): string[] {
  const out: string[] = [];
  if (next.guidanceNumber !== undefined && next.guidanceNumber !== cycle.guidanceNumber) out.push(`Số, ký hiệu văn bản: ${cycle.guidanceNumber ?? '—'} → ${next.guidanceNumber}`);
  if (next.guidanceDate !== undefined && next.guidanceDate !== (cycle.guidanceDate ?? null)) out.push(`Ngày ban hành: ${formatDay(cycle.guidanceDate)} → ${formatDay(next.guidanceDate)}`);
  if (next.guidanceIssuer !== undefined && next.guidanceIssuer !== cycle.guidanceIssuer) out.push(`Cơ quan ban hành: ${cycle.guidanceIssuer ?? '—'} → ${next.guidanceIssuer}`);
  if (next.deadline !== undefined && next.deadline !== cycle.deadline) out.push(`Hạn nộp chung: ${formatDay(cycle.deadline)} → ${formatDay(next.deadline)}`);
  return out;
}

/**
 * Correcting an open cycle: the guidance it follows and the common deadline. The changes are
 * listed and confirmed before they are saved (every unit of the cycle sees the new deadline).
 */
export function EditCycleDrawer({ cycle, onClose, onSaved }: { cycle: Cycle; onClose(): void; onSaved(cycle: Cycle): void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CycleFieldValues>();
  const dates = useDateErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (body: EditCycleInput) => {
    setBusy(true);
    try {
      const { cycle: saved } = await deptApi.editCycle(cycle.id, body);
      message.success(`Đã sửa kỳ báo cáo kế hoạch năm ${saved.planYear}.`);
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirmSave = (v: CycleFieldValues) => {
    setError(undefined);
    if (dates.pending) {
      setError('Có ngày chưa hợp lệ (xem dòng báo đỏ); hãy sửa trước khi lưu.');
      return;
    }
    const body: EditCycleInput = { guidanceNumber: v.guidanceNumber.trim(), guidanceDate: v.guidanceDate ?? null, guidanceIssuer: v.guidanceIssuer.trim(), ...(v.deadline ? { deadline: v.deadline } : {}) };
    const lines = changes(cycle, body);
    if (lines.length === 0) {
      setError('Chưa có gì thay đổi.');
      return;
    }
    const deadlineMoved = body.deadline !== undefined && body.deadline !== cycle.deadline;
    modal.confirm({
      title: `Sửa kỳ báo cáo kế hoạch năm ${cycle.planYear}?`,
      width: 520,
      content: (
        <>
          <ul style={{ paddingLeft: 20, marginTop: 0 }}>{lines.map((l) => <li key={l}>{l}</li>)}</ul>
          {deadlineMoved && (
            <Typography.Paragraph>
              Mọi đơn vị của kỳ thấy hạn mới ngay; đơn vị đã được gia hạn đến trước hạn mới sẽ theo hạn mới.
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ marginBottom: 0 }}>Báo cáo đã tạo giữ nguyên câu căn cứ đã ghi; việc sửa được ghi vào nhật ký kiểm toán.</Typography.Paragraph>
        </>
      ),
      okText: 'Lưu thay đổi',
      cancelText: 'Quay lại',
      onOk: () => save(body),
    });
  };

  return (
    <Drawer
      open size={600} title={`Sửa kỳ báo cáo kế hoạch năm ${cycle.planYear}`} onClose={onClose} destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>Lưu…</Button>
        </Flex>
      }
    >
      <Form<CycleFieldValues>
        form={form} layout="vertical" requiredMark onFinish={confirmSave}
        initialValues={{ guidanceNumber: cycle.guidanceNumber, guidanceDate: cycle.guidanceDate ?? undefined, guidanceIssuer: cycle.guidanceIssuer, deadline: cycle.deadline }}
      >
        <DeadlineField dates={dates} style={{ maxWidth: 240 }} />
        <GuidanceFields dates={dates} />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      </Form>
    </Drawer>
  );
}
