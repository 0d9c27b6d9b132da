import { App, Button, Card, Collapse, Progress, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { leaves } from '../../../../src/domain/budget.ts';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { formatDateTime, formatDay } from '../../app/labels.ts';
import { useLoad } from '../../app/useLoad.ts';
import { deptApi, type Execution } from '../api.ts';
import { signedTr, tr } from '../format.ts';
import { ApprovalForm, type ApprovalFormLine } from './ApprovalForm.tsx';

type Line = Execution['lines'][number];

/**
 * The city's decision for an accepted report. The admin records number, date and the approved
 * amount of every line (in triệu đồng, confirmed in a second step); once recorded, the card shows
 * approved against proposed per line and in total, what has been disbursed, every approval
 * version, and lets the admin correct the approval with a new version (never in place).
 */
export function ApprovalCard({ id, status, version, report, canApprove, onDone }: { id: string; status: string; version: number; report: Report; canApprove: boolean; onDone(): void }) {
  const { message } = App.useApp();
  const exec = useLoad(() => deptApi.execution(id), `exec:${id}:${status}`);
  const [correcting, setCorrecting] = useState(false);
  const [latest, setLatest] = useState<Execution>();
  const planLines: ApprovalFormLine[] = useMemo(() => leaves(report.plan.budget).map((l) => ({ lineId: l.line.id, title: l.line.title, requested: l.line.amount })), [report]);
  const e = latest ?? exec.data;
  if (!e) return <Card size="small" loading />;

  const recorded = (next: Execution, text: string) => {
    setLatest(next);
    setCorrecting(false);
    message.success(text);
    onDone();
  };

  if (!e.approval) {
    if (!canApprove) return null;
    return (
      <Card title="Ghi nhận phê duyệt của UBND thành phố" size="small" style={{ marginBottom: 16 }} role="region" aria-label="Ghi nhận phê duyệt">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>Số duyệt theo từng dòng, đơn vị triệu đồng (ví dụ 10,5).</Typography.Paragraph>
        <ApprovalForm reportId={id} reportVersion={version} lines={planLines} onDone={(next) => recorded(next, 'Đã ghi nhận phê duyệt; dự toán được duyệt đã khóa làm gốc giải ngân.')} />
      </Card>
    );
  }

  const a = e.approval;
  if (correcting) {
    return (
      <Card title={`Điều chỉnh phê duyệt (phiên bản ${a.version} → ${a.version + 1})`} size="small" style={{ marginBottom: 16 }} role="region" aria-label="Điều chỉnh phê duyệt">
        <ApprovalForm
          reportId={id} reportVersion={version} lines={e.lines.map((l) => ({ lineId: l.lineId, title: l.title, requested: l.requested }))}
          correcting={{ version: a.version, decisionNumber: a.decisionNumber, decisionDate: a.decisionDate, approved: Object.fromEntries(e.lines.map((l) => [l.lineId, l.approved])), aboveRequestReason: a.aboveRequestReason }}
          onDone={(next) => recorded(next, `Đã ghi phiên bản điều chỉnh ${a.version + 1}; phiên bản ${a.version} vẫn được lưu trong lịch sử.`)}
          onCancel={() => setCorrecting(false)}
        />
      </Card>
    );
  }
  return (
    <Card
      title="Dự toán được phê duyệt" size="small" style={{ marginBottom: 16 }} role="region" aria-label="Phê duyệt và giải ngân"
      extra={e.canCorrectApproval && canApprove ? <Button size="small" onClick={() => setCorrecting(true)}>Điều chỉnh phê duyệt</Button> : undefined}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        Quyết định số {a.decisionNumber} ngày {formatDay(a.decisionDate)}{a.version > 1 ? <> · <Tag color="blue">phiên bản {a.version}</Tag></> : null}
        <br />Duyệt <strong className="khcn-num">{tr(a.approvedTotal)}</strong> / đề nghị <span className="khcn-num">{tr(a.requestedTotal)}</span> triệu đồng ({signedTr(a.approvedTotal - a.requestedTotal)}).
      </Typography.Paragraph>
      {a.aboveRequestReason && <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>Lý do duyệt cao hơn đề nghị: {a.aboveRequestReason}</Typography.Paragraph>}
      <Table<Line>
        size="small" rowKey="lineId" pagination={false} scroll={{ y: 240 }} dataSource={e.lines} aria-label="Được duyệt so với đề nghị"
        columns={[
          {
            title: 'Dòng', dataIndex: 'title', ellipsis: { showTitle: true },
            render: (t: string, l) => (
              <>
                <span title={t}>{t}</span>
                {l.approved !== l.requested && <div><Typography.Text type={l.approved > l.requested ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>{signedTr(l.approved - l.requested)} so với đề nghị</Typography.Text></div>}
              </>
            ),
          },
          { title: 'Đề nghị', dataIndex: 'requested', width: 72, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
          { title: 'Duyệt', dataIndex: 'approved', width: 72, align: 'right', render: (v: number) => <strong className="khcn-num">{tr(v)}</strong> },
        ]}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>Tổng cộng</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><span className="khcn-num">{tr(a.requestedTotal)}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right"><strong className="khcn-num">{tr(a.approvedTotal)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <Typography.Text style={{ display: 'block', marginTop: 8 }}>Đã giải ngân {tr(e.disbursedTotal)} triệu đồng</Typography.Text>
      <Progress percent={a.approvedTotal ? Math.round((e.disbursedTotal / a.approvedTotal) * 1000) / 10 : 0} />
      <Collapse
        size="small" ghost
        items={[{
          key: 'history', label: `Lịch sử phê duyệt (${e.approvalVersions.length} phiên bản)`,
          children: (
            <ol reversed style={{ paddingInlineStart: 20, margin: 0 }} aria-label="Các phiên bản phê duyệt">
              {e.approvalVersions.map((v) => (
                <li key={v.version} style={{ marginBottom: 8 }}>
                  <strong>Phiên bản {v.version}</strong>{v.version === a.version ? ' (hiện hành)' : ''} · {formatDateTime(v.createdAt)}{v.createdBy ? ` · ${v.createdBy}` : ''}
                  <br />Quyết định số {v.decisionNumber} ngày {formatDay(v.decisionDate)}: duyệt {tr(v.approvedTotal)} triệu đồng.
                  {v.correctionReason && <><br />Lý do điều chỉnh: {v.correctionReason}</>}
                  {v.changes.map((c) => <div key={c.lineId} style={{ fontSize: 12 }}>{c.title}: {tr(c.before)} → {tr(c.after)}</div>)}
                </li>
              ))}
            </ol>
          ),
        }]}
      />
    </Card>
  );
}
