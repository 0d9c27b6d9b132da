import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { findingsAt, worst } from '../paths.ts';
import { CheckedItem, fieldId } from './CheckedItem.tsx';
import { useFindings } from './findings-context.ts';
import { FindingText } from './FindingText.tsx';

interface Props {
  label: ReactNode;
  path: string;
  value: readonly string[];
  onChange(value: string[]): void;
  /** One line each (recipients) instead of growing paragraphs. */
  singleLine?: boolean;
  addLabel?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A list of paragraphs that grow as you type, each removable, with "Thêm đoạn" at the end. */
export function ParagraphList({ label, path, value, onChange, singleLine, addLabel = 'Thêm đoạn', placeholder, disabled }: Props) {
  const set = (i: number, text: string) => onChange(value.map((p, j) => (j === i ? text : p)));
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));
  // The paragraph "Thêm đoạn" just made takes the focus once it is rendered: what is typed next goes
  // into it (a space must not press the button again and add another empty paragraph).
  const focusNew = useRef<number | undefined>(undefined);
  const add = () => {
    focusNew.current = value.length;
    onChange([...value, '']);
  };
  const items = value.length > 0 ? value : [];
  const idOf = (i: number) => (i === 0 ? fieldId(path) : `${fieldId(path)}-${i}`);
  useEffect(() => {
    const i = focusNew.current;
    if (i === undefined || i >= items.length) return;
    focusNew.current = undefined;
    const input = document.getElementById(idOf(i));
    input?.focus();
    input?.scrollIntoView({ block: 'nearest' });
  });
  // Findings about one paragraph (a figure it states that the form contradicts) show under it.
  const findings = useFindings();
  return (
    <CheckedItem label={label} path={path}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {items.map((text, i) => {
          const id = idOf(i);
          const aria = items.length > 1 ? `${typeof label === 'string' ? label : 'Đoạn'} – đoạn ${i + 1}` : undefined;
          const own = findingsAt(findings, `${path}[${i}]`);
          const status = worst(own);
          return (
            <div key={i} data-path={`${path}[${i}]`}>
            <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
              {singleLine ? (
                <Input id={id} aria-label={aria} value={text} placeholder={placeholder} status={status} onChange={(e) => set(i, e.target.value)} />
              ) : (
                <Input.TextArea
                  id={id}
                  aria-label={aria}
                  value={text}
                  placeholder={placeholder}
                  autoSize={{ minRows: 2, maxRows: 14 }}
                  status={status}
                  onChange={(e) => set(i, e.target.value)}
                  style={{ textAlign: 'justify' }}
                />
              )}
              {!disabled && (
                <Tooltip title="Xóa đoạn này">
                  <Button aria-label={`Xóa đoạn ${i + 1}`} icon={<DeleteOutlined />} type="text" onClick={() => remove(i)} />
                </Tooltip>
              )}
            </div>
            {own.length > 0 && (
              <div role={status === 'error' ? 'alert' : 'status'} style={{ fontSize: 13, marginTop: 4 }}>
                {own.map((f, j) => <FindingText key={`${f.code}-${j}`} finding={f} />)}
              </div>
            )}
            </div>
          );
        })}
        {!disabled && (
          <div>
            <Button id={items.length === 0 ? fieldId(path) : undefined} icon={<PlusOutlined />} size="small" onClick={add}>
              {addLabel}
            </Button>
          </div>
        )}
      </div>
    </CheckedItem>
  );
}
