import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, statusColor, statusLabel, unitName } from '../../app/labels.ts';
import { linkHandler } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useUser } from '../../auth/session.tsx';
import { deptApi } from '../api.ts';
import { ACTION_LABELS } from '../format.ts';
import { DEPT } from '../paths.ts';
import { ApprovalCard } from './ApprovalCard.tsx';
import { BudgetReview } from './BudgetReview.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { LastYearCard } from './LastYearCard.tsx';
import { Part1Review } from './Part1Review.tsx';
import { SinceReturnCard } from './SinceReturnCard.tsx';
import { isCommentable } from '../../../../src/domain/status.ts';

/** One report as the reviewer reads it: checks, budget lines to comment on, changes, last year, timeline, decision. */
export default function ReviewPage({ id }: { id: string }) {
  const user = useUser();
  const { data, error, loading, reload } = useLoad(() => deptApi.review(id), `review:${id}`);
  const [lineForComment, setLineForComment] = useState<{ id: string; title: string } | undefined>();
  if (error) return <Alert type="error" showIcon title={error} style={{ margin: 24 }} />;
  if (!data) return <Card loading={loading} style={{ margin: 24 }} />;
  const { report, meta } = data;
  const errors = data.findings.filter((f) => f.severity === 'error');
  const warnings = data.findings.filter((f) => f.severity === 'warning');

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto', padding: 24 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} href={DEPT.queue} onClick={linkHandler(DEPT.queue)} style={{ paddingLeft: 0 }}>Hàng chờ thẩm định</Button>
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>Thẩm định: {unitName(meta.unit ?? { name: report.commune.name, kind: report.commune.kind })}</Typography.Title>
        <Tag color={statusColor(meta.status)}>{statusLabel(meta.status)}</Tag>
      </Space>
      <Typography.Paragraph type="secondary">
        Kế hoạch năm {report.planYear} · phiên bản {meta.version}{meta.contentHash ? ` · mã kiểm tra ${meta.contentHash.slice(0, 12)}…` : ''}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {data.sinceReturn && <SinceReturnCard since={data.sinceReturn} comments={data.comments} version={meta.version} />}
          <Card title="Kết quả kiểm tra" size="small" style={{ marginBottom: 16 }} role="region" aria-label="Kết quả kiểm tra">
            {data.findings.length === 0 ? <Typography.Text type="success">Không có lỗi hay cảnh báo.</Typography.Text> : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {[...errors, ...warnings].map((f, i) => (
                  <li key={i}><Tag color={f.severity === 'error' ? 'error' : 'warning'}>{f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}</Tag><span data-code={f.code} title={f.code}>{f.message}</span></li>
                ))}
              </ul>
            )}
          </Card>
          <BudgetReview report={report} comments={data.comments} {...(isCommentable(meta.status) ? { onComment: (line: { id: string; title: string }) => setLineForComment(line) } : {})} />
          <LastYearCard lastYear={data.lastYear} planYear={report.planYear} />
          <Part1Review report={report} />
        </Col>
        <Col xs={24} lg={8}>
          <DecisionCard id={id} status={meta.status} version={meta.version} unit={unitName(meta.unit ?? { name: report.commune.name, kind: report.commune.kind })} onDone={reload} />
          {(meta.status === 'accepted' || meta.status === 'approved') && <ApprovalCard id={id} status={meta.status} version={meta.version} report={report} canApprove={user.role === 'dept_admin'} onDone={reload} />}
          <CommentsCard id={id} status={meta.status} report={report} comments={data.comments} line={lineForComment} onLineCleared={() => setLineForComment(undefined)} onAdded={reload} />
          <Card title="Dòng thời gian" size="small" style={{ marginBottom: 16 }} role="region" aria-label="Dòng thời gian">
            <Timeline items={data.events.map((e) => ({
              color: e.action === 'return' ? 'red' : e.action === 'accept' || e.action === 'approve' ? 'green' : 'blue',
              content: (
                <>
                  <strong>{ACTION_LABELS[e.action] ?? e.action}</strong> · {formatDateTime(e.at)}
                  <Descriptions size="small" column={1} items={[
                    { key: 'who', label: 'Người thực hiện', children: e.actorName ?? '—' },
                    ...(e.reason ? [{ key: 'why', label: 'Lý do', children: e.reason }] : []),
                  ]} />
                </>
              ),
            }))} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
