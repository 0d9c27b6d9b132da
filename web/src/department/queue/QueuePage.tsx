import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { cycleOptionLabel } from '../../../../src/domain/cycle-choice.ts';
import { matchesSearch } from '../../../../src/domain/text.ts';
import { formatDateTime, formatDay, statusColor, statusLabel, unitName } from '../../app/labels.ts';
import { linkHandler } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { deptApi, type QueueItem } from '../api.ts';
import { DEPT } from '../paths.ts';
import { TIMELINESS, tr } from '../format.ts';
import { useCycles } from '../useCycles.ts';

type ProgressRow = Awaited<ReturnType<typeof deptApi.progress>>['rows'][number];

/** The reviewer's queue (submitted reports, oldest first) and the cycle's completeness and timeliness. */
export default function QueuePage() {
  const { message } = AntApp.useApp();
  const { cycles, cycleId, setCycleId, error: cyclesError } = useCycles();
  const queue = useLoad(() => (cycleId ? deptApi.queue(cycleId) : Promise.resolve({ items: [] })), `queue:${cycleId}`);
  const progress = useLoad(() => (cycleId ? deptApi.progress(cycleId) : Promise.resolve(undefined)), `progress:${cycleId}`);
  const p = progress.data;
  // Pending work in the cycles not on screen, so that it cannot go unnoticed.
  const elsewhere = cycles.filter((c) => c.id !== cycleId && (c.pendingReviews ?? 0) > 0);
  const [search, setSearch] = useState('');
  const items = (queue.data?.items ?? []).filter((r) => matchesSearch(unitName(r.unit), search));

  const columns: TableColumnsType<QueueItem> = [
    { title: 'Đơn vị', key: 'unit', render: (_, r) => <a href={DEPT.review(r.reportId)} onClick={linkHandler(DEPT.review(r.reportId))}>{unitName(r.unit)}</a> },
    { title: 'Nộp lúc', key: 'at', width: 150, render: (_, r) => formatDateTime(r.submittedAt) },
    { title: 'Thời hạn', key: 't', width: 150, render: (_, r) => <Tag color={TIMELINESS[r.timeliness]?.color}>{TIMELINESS[r.timeliness]?.label}{r.daysLate ? ` ${r.daysLate} ngày` : ''}</Tag> },
    { title: 'Lần trả lại', dataIndex: 'returns', width: 100, align: 'right' },
    { title: 'Cảnh báo', dataIndex: 'warnings', width: 90, align: 'right' },
    { title: 'Dự toán (triệu đồng)', dataIndex: 'planTotal', width: 160, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
  ];
  const progressColumns: TableColumnsType<ProgressRow> = [
    { title: 'Đơn vị', key: 'unit', render: (_, r) => unitName(r.unit) },
    { title: 'Trạng thái', dataIndex: 'status', width: 140, render: (s: string) => <Tag color={statusColor(s)}>{statusLabel(s)}</Tag> },
    { title: 'Hạn nộp', dataIndex: 'deadline', width: 110, render: (d: string) => formatDay(d) },
    { title: 'Tình hình', key: 't', width: 190, render: (_, r) => <Tag color={TIMELINESS[r.timeliness]?.color}>{TIMELINESS[r.timeliness]?.label}{r.daysLate ? ` ${r.daysLate} ngày` : ''}</Tag> },
  ];
  const copyReminders = async () => {
    const text = (p?.reminders ?? []).map((r) => `- ${unitName(r.unit)}: ${statusLabel(r.status)}, hạn ${formatDay(r.deadline)}`).join('\n');
    await navigator.clipboard.writeText(text).then(() => message.success('Đã sao chép danh sách cần nhắc.'), () => message.error('Trình duyệt không cho sao chép; hãy dùng nút Tải CSV.'));
  };

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: 24 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>Thẩm định báo cáo</Typography.Title>
        <Select aria-label="Kỳ báo cáo" value={cycleId} onChange={setCycleId} style={{ width: 400 }} options={cycles.map((c) => ({ value: c.id, label: cycleOptionLabel(c) }))} />
      </Space>
      {elsewhere.length > 0 && (
        <Alert
          type="warning" showIcon style={{ marginBottom: 16 }}
          title={elsewhere.map((c) => `Kỳ kế hoạch năm ${c.planYear} còn ${c.pendingReviews} báo cáo chờ thẩm định.`).join(' ')}
          action={<Space>{elsewhere.map((c) => <Button key={c.id} size="small" onClick={() => setCycleId(c.id)}>Xem kỳ {c.planYear}</Button>)}</Space>}
        />
      )}
      {(cyclesError ?? queue.error ?? progress.error) && <Alert type="error" showIcon title={cyclesError ?? queue.error ?? progress.error} style={{ marginBottom: 16 }} />}
      {p && (
        <Card style={{ marginBottom: 16 }} aria-label="Tiến độ nộp">
          <Typography.Paragraph type="secondary">{p.cycle.guidance} · hạn nộp {formatDay(p.cycle.deadline)}</Typography.Paragraph>
          <Row gutter={16}>
            {([
              ['Phải nộp', p.expected], ['Đang soạn', p.drafting], ['Chờ thẩm định', p.submitted], ['Bị trả lại', p.returned],
              ['Đã tiếp nhận', p.accepted + p.approved], ['Nộp đúng hạn', p.onTime], ['Nộp trễ', p.late], ['Quá hạn chưa nộp', p.overdue],
            ] as const).map(([label, value]) => (
              <Col key={label} xs={12} sm={6} lg={3}><Statistic title={label} value={value} /></Col>
            ))}
          </Row>
        </Card>
      )}
      <Tabs
        items={[
          {
            key: 'queue',
            label: `Chờ thẩm định (${queue.data?.items.length ?? 0})`,
            children: (
              <>
                <Input.Search
                  allowClear
                  aria-label="Tìm đơn vị trong hàng chờ"
                  placeholder="Tìm đơn vị (gõ không dấu được, ví dụ: le ich moc)"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ maxWidth: 420, marginBottom: 12 }}
                />
                <Table rowKey="reportId" size="middle" loading={queue.loading} columns={columns} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true }} aria-label="Hàng chờ thẩm định"
                  locale={{ emptyText: search ? `Không có đơn vị nào khớp “${search}”.` : 'Không có báo cáo chờ thẩm định.' }} />
              </>
            ),
          },
          {
            key: 'late',
            label: `Trễ hạn (${p?.lateUnits.length ?? 0})`,
            children: <Table rowKey="reportId" size="small" columns={progressColumns} dataSource={p?.lateUnits ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />,
          },
          {
            key: 'remind',
            label: `Cần nhắc (${p?.reminders.length ?? 0})`,
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Button icon={<CopyOutlined />} onClick={() => void copyReminders()}>Sao chép danh sách</Button>
                  {cycleId && <Button icon={<DownloadOutlined />} href={deptApi.remindersUrl(cycleId)}>Tải CSV</Button>}
                </Space>
                <Table rowKey="reportId" size="small" columns={progressColumns} dataSource={p?.reminders ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
