import { SearchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Input, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { formatMillions } from '../../../src/domain/format.ts';
import { matchesSearch } from '../../../src/domain/text.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ReportListItem, ReportStatus } from '../api/types.ts';
import { formatDateTime, formatDay, isDepartment, STATUS_LABELS, statusColor, statusLabel, unitName, userPlace } from '../app/labels.ts';
import { linkHandler, reportHref } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';
import { useUser } from '../auth/session.tsx';

type StatusFilter = 'all' | ReportStatus;

/** "Báo cáo của tôi" (commune) / "Báo cáo các xã" (Department). */
export default function ReportListPage() {
  const user = useUser();
  const dept = isDepartment(user.role);
  const { data, error, loading } = useLoad(endpoints.reports, 'reports');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const items = useMemo(() => data?.items ?? [], [data]);
  const shown = useMemo(
    () => items.filter((r) => (status === 'all' || r.status === status) && (!q || matchesSearch(`${r.unit.kind} ${r.unit.name}`, q))),
    [items, q, status],
  );
  const counts = useMemo(() => {
    const c: Partial<Record<ReportStatus, number>> = {};
    for (const r of items) c[r.status] = (c[r.status] ?? 0) + 1;
    return c;
  }, [items]);

  const columns: TableColumnsType<ReportListItem> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_, r) => (
        <a href={reportHref(r.id)} onClick={linkHandler(reportHref(r.id))} style={{ fontWeight: 500 }}>
          {unitName(r.unit)}
        </a>
      ),
      sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'),
    },
    { title: 'Năm kế hoạch', key: 'year', width: 120, render: (_, r) => r.cycle.planYear },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 140,
      render: (s: ReportStatus) => <Tag color={statusColor(s)}>{statusLabel(s)}</Tag>,
    },
    { title: 'Hạn nộp', key: 'deadline', width: 110, render: (_, r) => formatDay(r.cycle.deadline) },
    {
      title: 'Dự toán (triệu đồng)',
      dataIndex: 'planTotal',
      width: 170,
      align: 'right',
      render: (v: number | undefined) => <span className="khcn-num">{v === undefined ? '—' : formatMillions(v)}</span>,
      sorter: (a, b) => (a.planTotal ?? 0) - (b.planTotal ?? 0),
    },
    {
      title: 'Kiểm tra',
      key: 'checks',
      width: 170,
      render: (_, r) => (
        <Space size={12}>
          <Badge color={r.errors ? 'red' : 'green'} text={`${r.errors ?? 0} lỗi`} />
          <Badge color={r.warnings ? 'gold' : 'green'} text={`${r.warnings ?? 0} cảnh báo`} />
        </Space>
      ),
    },
    { title: 'Cập nhật', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: <span className="khcn-skip">Thao tác</span>,
      key: 'open',
      width: 110,
      render: (_, r) => {
        const editable = !dept && (r.status === 'draft' || r.status === 'returned');
        return (
          <Button size="small" type={editable ? 'primary' : 'default'} href={reportHref(r.id)} onClick={linkHandler(reportHref(r.id))} aria-label={`${editable ? 'Nhập liệu' : 'Xem'} báo cáo ${unitName(r.unit)} ${r.cycle.planYear}`}>
            {editable ? 'Nhập liệu' : 'Xem'}
          </Button>
        );
      },
    },
  ];

  return (
    <div className="khcn-page">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {dept ? 'Báo cáo các xã' : 'Báo cáo của tôi'}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {dept
          ? 'Theo dõi tình hình nộp báo cáo, mở từng báo cáo để xem số liệu và kết quả kiểm tra.'
          : `Báo cáo kế hoạch KH, CN, ĐMST & CĐS của ${userPlace(user)}. Mở báo cáo để nhập số liệu, kiểm tra và nộp.`}
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="Tìm theo tên xã, phường (gõ không dấu được)"
            aria-label="Tìm báo cáo theo tên đơn vị"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 360 }}
          />
          <Segmented<StatusFilter>
            aria-label="Lọc theo trạng thái"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: `Tất cả (${items.length})` },
              ...(Object.keys(STATUS_LABELS) as ReportStatus[]).map((s) => ({ value: s, label: `${STATUS_LABELS[s]} (${counts[s] ?? 0})` })),
            ]}
          />
        </Space>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Table<ReportListItem>
          rowKey={(r) => String(r.id)}
          loading={loading}
          columns={columns}
          dataSource={shown}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: q ? 'Không có báo cáo nào khớp với từ khóa.' : 'Chưa có báo cáo nào.' }}
        />
      </Card>
    </div>
  );
}
