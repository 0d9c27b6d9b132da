import { Card } from 'antd';
import { ParagraphList } from '../common/ParagraphList.tsx';
import { memoSection } from '../common/memo-section.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import type { SectionProps } from '../common/section-props.ts';

/** I.4. Đánh giá chung. */
function AssessmentSectionBody({ report, set, readOnly }: SectionProps) {
  const a = report.implementation.assessment;
  const base = ['implementation', 'assessment'] as const;
  return (
    <Card title="4. Đánh giá chung" id="muc-danh-gia" extra={<SectionCommentMarker paths={['implementation.assessment']} what="đánh giá chung" />} size="small" styles={{ body: { paddingBottom: 4 } }}>
      <ParagraphList label="a) Kết quả đạt được" path="implementation.assessment.achievements" value={a.achievements} disabled={readOnly} onChange={(v) => set([...base, 'achievements'], v)} />
      <ParagraphList label="b) Tồn tại, hạn chế" path="implementation.assessment.limitations" value={a.limitations} disabled={readOnly} onChange={(v) => set([...base, 'limitations'], v)} />
      <ParagraphList label="c) Nguyên nhân" path="implementation.assessment.causes" value={a.causes} disabled={readOnly} onChange={(v) => set([...base, 'causes'], v)} />
    </Card>
  );
}

export const AssessmentSection = memoSection(AssessmentSectionBody, (r) => [r.implementation.assessment]);
