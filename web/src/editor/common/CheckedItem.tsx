import { Form } from 'antd';
import type { ReactNode } from 'react';
import { findingsAt, findingsInvolving, worst } from '../paths.ts';
import { useFindings } from './findings-context.ts';
import { FindingText } from './FindingText.tsx';
import type { InputError } from './NumberInput.tsx';

interface Props {
  label: ReactNode;
  /** JSON path of the field, e.g. "implementation.dossiers.total"; also the input's id. */
  path: string;
  children: ReactNode;
  extra?: ReactNode;
  /** A parse error of the input itself (shown before findings). */
  inputError?: InputError | undefined;
  style?: React.CSSProperties;
}

export const fieldId = (path: string): string => `f-${path.replace(/[^\w-]/g, '_')}`;

/**
 * A labelled field that shows the live checks about it: the messages of findings whose main
 * path is this field, and a coloured outline when it takes part in another field's finding.
 */
export function CheckedItem({ label, path, children, extra, inputError, style }: Props) {
  const findings = useFindings();
  // INPUT_INVALID repeats the input's own message for the checks panel; here the input shows it.
  const own = findingsAt(findings, path).filter((f) => f.code !== 'INPUT_INVALID');
  const involved = findingsInvolving(findings, path);
  const status = inputError ? 'error' : worst([...own, ...involved]);
  const help =
    inputError || own.length > 0 ? (
      <div role={status === 'error' ? 'alert' : 'status'}>
        {inputError && <div data-code={inputError.code} title={inputError.code}>{inputError.message}</div>}
        {own.map((f, i) => (
          <FindingText key={`${f.code}-${i}`} finding={f} />
        ))}
      </div>
    ) : undefined;
  return (
    <div data-path={path} style={style}>
      <Form.Item label={label} htmlFor={fieldId(path)} validateStatus={status} help={help} extra={extra} style={{ marginBottom: 16 }}>
        {children}
      </Form.Item>
    </div>
  );
}
