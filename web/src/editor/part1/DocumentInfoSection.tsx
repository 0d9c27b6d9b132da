import { Card, Col, Row } from 'antd';
import { ParagraphList } from '../common/ParagraphList.tsx';
import { DateField, TextField } from '../common/inputs.tsx';
import { memoSection } from '../common/memo-section.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import type { SectionProps } from '../common/section-props.ts';

/** Number and symbol, place and date, legal bases, signer and recipients. */
function DocumentInfoSectionBody({ report, set, readOnly }: SectionProps) {
  const d = report.document;
  return (
    <Card title="Thông tin văn bản" id="muc-van-ban" extra={<SectionCommentMarker paths={['document']} what="thông tin văn bản" />} size="small" styles={{ body: { paddingBottom: 4 } }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <TextField label="Số, ký hiệu" path="document.number" value={d.number} optional placeholder="…/BC-UBND" onChange={(v) => set(['document', 'number'], v)} />
        </Col>
        <Col xs={24} md={8}>
          <TextField label="Địa danh" path="document.place" value={d.place} placeholder={report.commune.name} onChange={(v) => set(['document', 'place'], v ?? '')} />
        </Col>
        <Col xs={24} md={8}>
          <DateField label="Ngày ban hành" path="document.date" value={d.date} onChange={(v) => set(['document', 'date'], v)} />
        </Col>
      </Row>
      <ParagraphList label="Căn cứ pháp lý" path="document.legalBases" value={d.legalBases} addLabel="Thêm căn cứ" disabled={readOnly} onChange={(v) => set(['document', 'legalBases'], v)} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <TextField label="Thẩm quyền ký" path="document.signer.onBehalfOf" value={d.signer.onBehalfOf} onChange={(v) => set(['document', 'signer', 'onBehalfOf'], v ?? '')} />
        </Col>
        <Col xs={24} md={8}>
          <TextField label="Chức vụ người ký" path="document.signer.title" value={d.signer.title} onChange={(v) => set(['document', 'signer', 'title'], v ?? '')} />
        </Col>
        <Col xs={24} md={8}>
          <TextField label="Họ tên người ký" path="document.signer.name" value={d.signer.name} onChange={(v) => set(['document', 'signer', 'name'], v ?? '')} />
        </Col>
      </Row>
      <ParagraphList label="Nơi nhận" path="document.recipients" value={d.recipients} singleLine addLabel="Thêm nơi nhận" disabled={readOnly} onChange={(v) => set(['document', 'recipients'], v)} />
    </Card>
  );
}

export const DocumentInfoSection = memoSection(DocumentInfoSectionBody, (r) => [r.document, r.commune]);
