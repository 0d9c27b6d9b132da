import { Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { CheckedItem, fieldId } from './CheckedItem.tsx';
import { DateInput } from './DateInput.tsx';
import { NumberInput, type InputError, type NumberMode } from './NumberInput.tsx';

/** A labelled one-line text field at a report path. */
export function TextField(props: { label: ReactNode; path: string; value: string | undefined; onChange(v: string | undefined): void; placeholder?: string; optional?: boolean }) {
  return (
    <CheckedItem label={props.label} path={props.path}>
      <Input
        id={fieldId(props.path)}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(props.optional && e.target.value === '' ? undefined : e.target.value)}
      />
    </CheckedItem>
  );
}

/** A labelled figure (count, amount in triệu đồng or rate) at a report path. */
export function FigureField(props: { label: ReactNode; path: string; mode: NumberMode; value: number | undefined; onChange(v: number | undefined): void; suffix?: string; extra?: ReactNode }) {
  const [inputError, setInputError] = useState<InputError>();
  return (
    <CheckedItem label={props.label} path={props.path} inputError={inputError} extra={props.extra}>
      <NumberInput
        id={fieldId(props.path)}
        mode={props.mode}
        value={props.value}
        onChange={props.onChange}
        onError={(_, e) => setInputError(e)}
        suffix={props.suffix}
        invalidKey={props.path}
        label={typeof props.label === 'string' ? props.label : undefined}
      />
    </CheckedItem>
  );
}

/**
 * A labelled date stored as ISO "YYYY-MM-DD", typed the Vietnamese way ("31/7/2027"); a date that
 * does not exist is shown with its reason and never replaces the stored one.
 */
export function DateField(props: { label: ReactNode; path: string; value: string | undefined; onChange(v: string | undefined): void }) {
  const [inputError, setInputError] = useState<InputError>();
  return (
    <CheckedItem label={props.label} path={props.path} inputError={inputError}>
      <DateInput id={fieldId(props.path)} value={props.value} onChange={props.onChange} onError={setInputError} hideError />
    </CheckedItem>
  );
}
