import { DeleteOutlined } from '@ant-design/icons';
import { Button, Descriptions, Typography } from 'antd';
import { breakdown } from '../../../../src/domain/budget.ts';
import { formatMillions } from '../../../../src/domain/format.ts';
import type { BudgetLine, Field, StatedTotal } from '../../../../src/domain/report-schema.ts';
import { amountInWords } from '../../../../src/domain/words.ts';
import { useFindings } from '../common/findings-context.ts';
import { FindingText } from '../common/FindingText.tsx';
import { findingsAt } from '../paths.ts';
import { FIELD_SHORT } from './budget-options.ts';

const tr = (amount: number) => `${formatMillions(amount)} triệu đồng`;

interface Props {
  lines: readonly BudgetLine[];
  year: number;
  byField?: boolean;
  /** The total and words an imported document stated, kept for the checks until dropped. */
  stated?: StatedTotal;
  /** JSON path of `stated`, e.g. "plan.stated": findings about it open here. */
  statedPath?: string;
  readOnly?: boolean;
  onDropStated?(): void;
}

/**
 * Totals by field and kind, the grand total and the amount in words, all from the leaves; and,
 * when the report was imported, the total its document stated, so a finding about that figure
 * ("Tổng dự toán ghi 3.600…") has a place in the form to open and a way to drop it.
 */
export function BudgetTotals({ lines, year, byField = true, stated, statedPath, readOnly, onDropStated }: Props) {
  const b = breakdown(lines);
  const findings = useFindings();
  const about = statedPath ? [...findingsAt(findings, `${statedPath}.total`), ...findingsAt(findings, `${statedPath}.totalWords`)] : [];
  // Shown when a finding is about it (a stated total that agrees with the lines needs no room).
  const hasStated = stated !== undefined && (stated.total !== undefined || stated.totalWords !== undefined) && about.length > 0;
  const differs = stated?.total !== undefined && stated.total !== b.total;
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
      {hasStated && statedPath && (
        <div
          data-path={`${statedPath}.total`}
          role="group"
          aria-label={`Tổng văn bản đã nhập ghi, năm ${year}`}
          style={{ marginTop: 8, padding: '8px 16px', border: '1px solid #ffccc7', background: '#fff2f0', borderRadius: 6, fontSize: 13 }}
        >
          {stated.total !== undefined && (
            <div>
              <Typography.Text type={differs ? 'danger' : 'secondary'} strong={differs}>
                Văn bản đã nhập ghi tổng: {tr(stated.total)}
              </Typography.Text>
              {differs && <Typography.Text type="danger"> — khác tổng các dòng ({tr(b.total)})</Typography.Text>}
            </div>
          )}
          {stated.totalWords !== undefined && (
            <div data-path={`${statedPath}.totalWords`}>
              <Typography.Text type="secondary" italic>Văn bản ghi bằng chữ: {stated.totalWords}</Typography.Text>
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            Số này lấy từ văn bản đã nhập vào báo cáo, không có ô nhập riêng; báo cáo in ra dùng tổng tính từ các dòng.
          </Typography.Text>
          {about.map((f, i) => <div key={`${f.code}-${i}`} style={{ marginTop: 4 }}><FindingText finding={f} /></div>)}
          {!readOnly && onDropStated && (
            <Button size="small" icon={<DeleteOutlined />} style={{ marginTop: 6 }} onClick={onDropStated}>
              Bỏ số tổng văn bản ghi
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
