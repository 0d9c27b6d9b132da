import { Alert, App, Button, DatePicker, Descriptions, Flex, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { formatDay, unitName } from '../../app/labels.ts';
import { deptApi, type Cycle, type Progress } from '../api.ts';

type ProgressRow = Progress['rows'][number];

/** A later deadline for one unit of the cycle (the cycle's own deadline stays), or back to the common one. */
export function DeadlineModal({ cycle, row, onClose, onSaved }: { cycle: Cycle; row: ProgressRow; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const extended = row.deadline > cycle.deadline;
  const [date, setDate] = useState<Dayjs | null>(() => dayjs(row.deadline > cycle.deadline ? row.deadline : cycle.deadline).add(extended ? 0 : 15, 'day'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const name = unitName(row.unit);

  const save = async (deadline: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      await deptApi.extendDeadline(cycle.id, row.unit.id, deadline);
      message.success(deadline ? `Đã gia hạn nộp cho ${name} đến ${formatDay(deadline)}.` : `${name} trở lại hạn nộp chung ${formatDay(cycle.deadline)}.`);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open title={`Gia hạn nộp báo cáo: ${name}`} onCancel={onClose} destroyOnHidden
      footer={
        <Flex justify="space-between">
          <span>{extended && <Button danger disabled={busy} onClick={() => void save(null)}>Bỏ gia hạn</Button>}</span>
          <Flex gap={8}>
            <Button onClick={onClose}>Hủy</Button>
            <Button type="primary" loading={busy} disabled={!date} onClick={() => date && void save(date.format('YYYY-MM-DD'))}>Gia hạn</Button>
          </Flex>
        </Flex>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
        { key: 'c', label: 'Kỳ báo cáo', children: `Kế hoạch năm ${cycle.planYear}` },
        { key: 'd', label: 'Hạn nộp chung', children: formatDay(cycle.deadline) },
        { key: 'u', label: 'Hạn hiện tại của đơn vị', children: formatDay(row.deadline) },
      ]} />
      <label htmlFor="khcn-new-deadline"><Typography.Text strong>Hạn nộp mới</Typography.Text></label>
      <DatePicker
        id="khcn-new-deadline" aria-label="Hạn nộp mới" format="DD/MM/YYYY" placeholder="dd/mm/yyyy" value={date} onChange={setDate}
        disabledDate={(d) => d.format('YYYY-MM-DD') < cycle.deadline} style={{ width: '100%', marginTop: 6 }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        Hạn riêng không được sớm hơn hạn chung. Việc gia hạn được ghi vào nhật ký kiểm toán.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
