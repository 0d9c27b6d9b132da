import { Input } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isAppError } from '../../../../src/domain/errors.ts';
import { formatNumber } from '../../../../src/domain/format.ts';
import { millionsToDong } from '../../../../src/domain/money.ts';
import { parseVietnameseNumber } from '../../../../src/domain/parse-number.ts';
import { useInvalidInputsApi } from '../invalid-inputs.ts';

export type NumberMode = 'count' | 'millions' | 'rate';

interface Props {
  id?: string;
  /** count: whole number; millions: value in đồng, typed in triệu đồng; rate: 0–100 with decimals. */
  mode: NumberMode;
  value: number | undefined;
  onChange(value: number | undefined): void;
  /** Reports the coded Vietnamese parse error (or undefined when the text reads fine). */
  /** The Vietnamese message (no code), and the error with its code for data-code/title. */
  onError?(message: string | undefined, error?: InputError): void;
  suffix?: string;
  placeholder?: string;
  ariaLabel?: string;
  disabled?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  style?: React.CSSProperties;
  /**
   * Where the editor keeps a figure that does not read ("line:<id>" or the JSON path): the typed
   * text then survives a reload and is listed by the checks. Without it (outside the editor) the
   * text only stays in the field.
   */
  invalidKey?: string;
  /** The field's name in messages ("Tổng số hồ sơ tiếp nhận"); defaults to ariaLabel. */
  label?: string;
  /** JSON path of the figure, so a finding about it can be opened right at the input. */
  dataPath?: string;
}

const display = (mode: NumberMode, value: number | undefined): string => {
  if (value === undefined) return '';
  if (mode === 'millions') return formatNumber(value / 1_000_000, 6);
  return formatNumber(value, mode === 'rate' ? 2 : 0);
};

/** Parses Vietnamese text ("1.320", "12,5") into the stored value, or throws an AppError. */
export function parseFigure(mode: NumberMode, text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = parseVietnameseNumber(text);
  if (n < 0) throw Object.assign(new Error('Số không được âm.'), { code: 'NUMBER_NEGATIVE' });
  if (mode === 'millions') return millionsToDong(n);
  if (mode === 'count' && !Number.isInteger(n)) throw Object.assign(new Error(`"${text}" phải là số nguyên.`), { code: 'NUMBER_NOT_INTEGER' });
  if (mode === 'rate' && n > 100) throw Object.assign(new Error('Tỷ lệ không được vượt quá 100%.'), { code: 'RATE_TOO_HIGH' });
  return n;
}

/** A figure that does not read: the Vietnamese message for the user, the code for support and tests. */
export interface InputError {
  message: string;
  code: string | undefined;
}

const inputError = (e: unknown): InputError => {
  if (isAppError(e)) return { message: e.message, code: e.code };
  if (e instanceof Error) return { message: e.message, code: (e as Error & { code?: string }).code };
  return { message: 'Số không hợp lệ.', code: undefined };
};

/**
 * A text input for figures written the Vietnamese way. What the user types stays as typed while
 * focused; a valid reading updates the report at once (so totals and checks follow every
 * keystroke). Text that does not read shows its coded error, and the report goes back to the value
 * the field had before this edit: "12.5" never leaves the 12 typed on the way in the report.
 */
export function NumberInput({ id, mode, value, onChange, onError, suffix, placeholder, ariaLabel, disabled, onKeyDown, style, invalidKey, label, dataPath }: Props) {
  const invalid = useInvalidInputsApi();
  const keyed = invalidKey !== undefined && invalid ? { key: invalidKey, api: invalid } : undefined;
  const [stored] = useState(() => keyed?.api.get(keyed.key));
  const [text, setText] = useState(() => stored?.text ?? display(mode, value));
  const [error, setError] = useState<InputError | undefined>(() => (stored ? { message: stored.message, code: stored.code } : undefined));
  const focused = useRef(false);
  /** The value when the edit began: what the report keeps while the text does not read. */
  const before = useRef(stored ? stored.base : value);
  const shown = useRef(value);
  const hasError = useRef(error !== undefined);
  hasError.current = error !== undefined;

  useEffect(() => {
    // Kept from an earlier visit (or a reload): the field's owner shows the message too.
    if (stored) onError?.(stored.message, { message: stored.message, code: stored.code });
  }, []);

  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    if (focused.current) return;
    // Changed from elsewhere (import, the server's copy, restore): the field shows the new figure.
    setText(display(mode, value));
    before.current = value;
    if (hasError.current) {
      hasError.current = false;
      setError(undefined);
      onError?.(undefined);
      if (keyed) keyed.api.set(keyed.key, undefined);
    }
  }, [mode, value]);

  const change = (next: string) => {
    setText(next);
    try {
      const parsed = parseFigure(mode, next);
      setError(undefined);
      onError?.(undefined);
      if (keyed) keyed.api.set(keyed.key, undefined);
      if (parsed !== value) onChange(parsed);
    } catch (e) {
      const err = inputError(e);
      setError(err);
      onError?.(err.message, err);
      // A prefix typed on the way ("12" of "12.5") must not stay in the report.
      if (value !== before.current) onChange(before.current);
      if (keyed) keyed.api.set(keyed.key, { key: keyed.key, text: next, message: err.message, code: err.code, label: label ?? ariaLabel ?? 'Ô số', base: before.current, mode });
    }
  };

  return (
    <Input
      id={id}
      value={text}
      inputMode="decimal"
      aria-label={ariaLabel}
      aria-invalid={error ? true : undefined}
      title={error?.message}
      data-code={error?.code}
      data-invalid-key={error ? invalidKey : undefined}
      data-path={dataPath}
      status={error ? 'error' : undefined}
      suffix={suffix}
      placeholder={placeholder}
      disabled={disabled}
      className="khcn-num"
      style={{ textAlign: 'right', ...style }}
      onFocus={() => {
        focused.current = true;
        if (!error) before.current = value;
      }}
      onBlur={() => {
        focused.current = false;
        if (!error) setText(display(mode, value));
      }}
      onKeyDown={onKeyDown}
      onChange={(e) => change(e.target.value)}
    />
  );
}
