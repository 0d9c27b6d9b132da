import { App, Button, Card, Form, Input, List, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { findLine } from '../../../../src/domain/budget.ts';
import { COMMENT_MAX_LENGTH } from '../../../../src/domain/comment-limits.ts';
import { formatNumber } from '../../../../src/domain/format.ts';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../app/labels.ts';
import { COMMENT_SECTIONS, commentSectionLabel } from '../../editor/comments/sections.ts';
import { deptApi, type CommentItem } from '../api.ts';

const COMMENT_BOX_ID = 'noi-dung-gop-y';

/** Comments on a section or a single budget line; the commune sees them with the return. */
export function CommentsCard({ id, report, comments, line, onLineCleared, onAdded }: {
  id: string; report: Report; comments: CommentItem[]; line: { id: string; title: string } | undefined; onLineCleared(): void; onAdded(): void;
}) {
  const { message } = App.useApp();
  const [path, setPath] = useState('plan.budget');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!line) return;
    setPath('plan.budget');
    // The reviewer pressed a line's comment icon: the form is where they type next, wherever the
    // card sits on the page (for a low line it was off-screen and the focus stayed on the icon).
    const box = document.getElementById(COMMENT_BOX_ID);
    box?.scrollIntoView({ block: 'center' });
    box?.focus({ preventScroll: true });
  }, [line]);
  const send = async () => {
    setBusy(true);
    try {
      await deptApi.comment(id, { path, ...(line && path === 'plan.budget' ? { lineId: line.id } : {}), body });
      setBody('');
      onLineCleared();
      message.success('Đã ghi góp ý.');
      onAdded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`Góp ý (${comments.length})`} size="small" style={{ marginBottom: 16 }} aria-label="Góp ý">
      <List size="small" dataSource={comments} locale={{ emptyText: 'Chưa có góp ý.' }} renderItem={(c) => (
        <List.Item>
          <div>
            <Tag>{commentSectionLabel(c.path)}</Tag>
            {c.lineId && <Tag color="blue">Dòng: {findLine(report.plan.budget, c.lineId)?.title ?? c.lineId}</Tag>}
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</div>
            <div style={{ color: '#888', fontSize: 12 }}>{c.authorName} · {formatDateTime(c.createdAt)} · phiên bản {c.version}</div>
          </div>
        </List.Item>
      )} />
      <Form layout="vertical" style={{ marginTop: 12 }} onFinish={() => void send()}>
        <Form.Item label="Mục góp ý" style={{ marginBottom: 8 }}>
          <Select aria-label="Mục góp ý" value={path} onChange={setPath} options={COMMENT_SECTIONS.map(({ value, label }) => ({ value, label }))} />
        </Form.Item>
        {line && path === 'plan.budget' && (
          <Tag closable color="blue" onClose={onLineCleared} style={{ marginBottom: 8 }}>Dòng: {line.title}</Tag>
        )}
        <Form.Item label="Nội dung góp ý" extra={`Tối đa ${formatNumber(COMMENT_MAX_LENGTH)} ký tự.`} style={{ marginBottom: 8 }}>
          <Input.TextArea
            id={COMMENT_BOX_ID}
            aria-label="Nội dung góp ý"
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={COMMENT_MAX_LENGTH}
            showCount={{ formatter: ({ count }) => `${formatNumber(count)}/${formatNumber(COMMENT_MAX_LENGTH)} ký tự` }}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" ghost loading={busy} disabled={!body.trim()}>Gửi góp ý</Button>
      </Form>
    </Card>
  );
}
