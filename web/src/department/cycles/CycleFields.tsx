import { Flex, Form, Input, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { DateInput } from '../../editor/common/DateInput.tsx';
import type { InputError } from '../../editor/common/NumberInput.tsx';

/** What opening and editing a cycle share: the guidance it follows and the common deadline (dates ISO). */
export interface CycleFieldValues {
  guidanceNumber: string;
  guidanceDate?: string | undefined;
  guidanceIssuer: string;
  deadline?: string | undefined;
}

type DateKey = 'deadline' | 'guidanceDate';

/**
 * The refusals of the form's typed dates: a date the user typed but that was refused keeps the
 * previous value in the form, so the form must not be sent while any is pending.
 */
export function useDateErrors() {
  const [errors, setErrors] = useState<Partial<Record<DateKey, InputError | undefined>>>({});
  // Read by the form's validators, which antd keeps from the render that registered them.
  const latest = useRef(errors);
  latest.current = errors;
  const onError = useCallback((key: DateKey) => (e: InputError | undefined) => setErrors((prev) => (prev[key] === e ? prev : { ...prev, [key]: e })), []);
  const refused = useCallback((key: DateKey) => !!latest.current[key], []);
  const pending = useMemo(() => Object.values(errors).some(Boolean), [errors]);
  return { pending, onError, refused };
}

type DateErrors = ReturnType<typeof useDateErrors>;

/** The common deadline, typed the Vietnamese way. */
export function DeadlineField({ dates, style }: { dates: DateErrors; style?: CSSProperties }) {
  // "Required" only when nothing was typed: a refused date has its own reason under the field.
  const required = (_: unknown, v: unknown) => (v || dates.refused('deadline') ? Promise.resolve() : Promise.reject(new Error('Nhập hạn nộp chung.')));
  return (
    <Form.Item label="Hạn nộp chung" name="deadline" required rules={[{ validator: required }]} style={style}>
      <DateInput onError={dates.onError('deadline')} allowEmpty={false} />
    </Form.Item>
  );
}

/** Number, date and issuer of the guidance document the cycle follows. */
export function GuidanceFields({ dates }: { dates: DateErrors }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>Văn bản hướng dẫn</Typography.Title>
      <Form.Item label="Số, ký hiệu văn bản" name="guidanceNumber" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu văn bản hướng dẫn.' }]}>
        <Input placeholder="Ví dụ: Công văn số 4194/BKH-CN-KHTC" maxLength={200} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label="Ngày ban hành" name="guidanceDate" style={{ width: 200 }}>
          <DateInput onError={dates.onError('guidanceDate')} />
        </Form.Item>
        <Form.Item label="Cơ quan ban hành" name="guidanceIssuer" rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành.' }]} style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
    </>
  );
}
