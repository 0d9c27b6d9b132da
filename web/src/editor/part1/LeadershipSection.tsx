import { Card, Col, Row } from 'antd';
import { ParagraphList } from '../common/ParagraphList.tsx';
import { FigureField, TextField } from '../common/inputs.tsx';
import { memoSection } from '../common/memo-section.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import type { SectionProps } from '../common/section-props.ts';

/** I.1. Công tác lãnh đạo, chỉ đạo: focal unit, paragraphs, community digital teams. */
function LeadershipSectionBody({ report, set, readOnly }: SectionProps) {
  const l = report.implementation.leadership;
  const t = report.implementation.digitalTeams;
  return (
    <Card title="1. Công tác lãnh đạo, chỉ đạo tổ chức thực hiện" id="muc-lanh-dao" extra={<SectionCommentMarker paths={['implementation.leadership', 'implementation.digitalTeams']} what="lãnh đạo, chỉ đạo" />} size="small" styles={{ body: { paddingBottom: 4 } }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField label="Đơn vị đầu mối" path="implementation.leadership.focalUnit" value={l.focalUnit} optional placeholder="Phòng Văn hóa - Xã hội" onChange={(v) => set(['implementation', 'leadership', 'focalUnit'], v)} />
        </Col>
        <Col xs={12} md={6}>
          <FigureField label="Số Tổ công nghệ số cộng đồng" path="implementation.digitalTeams.teams" mode="count" suffix="tổ" value={t.teams} onChange={(v) => set(['implementation', 'digitalTeams', 'teams'], v)} />
        </Col>
        <Col xs={12} md={6}>
          <FigureField label="Số thành viên" path="implementation.digitalTeams.members" mode="count" suffix="người" value={t.members} onChange={(v) => set(['implementation', 'digitalTeams', 'members'], v)} />
        </Col>
      </Row>
      <ParagraphList label="Nội dung" path="implementation.leadership.paragraphs" value={l.paragraphs} disabled={readOnly} onChange={(v) => set(['implementation', 'leadership', 'paragraphs'], v)} />
    </Card>
  );
}

export const LeadershipSection = memoSection(LeadershipSectionBody, (r) => [r.implementation.leadership, r.implementation.digitalTeams]);
