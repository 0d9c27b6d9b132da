import { Descriptions, Typography } from 'antd';
import { breakdown } from '../../../../src/domain/budget.ts';
import { formatMillions } from '../../../../src/domain/format.ts';
import type { BudgetLine, Field } from '../../../../src/domain/report-schema.ts';
import { amountInWords } from '../../../../src/domain/words.ts';
import { FIELD_SHORT } from './budget-options.ts';

const tr = (amount: number) => `${formatMillions(amount)} triệu đồng`;

/** Totals by field and kind, the grand total and the amount in words, all from the leaves. */
export function BudgetTotals({ lines, year, byField = true }: { lines: readonly BudgetLine[]; year: number; byField?: boolean }) {
  const b = breakdown(lines);
  const fields = (Object.keys(FIELD_SHORT) as Field[]).filter((f) => byField || b.byField[f] > 0);
  return (
    <section aria-label={`Tổng hợp dự toán năm ${year}`} style={{ marginTop: 16 }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        {fields.map((f) => (
          <Descriptions.Item key={f} label={FIELD_SHORT[f]}>
            <span className="khcn-num">{tr(b.byField[f])}</span>
          </Descriptions.Item>
        ))}
        {byField && b.byField.unassigned > 0 && (
          <Descriptions.Item label="Chưa chọn lĩnh vực">
            <span className="khcn-num">{tr(b.byField.unassigned)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Chi thường xuyên">
          <span className="khcn-num">{tr(b.byKind.recurrent)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Chi đầu tư phát triển">
          <span className="khcn-num">{tr(b.byKind.investment)}</span>
        </Descriptions.Item>
      </Descriptions>
      <div
        style={{ marginTop: 12, padding: '12px 16px', background: '#eef4ff', border: '1px solid #c6d9fb', borderRadius: 6 }}
        aria-live="polite"
      >
        <Typography.Text strong style={{ fontSize: 16 }}>
          Tổng cộng năm {year}: <span data-testid="grand-total">{tr(b.total)}</span>
        </Typography.Text>
        <br />
        <Typography.Text italic data-testid="amount-words">Bằng chữ: {amountInWords(b.total)}</Typography.Text>
      </div>
    </section>
  );
}
