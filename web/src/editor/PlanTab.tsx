import { Card, Space, Typography } from 'antd';
import type { Report } from '../../../src/domain/report-schema.ts';
import { BudgetGrid } from './budget/BudgetGrid.tsx';
import { CODE_SOURCE } from './budget/budget-options.ts';
import { BudgetTotals } from './budget/BudgetTotals.tsx';
import { withPlanBudget } from './budget/set-budget.ts';
import { SectionCommentMarker } from './comments/CommentMarker.tsx';
import { ImportedNotes } from './common/ImportedNotes.tsx';
import { ParagraphList } from './common/ParagraphList.tsx';
import { memoSection } from './common/memo-section.ts';
import type { SectionProps } from './common/section-props.ts';

/** Part II: basis and objectives, the budget tree of year N+1 with its totals, attachments. */
function PlanTabBody({ report, set, readOnly, update }: SectionProps & { update(change: (r: Report) => Report): void }) {
  const p = report.plan;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <ImportedNotes report={report} set={set} readOnly={readOnly} part="II" />
      <Card title="1. Căn cứ, mục tiêu xây dựng kế hoạch" id="muc-can-cu" extra={<SectionCommentMarker paths={['plan.basis', 'plan.objectives']} what="căn cứ, mục tiêu" />} size="small" styles={{ body: { paddingBottom: 4 } }}>
        <ParagraphList label="Căn cứ" path="plan.basis" value={p.basis} disabled={readOnly} onChange={(v) => set(['plan', 'basis'], v)} />
        <ParagraphList label="Mục tiêu (gạch đầu dòng)" path="plan.objectives" value={p.objectives} addLabel="Thêm mục tiêu" disabled={readOnly} onChange={(v) => set(['plan', 'objectives'], v)} />
      </Card>
      <Card
        title={`2. Dự toán chi tiết năm ${report.planYear}`}
        size="small"
        id="muc-du-toan"
        extra={
          <Space size={8}>
            <SectionCommentMarker paths={['plan.budget']} what="dự toán" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>Số tiền nhập theo triệu đồng, ví dụ 1.320 hoặc 12,5</Typography.Text>
          </Space>
        }
      >
        <BudgetGrid
          caption={`Dự toán chi tiết năm ${report.planYear}`}
          basePath="plan.budget"
          lines={p.budget}
          readOnly={readOnly}
          onChange={(lines) => update((r) => withPlanBudget(r, lines))}
        />
        <BudgetTotals lines={p.budget} year={report.planYear} stated={p.stated} statedPath="plan.stated" readOnly={readOnly} onDropStated={() => set(['plan', 'stated'], {})} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          Mã Khoản theo {CODE_SOURCE}. Enter ở ô nội dung thêm dòng mới; Alt+→/← thụt vào, lùi ra; Alt+↑/↓ đổi thứ tự.
        </Typography.Paragraph>
      </Card>
      <Card size="small" id="muc-tai-lieu" title="Tài liệu gửi kèm" extra={<SectionCommentMarker paths={['plan.attachments']} what="tài liệu gửi kèm" />} styles={{ body: { paddingBottom: 4 } }}>
        <ParagraphList label="Tài liệu gửi kèm" path="plan.attachments" value={p.attachments} singleLine addLabel="Thêm tài liệu" disabled={readOnly} onChange={(v) => set(['plan', 'attachments'], v)} />
      </Card>
    </div>
  );
}

export const PlanTab = memoSection(PlanTabBody, (r) => [r.plan, r.planYear, r.notes]);
