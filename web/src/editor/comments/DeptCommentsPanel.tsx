import { CommentOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { findLine } from '../../../../src/domain/budget.ts';
import type { Report } from '../../../../src/domain/report-schema.ts';
import type { CommentItem } from '../../api/types.ts';
import { formatDateTime } from '../../app/labels.ts';
import { commentSectionLabel } from './sections.ts';

export const COMMENTS_PANEL_ID = 'gop-y-cua-so';

/** The Department's comments, newest last: who, when, what, and which section or budget line. */
export function DeptCommentsPanel({ comments, report, onOpen }: { comments: readonly CommentItem[]; report: Report; onOpen(c: CommentItem): void }) {
  if (comments.length === 0) return null;
  return (
    <Card
      id={COMMENTS_PANEL_ID}
      size="small"
      role="region"
      aria-label="Góp ý của Sở"
      title={<span><CommentOutlined style={{ color: '#d46b08' }} /> Góp ý của Sở ({comments.length})</span>}
      styles={{ body: { maxHeight: 360, overflowY: 'auto', padding: '0 12px' } }}
    >
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {comments.map((c) => {
          const line = c.lineId ? findLine(report.plan.budget, c.lineId) : undefined;
          return (
            <li key={c.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 4 }}>
                <Tag style={{ marginInlineEnd: 0 }}>{commentSectionLabel(c.path)}</Tag>
                {c.lineId && (
                  <Tag color="blue" style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}>
                    Dòng: {line ? line.title || '(chưa có nội dung)' : 'đã xóa khỏi dự toán'}
                  </Tag>
                )}
              </div>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.authorName} · {formatDateTime(c.createdAt)}
              </Typography.Text>
              {(!c.lineId || line) && (
                <Button type="link" size="small" style={{ padding: 0, marginInlineStart: 8, fontSize: 12 }} onClick={() => onOpen(c)}>
                  Xem chỗ góp ý
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
