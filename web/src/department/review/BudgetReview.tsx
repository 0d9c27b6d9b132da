import { CommentOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Table, Tag } from 'antd';
import { lineTotal } from '../../../../src/domain/budget.ts';
import { KIND_LABELS, type BudgetLine, type Report } from '../../../../src/domain/report-schema.ts';
import type { CommentItem } from '../api.ts';
import { tr } from '../format.ts';

interface Row { key: string; line: BudgetLine; children?: Row[] }
const toRows = (lines: BudgetLine[]): Row[] => lines.map((l) => ({ key: l.id, line: l, ...(l.children.length ? { children: toRows(l.children) } : {}) }));

/** The plan budget tree, each line with its total and a button to comment on it. */
export function BudgetReview({ report, comments, onComment }: { report: Report; comments: CommentItem[]; onComment?: ((line: { id: string; title: string }) => void) | undefined }) {
  const count = (id: string) => comments.filter((c) => c.path === 'plan.budget' && c.lineId === id).length;
  return (
    <Card title={`Dự toán năm ${report.planYear}`} size="small" style={{ marginBottom: 16 }} aria-label="Dự toán năm kế hoạch">
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={toRows(report.plan.budget)}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: 'Nội dung', key: 't', render: (_, r) => (<>{r.line.title}{r.line.budgetCode ? <Tag style={{ marginLeft: 8 }}>Khoản {r.line.budgetCode}</Tag> : null}{r.line.note ? <div style={{ color: '#666', fontSize: 12 }}>{r.line.note}</div> : null}</>) },
          { title: 'Loại chi', key: 'k', width: 150, render: (_, r) => (r.line.children.length ? '' : KIND_LABELS[r.line.kind]) },
          { title: 'Triệu đồng', key: 'a', width: 110, align: 'right', render: (_, r) => <span className="khcn-num" style={{ fontWeight: r.line.children.length ? 600 : 400 }}>{tr(lineTotal(r.line))}</span> },
          {
            title: 'Góp ý', key: 'c', width: 90, align: 'center',
            render: (_, r) => (
              <Badge count={count(r.line.id)} size="small">
                {/* Without onComment (a draft) the count is shown, the button is not: nothing to write to. */}
                {onComment
                  ? <Button size="small" type="text" icon={<CommentOutlined />} aria-label={`Góp ý dòng ${r.line.title}`} onClick={() => onComment({ id: r.line.id, title: r.line.title })} />
                  : <CommentOutlined style={{ color: '#bbb' }} aria-hidden />}
              </Badge>
            ),
          },
        ]}
      />
    </Card>
  );
}
