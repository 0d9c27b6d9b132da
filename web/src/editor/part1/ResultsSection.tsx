import { Card } from 'antd';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { ParagraphList } from '../common/ParagraphList.tsx';
import { memoSection } from '../common/memo-section.ts';
import type { SectionProps } from '../common/section-props.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import { DossierCard } from './DossierCard.tsx';

/** I.2. Kết quả thực hiện theo từng lĩnh vực, with the dossier figures under "Về chuyển đổi số". */
function ResultsSectionBody({ report, set, readOnly, update }: SectionProps & { update(change: (r: Report) => Report): void }) {
  const r = report.implementation.results;
  const base = ['implementation', 'results'] as const;
  return (
    <Card title="2. Kết quả thực hiện theo từng lĩnh vực" id="muc-ket-qua" extra={<SectionCommentMarker paths={['implementation.results']} what="kết quả thực hiện" />} size="small" styles={{ body: { paddingBottom: 4 } }}>
      <ParagraphList label="a) Về khoa học, công nghệ" path="implementation.results.science" value={r.science} disabled={readOnly} onChange={(v) => set([...base, 'science'], v)} />
      <ParagraphList label="b) Về đổi mới sáng tạo" path="implementation.results.innovation" value={r.innovation} disabled={readOnly} onChange={(v) => set([...base, 'innovation'], v)} />
      <DossierCard report={report} set={set} update={update} readOnly={readOnly} />
      <ParagraphList label="c) Về chuyển đổi số" path="implementation.results.digital" value={r.digital} disabled={readOnly} onChange={(v) => set([...base, 'digital'], v)} />
    </Card>
  );
}

export const ResultsSection = memoSection(ResultsSectionBody, (r) => [r.implementation.results, r.implementation.dossiers]);
