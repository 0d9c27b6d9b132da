import { CommentOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import type { CommentItem } from '../../api/types.ts';
import { formatDateTime } from '../../app/labels.ts';
import { ChangeKindTag } from '../../editor/history/ChangeKindTag.tsx';
import { formatValue } from '../../editor/history/format-value.ts';
import type { ReviewBundle } from '../api.ts';
import { changesWithComments, type ChangeWithComments } from './changes-with-comments.ts';

function CommentList({ items }: { items: readonly CommentItem[] }) {
  return (
    <>
      {items.map((c) => (
        <div key={c.id} style={{ marginBottom: 6 }}>
          <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}><CommentOutlined style={{ color: '#d46b08' }} /> {c.body}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.authorName} · {formatDateTime(c.createdAt)}</Typography.Text>
        </div>
      ))}
    </>
  );
}

/**
 * What the commune changed since the Department returned the report, with the Department's
 * comments (those made before the return) beside the changes they asked for, and the comments
 * nothing changed for listed apart — the reviewer checks the answers instead of rereading it all.
 */
export function SinceReturnCard({ since, comments, version }: { since: NonNullable<ReviewBundle['sinceReturn']>; comments: readonly CommentItem[]; version: number }) {
  const asked = comments.filter((c) => c.version <= since.fromVersion);
  const { rows, unanswered } = changesWithComments(since.changes, asked);
  return (
    <Card
      title={`Xã đã sửa gì từ lần trả lại (phiên bản ${since.fromVersion} → ${version})`}
      size="small"
      style={{ marginBottom: 16, borderColor: '#ffd591' }}
      role="region"
      aria-label="Thay đổi từ lần trả lại"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Trả lại {formatDateTime(since.returnedAt)}{since.returnedBy ? ` bởi ${since.returnedBy}` : ''}{since.reason ? `: “${since.reason}”` : ''}
      </Typography.Paragraph>
      {since.changes.length === 0 ? <Typography.Text strong>Xã chưa thay đổi gì so với bản đã trả lại.</Typography.Text> : (
        <Table<ChangeWithComments>
          size="small"
          rowKey={(r) => `${r.change.kind}:${r.change.path}`}
          pagination={false}
          dataSource={rows}
          aria-label="Những thay đổi từ lần trả lại"
          columns={[
            { title: 'Nội dung', key: 'label', render: (_, r) => <span style={{ overflowWrap: 'anywhere' }}>{r.change.label}</span> },
            { title: 'Thay đổi', key: 'kind', width: 100, render: (_, r) => <ChangeKindTag kind={r.change.kind} /> },
            { title: 'Trước', key: 'before', width: 140, render: (_, r) => (r.change.kind === 'added' ? <Typography.Text type="secondary">(chưa có)</Typography.Text> : <span style={{ overflowWrap: 'anywhere' }}>{formatValue(r.change.before)}</span>) },
            { title: 'Sau', key: 'after', width: 140, render: (_, r) => (r.change.kind === 'removed' ? <Typography.Text type="secondary">(đã bỏ)</Typography.Text> : <strong style={{ overflowWrap: 'anywhere' }}>{formatValue(r.change.after)}</strong>) },
            { title: 'Góp ý của Sở', key: 'comments', width: 260, render: (_, r) => <CommentList items={r.comments} /> },
          ]}
        />
      )}
      {unanswered.length > 0 && (
        <div style={{ marginTop: 12 }} role="group" aria-label="Góp ý chưa thấy sửa tương ứng">
          <Typography.Text strong>Góp ý chưa thấy sửa tương ứng ({unanswered.length})</Typography.Text>
          <div style={{ marginTop: 6 }}><CommentList items={unanswered} /></div>
        </div>
      )}
    </Card>
  );
}
