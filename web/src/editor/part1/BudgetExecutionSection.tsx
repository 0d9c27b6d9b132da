import { Card, Col, Row } from 'antd';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { BudgetGrid } from '../budget/BudgetGrid.tsx';
import { BudgetTotals } from '../budget/BudgetTotals.tsx';
import { withExecutionBudget } from '../budget/set-budget.ts';
import { ParagraphList } from '../common/ParagraphList.tsx';
import { FigureField, TextField } from '../common/inputs.tsx';
import { memoSection } from '../common/memo-section.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import type { SectionProps } from '../common/section-props.ts';

/** I.3. Phân bổ, giải ngân ngân sách năm N: the year's lines, disbursement and progress. */
function BudgetExecutionSectionBody({ report, set, readOnly, update }: SectionProps & { update(change: (r: Report) => Report): void }) {
  const b = report.implementation.budget;
  return (
    <Card title={`3. Tình hình phân bổ, giải ngân ngân sách nhà nước năm ${report.reportYear}`} id="muc-ngan-sach" extra={<SectionCommentMarker paths={['implementation.budget']} what="ngân sách năm báo cáo" />} size="small">
      <BudgetGrid
        caption={`Dự toán năm ${report.reportYear}`}
        basePath="implementation.budget.lines"
        lines={b.lines}
        readOnly={readOnly}
        onChange={(lines) => update((r) => withExecutionBudget(r, lines))}
      />
      <BudgetTotals lines={b.lines} year={report.reportYear} byField={false} stated={b.stated} statedPath="implementation.budget.stated" readOnly={readOnly} onDropStated={() => set(['implementation', 'budget', 'stated'], {})} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <FigureField label="Kinh phí đã giải ngân" path="implementation.budget.disbursed" mode="millions" suffix="triệu đồng" value={b.disbursed} onChange={(v) => set(['implementation', 'budget', 'disbursed'], v)} />
        </Col>
        <Col xs={24} md={12}>
          <TextField label="Dự kiến hoàn thành" path="implementation.budget.expectedCompletion" value={b.expectedCompletion} optional placeholder="Quý IV năm 2026" onChange={(v) => set(['implementation', 'budget', 'expectedCompletion'], v)} />
        </Col>
      </Row>
      <ParagraphList label="Tiến độ giải ngân, triển khai" path="implementation.budget.progress" value={b.progress} disabled={readOnly} onChange={(v) => set(['implementation', 'budget', 'progress'], v)} />
    </Card>
  );
}

export const BudgetExecutionSection = memoSection(BudgetExecutionSectionBody, (r) => [r.implementation.budget, r.reportYear]);
