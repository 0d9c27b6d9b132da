import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import type { Finding } from '../../../../src/domain/checks.ts';

/** One finding as a line of text with its severity icon; the check code stays in data-code/title for support. */
export function FindingText({ finding }: { finding: Finding }) {
  const error = finding.severity === 'error';
  return (
    <span data-code={finding.code} title={finding.code} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
      {error ? <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-label="Lỗi" /> : <WarningFilled style={{ color: '#d48806' }} aria-label="Cảnh báo" />}
      <span>{finding.message}</span>
    </span>
  );
}
