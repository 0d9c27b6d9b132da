import { CommentOutlined } from '@ant-design/icons';
import { Popover, Tag } from 'antd';
import type { CommentItem } from '../../api/types.ts';
import { formatDateTime } from '../../app/labels.ts';
import { commentsForSection } from './sections.ts';
import { useComments } from './comments-context.ts';

function Marker({ items, what }: { items: readonly CommentItem[]; what: string }) {
  if (items.length === 0) return null;
  const content = (
    <div style={{ maxWidth: 360 }}>
      {items.map((c) => (
        <div key={c.id} style={{ marginBottom: 8 }}>
          <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</div>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{c.authorName} · {formatDateTime(c.createdAt)}</div>
        </div>
      ))}
    </div>
  );
  return (
    <Popover title="Góp ý của Sở" content={content} trigger={['hover', 'click']}>
      <Tag color="orange" icon={<CommentOutlined />} className="khcn-comment-marker" role="note" aria-label={`Góp ý của Sở về ${what}: ${items.length}`} style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
        Góp ý của Sở ({items.length})
      </Tag>
    </Popover>
  );
}

/** A tag on a section card when the Department commented on the section. */
export function SectionCommentMarker({ paths, what }: { paths: readonly string[]; what: string }) {
  return <Marker items={commentsForSection(useComments(), paths)} what={what} />;
}

/** A tag on a budget row when the Department commented on that line. */
export function LineCommentMarker({ items, stt }: { items: readonly CommentItem[]; stt: string }) {
  return <Marker items={items} what={`dòng ${stt}`} />;
}
