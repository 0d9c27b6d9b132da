import { App, Button, Card, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { findLine } from '../../../../src/domain/budget.ts';
import { COMMENT_MAX_LENGTH } from '../../../../src/domain/comment-limits.ts';
import { formatNumber } from '../../../../src/domain/format.ts';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { isCommentable, type ReportStatus } from '../../../../src/domain/status.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../app/labels.ts';
import { COMMENT_SECTIONS, commentSectionLabel } from '../../editor/comments/sections.ts';
import { deptApi, type CommentItem } from '../api.ts';

const COMMENT_BOX_ID = 'noi-dung-gop-y';

/** Comments on a section or a single budget line; the commune sees them with the return. */
export function CommentsCard({ id, status, report, comments, line, onLineCleared, onAdded }: {
  id: string; status: ReportStatus; report: Report; comments: CommentItem[]; line: { id: string; title: string } | undefined; onLineCleared(): void; onAdded(): void;
}) {
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<{ id: string; body: string }>();
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
  const saveEdit = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await deptApi.editComment(id, editing.id, editing.body);
      setEditing(undefined);
      message.success('Đã sửa góp ý.');
      onAdded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const confirmDelete = (c: CommentItem) => {
    modal.confirm({
      title: 'Xóa góp ý này?',
      content: `"${c.body.length > 120 ? `${c.body.slice(0, 120)}…` : c.body}" sẽ không còn trên báo cáo; xã không thấy góp ý này nữa. Nhật ký kiểm toán vẫn giữ nội dung đã xóa.`,
      okText: 'Xóa góp ý',
      okButtonProps: { danger: true },
      cancelText: 'Quay lại',
      onOk: async () => {
        try {
          await deptApi.deleteComment(id, c.id);
          message.success('Đã xóa góp ý.');
          onAdded();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };
  return (
    <Card title={`Góp ý (${comments.length})`} size="small" style={{ marginBottom: 16 }} role="region" aria-label="Góp ý">
      <List size="small" dataSource={comments} locale={{ emptyText: 'Chưa có góp ý.' }} renderItem={(c) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Tag>{commentSectionLabel(c.path)}</Tag>
            {c.lineId && <Tag color="blue">Dòng: {findLine(report.plan.budget, c.lineId)?.title ?? c.lineId}</Tag>}
            {editing?.id === c.id ? (
              <div style={{ marginTop: 4 }}>
                <Input.TextArea
                  aria-label="Sửa nội dung góp ý" rows={3} value={editing.body} onChange={(e) => setEditing({ id: c.id, body: e.target.value })} autoFocus
                  maxLength={COMMENT_MAX_LENGTH} showCount={{ formatter: ({ count }) => `${formatNumber(count)}/${formatNumber(COMMENT_MAX_LENGTH)} ký tự` }}
                />
                <Flex gap={8} style={{ marginTop: 6 }}>
                  <Button size="small" type="primary" loading={busy} disabled={!editing.body.trim() || editing.body.trim() === c.body} onClick={() => void saveEdit()}>Lưu sửa</Button>
                  <Button size="small" onClick={() => setEditing(undefined)}>Hủy</Button>
                </Flex>
              </div>
            ) : <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</div>}
            <div style={{ color: '#888', fontSize: 12 }}>{c.authorName} · {formatDateTime(c.createdAt)} · phiên bản {c.version}</div>
            {c.canChange && editing?.id !== c.id && (
              // Only the author, and only until the report is returned, accepted or resubmitted.
              <Flex gap={4} style={{ marginTop: 2 }}>
                <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setEditing({ id: c.id, body: c.body })} aria-label={`Sửa góp ý: ${c.body.slice(0, 40)}`}>Sửa</Button>
                <Button size="small" type="link" danger onClick={() => confirmDelete(c)} aria-label={`Xóa góp ý: ${c.body.slice(0, 40)}`}>Xóa…</Button>
              </Flex>
            )}
          </div>
        </List.Item>
      )} />
      {!isCommentable(status) ? (
        // The server takes comments on submitted versions only: a draft changes under them.
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Chỉ góp ý được khi xã đã nộp báo cáo: bản đang soạn còn thay đổi dưới góp ý.
        </Typography.Paragraph>
      ) : (
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
      )}
    </Card>
  );
}
