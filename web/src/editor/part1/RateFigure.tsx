import { DeleteOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Statistic, Typography } from 'antd';
import { formatPercent } from '../../../../src/domain/format.ts';
import { rateMatches } from '../../../../src/domain/kpis.ts';
import { useFindings } from '../common/findings-context.ts';
import { FindingText } from '../common/FindingText.tsx';
import { findingsAt } from '../paths.ts';

interface Props {
  title: string;
  value: number | undefined;
  /** The rate as the document's text wrote it (imported), if any. */
  stated: number | undefined;
  /** JSON path of the stated rate, e.g. "implementation.dossiers.statedOnlineRate". */
  statedPath: string;
  readOnly: boolean;
  onUpdateSentence(): void;
  onDropStated(): void;
}

/**
 * A rate computed from the figures, and next to it the rate the document's text states. When they
 * differ (RATE_STATED) the two ways out are right there: rewrite the sentence from the figures, or
 * drop the stated rate after fixing the text by hand.
 */
export function RateFigure({ title, value, stated, statedPath, readOnly, onUpdateSentence, onDropStated }: Props) {
  const findings = findingsAt(useFindings(), statedPath);
  const differs = stated !== undefined && value !== undefined && !rateMatches(stated, value);
  return (
    <div role="group" aria-label={title} data-path={statedPath}>
      <Statistic title={title} value={value === undefined ? '—' : formatPercent(value)} styles={{ content: { color: '#1456b8', fontSize: 22 } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>Tính từ số liệu</Typography.Text>
      {stated !== undefined && (
        <div aria-label={`${title} văn bản ghi`} style={{ fontSize: 13, marginTop: 4 }}>
          <Typography.Text type={differs ? 'danger' : 'secondary'} strong={differs}>
            Văn bản ghi: {formatPercent(stated)}
          </Typography.Text>
          {differs && <Typography.Text type="danger"> — khác tỷ lệ tính từ số liệu</Typography.Text>}
          {findings.map((f, i) => <div key={`${f.code}-${i}`} style={{ fontSize: 12, marginTop: 2 }}><FindingText finding={f} /></div>)}
          {!readOnly && differs && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
              <Button size="small" type="primary" ghost icon={<SyncOutlined />} onClick={onUpdateSentence}>Cập nhật câu trong văn bản</Button>
              <Button size="small" icon={<DeleteOutlined />} onClick={onDropStated}>Bỏ tỷ lệ văn bản ghi</Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
