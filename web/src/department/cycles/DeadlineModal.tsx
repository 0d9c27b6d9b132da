import { Alert, App, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { addDays } from '../../../../src/domain/dates.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDay, unitName } from '../../app/labels.ts';
import { DateInput } from '../../editor/common/DateInput.tsx';
import type { InputError } from '../../editor/common/NumberInput.tsx';
import { deptApi, type Cycle, type Progress } from '../api.ts';

type ProgressRow = Progress['rows'][number];

/** A later deadline for one unit of the cycle (the cycle's own deadline stays), or back to the common one. */
export function DeadlineModal({ cycle, row, onClose, onSaved }: { cycle: Cycle; row: ProgressRow; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const extended = row.deadline > cycle.deadline;
  const today = dayjs().format('YYYY-MM-DD');
  // A suggestion only (15 days after the common deadline, or after today once it has passed):
  // focus selects it, so whatever is typed replaces it.
  const [date, setDate] = useState<string | undefined>(() => (extended ? row.deadline : addDays(cycle.deadline > today ? cycle.deadline : today, 15)));
  const [dateError, setDateError] = useState<InputError>();
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
            <Button type="primary" loading={busy} disabled={!date || !!dateError} onClick={() => date && !dateError && void save(date)}>Gia hạn</Button>
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
      <DateInput
        id="khcn-new-deadline" ariaLabel="Hạn nộp mới" value={date} onChange={setDate} onError={setDateError} allowEmpty={false}
        min={cycle.deadline} rangeMessage={`Hạn riêng không được sớm hơn hạn nộp chung ${formatDay(cycle.deadline)}.`} style={{ marginTop: 6 }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        Hạn riêng không được sớm hơn hạn chung. Việc gia hạn được ghi vào nhật ký kiểm toán.
      </Typography.Paragraph>
      {date && !dateError && date < today && (
        <Alert type="warning" showIcon title={`Ngày ${formatDay(date)} đã qua: ${name} vẫn quá hạn nếu chưa nộp.`} style={{ marginTop: 12 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
