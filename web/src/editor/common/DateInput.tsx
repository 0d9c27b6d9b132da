import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Input, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { checkDateRange, formatInputDate, parseVietnameseDate } from '../../../../src/domain/dates.ts';
import { isAppError } from '../../../../src/domain/errors.ts';
import type { InputError } from './NumberInput.tsx';

interface Props {
  id?: string;
  ariaLabel?: string;
  /** The confirmed date, ISO "YYYY-MM-DD" (undefined when empty). Optional so that antd's Form.Item can inject it. */
  value?: string | undefined;
  /** Called only with a date the user confirmed (Enter, leaving the field, or a day picked on the calendar). */
  onChange?(value: string | undefined): void;
  /** The refusal shown under the field (undefined once the text reads as an allowed date), so a form can block saving. */
  onError?(error: InputError | undefined): void;
  /** Earliest and latest allowed ISO dates, bounds included. */
  min?: string | undefined;
  max?: string | undefined;
  /** The reason given for a date outside min–max, e.g. "Ngày giải ngân phải thuộc năm kế hoạch 2027.". */
  rangeMessage?: string | undefined;
  /** When false, emptying the field is refused ("Chưa nhập ngày.") instead of clearing the date. */
  allowEmpty?: boolean;
  /** The parent shows the error itself (e.g. through CheckedItem); otherwise it is shown under the field. */
  hideError?: boolean;
  /** After Enter confirmed a valid date. */
  onPressEnter?(): void;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

const readError = (e: unknown): InputError => (isAppError(e) ? { message: e.message, code: e.code } : { message: 'Ngày không hợp lệ.', code: undefined });

/**
 * A date typed the Vietnamese way ("31/7/2027", "31-07-2027", "31.7.2027"), or picked on a calendar.
 * Focus selects the whole text, so typing replaces the shown date instead of appending to it.
 * Nothing is passed on while typing: the date is confirmed by Enter or by leaving the field, and
 * only when it exists and lies within min–max; otherwise the typed text stays with the reason
 * under it (Vietnamese, with a stable data-code) and the previous date is kept, never replaced.
 */
export function DateInput({ id, ariaLabel, value, onChange, onError, min, max, rangeMessage, allowEmpty = true, hideError, onPressEnter, disabled, autoFocus, placeholder, style }: Props) {
  const [text, setText] = useState(() => (value ? formatInputDate(value) : ''));
  const [error, setError] = useState<InputError>();
  const [picking, setPicking] = useState(false);
  const focused = useRef(false);
  const selectOnMouseUp = useRef(false);
  const errorId = useId();

  useEffect(() => {
    if (!focused.current) setText(value ? formatInputDate(value) : '');
  }, [value]);

  const report = (next: InputError | undefined) => {
    setError(next);
    onError?.(next);
  };

  /** Reads the text into an allowed ISO date, or throws the coded reason. */
  const read = (raw: string): string | undefined => {
    if (raw.trim() === '' && allowEmpty) return undefined;
    const iso = parseVietnameseDate(raw);
    checkDateRange(iso, { min, max, message: rangeMessage });
    return iso;
  };

  /** Confirms the text: passes an allowed date on (shown in the canonical form), or shows why not. */
  const confirm = (raw: string): boolean => {
    try {
      const iso = read(raw);
      report(undefined);
      setText(iso ? formatInputDate(iso) : '');
      if (iso !== value) onChange?.(iso);
      return true;
    } catch (e) {
      report(readError(e));
      return false;
    }
  };

  const change = (next: string) => {
    setText(next);
    // A refusal already shown goes away as soon as the text reads well; new ones wait for confirmation.
    if (error) {
      try {
        read(next);
        report(undefined);
      } catch {
        // still refused: keep the reason on screen until the next confirmation
      }
    }
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (confirm(text)) onPressEnter?.();
  };

  const pick = (day: dayjs.Dayjs) => {
    setPicking(false);
    confirm(formatInputDate(day.format('YYYY-MM-DD')));
  };

  const calendar = (
    <div style={{ width: 300 }}>
      <Calendar
        fullscreen={false}
        value={value ? dayjs(value) : min ? dayjs(min) : undefined}
        disabledDate={(d) => {
          const iso = d.format('YYYY-MM-DD');
          return (min !== undefined && iso < min) || (max !== undefined && iso > max);
        }}
        onSelect={(d, info) => {
          if (info.source === 'date') pick(d);
        }}
      />
    </div>
  );

  return (
    <div style={style}>
      <Input
        id={id}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error && !hideError ? errorId : undefined}
        data-code={error?.code}
        status={error ? 'error' : undefined}
        placeholder={placeholder ?? 'dd/mm/yyyy'}
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        autoFocus={autoFocus}
        onFocus={(e) => {
          focused.current = true;
          e.target.select();
          selectOnMouseUp.current = true;
        }}
        // A click that focuses would otherwise drop the selection made on focus.
        onMouseUp={(e) => {
          if (selectOnMouseUp.current) {
            selectOnMouseUp.current = false;
            e.preventDefault();
          }
        }}
        onBlur={() => {
          focused.current = false;
          selectOnMouseUp.current = false;
          confirm(text);
        }}
        onKeyDown={keyDown}
        onChange={(e) => change(e.target.value)}
        suffix={
          <Popover content={calendar} trigger="click" open={picking && !disabled} onOpenChange={setPicking} placement="bottomRight" destroyOnHidden>
            <Button type="text" size="small" icon={<CalendarOutlined />} aria-label="Chọn trên lịch" disabled={disabled} tabIndex={-1} style={{ marginRight: -6, height: 22 }} />
          </Popover>
        }
      />
      {error && !hideError && (
        <Typography.Text type="danger" id={errorId} role="alert" data-code={error.code} style={{ display: 'block', marginTop: 4 }}>
          {error.message}
        </Typography.Text>
      )}
    </div>
  );
}
