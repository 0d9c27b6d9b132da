import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { formatDay } from '../app/labels.ts';
import { deptApi, type Execution } from '../department/api.ts';
import { tr } from '../department/format.ts';
import { DateInput } from '../editor/common/DateInput.tsx';
import { NumberInput } from '../editor/common/NumberInput.tsx';

type Paid = Execution['disbursements'][number];

/** The dates a disbursement may have, and the reason given for one outside them (the API's rule). */
export const planYearRange = (planYear: number) => ({
  min: `${planYear}-01-01`, max: `${planYear}-12-31`,
  rangeMessage: `Ngày giải ngân phải thuộc năm kế hoạch ${planYear} (từ 01/01/${planYear} đến 31/12/${planYear}).`,
});

interface Props {
  reportId: string;
  record: Paid;
  lineTitle: string;
  planYear: number;
  onDone(exec: Execution): void;
  onCancel(): void;
}

/**
 * Corrects a recorded disbursement: the new amount, date and note with the reason, recorded as a
 * new record that replaces the old one (which stays in the history and no longer counts). An
 * amount of 0 cancels a record made by mistake.
 */
export function DisbursementCorrection({ reportId, record, lineTitle, planYear, onDone, onCancel }: Props) {
  const [amount, setAmount] = useState<number | undefined>(record.amount);
  const [amountError, setAmountError] = useState<string>();
  const [date, setDate] = useState<string | undefined>(record.disbursedOn);
  const [dateError, setDateError] = useState<string>();
  const [note, setNote] = useState(record.note ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async () => {
    setError(undefined);
    const problem = amountError ?? dateError ?? (amount === undefined ? 'Nhập số tiền (triệu đồng); 0 để hủy lần ghi sai.' : !date ? 'Nhập ngày giải ngân (dd/mm/yyyy).' : !reason.trim() ? 'Ghi lý do điều chỉnh.' : undefined);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      onDone(await deptApi.correctDisbursement(reportId, record.id, { amount: amount!, date: date!, reason: reason.trim(), ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal open title="Điều chỉnh lần giải ngân đã ghi" onCancel={onCancel} onOk={() => void save()} confirmLoading={busy} okText="Ghi bản điều chỉnh" cancelText="Hủy" okButtonProps={{ disabled: !reason.trim() }}>
      <Typography.Paragraph>
        Lần ghi {tr(record.amount)} triệu đồng ngày {formatDay(record.disbursedOn)} cho dòng "{lineTitle}". Bản điều chỉnh thay thế lần ghi này trong các tổng; lần ghi cũ vẫn giữ trong lịch sử.
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="Số tiền đúng (triệu đồng; 0 để hủy lần ghi sai)" htmlFor="khcn-corr-amount" required validateStatus={amountError ? 'error' : undefined} help={amountError} style={{ marginBottom: 12 }}>
          <NumberInput id="khcn-corr-amount" ariaLabel="Số tiền đúng (triệu đồng)" mode="millions" value={amount} onChange={setAmount} onError={setAmountError} />
        </Form.Item>
        <Form.Item label="Ngày giải ngân" htmlFor="khcn-corr-date" required style={{ marginBottom: 12 }}>
          <DateInput id="khcn-corr-date" ariaLabel="Ngày giải ngân đúng" value={date} onChange={setDate} onError={(e) => setDateError(e?.message)} allowEmpty={false} {...planYearRange(planYear)} />
        </Form.Item>
        <Form.Item label="Ghi chú" htmlFor="khcn-corr-note" style={{ marginBottom: 12 }}>
          <Input.TextArea id="khcn-corr-note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        <Form.Item label="Lý do điều chỉnh" htmlFor="khcn-corr-reason" required style={{ marginBottom: 12 }}>
          <Input.TextArea id="khcn-corr-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Ví dụ: chứng từ ghi 6,5 triệu, không phải 8 triệu" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
