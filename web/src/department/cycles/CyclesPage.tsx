import { CalendarOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Row, Segmented, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { matchesSearch } from '../../../../src/domain/text.ts';
import { formatDay, statusColor, statusLabel, unitName } from '../../app/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useUser } from '../../auth/session.tsx';
import { deptApi, type Cycle, type Progress } from '../api.ts';
import { TIMELINESS } from '../format.ts';
import { DeadlineModal } from './DeadlineModal.tsx';
import { EditCycleDrawer } from './EditCycleDrawer.tsx';
import { OpenCycleDrawer } from './OpenCycleDrawer.tsx';

type ProgressRow = Progress['rows'][number];
type RowFilter = 'all' | 'pending' | 'extended';

export const CYCLE_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: 'Đang mở', color: 'processing' },
  closed: { label: 'Đã đóng', color: 'default' },
};

/**
 * Reporting cycles (Sở KH&CN): the list, opening a new cycle (admin), and one cycle's units with
 * their deadlines — where the admin extends the deadline of a single unit.
 */
export default function CyclesPage() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const admin = user.role === 'dept_admin';
  const [editing, setEditing] = useState<Cycle>();
  const cycles = useLoad(deptApi.cycles, 'cycles');
  const [cycleId, setCycleId] = useState<string>();
  const [opening, setOpening] = useState(false);
  const [extending, setExtending] = useState<ProgressRow>();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<RowFilter>('all');
  const items = useMemo(() => cycles.data?.items ?? [], [cycles.data]);

  useEffect(() => {
    if (!cycleId && items[0]) setCycleId(items[0].id);
  }, [items, cycleId]);

  const progress = useLoad(() => (cycleId ? deptApi.progress(cycleId) : Promise.resolve(undefined)), `cycle-progress:${cycleId}`);
  const p = progress.data?.cycle.id === cycleId ? progress.data : undefined;
  const cycle = items.find((c) => c.id === cycleId);
  const extended = (r: ProgressRow) => !!p && r.deadline > p.cycle.deadline;
  const pending = (r: ProgressRow) => r.status === 'draft' || r.status === 'returned';
  const rows = useMemo(
    () => (p?.rows ?? []).filter((r) => (!q || matchesSearch(unitName(r.unit), q)) && (filter === 'all' || (filter === 'pending' ? r.status === 'draft' || r.status === 'returned' : r.deadline > p!.cycle.deadline))),
    [p, q, filter],
  );

  const cycleColumns: TableColumnsType<Cycle> = [
    { title: 'Năm kế hoạch', key: 'year', width: 130, render: (_, c) => <Typography.Text strong>{c.planYear}</Typography.Text> },
    { title: 'Văn bản hướng dẫn', dataIndex: 'guidance', render: (g: string, c) => <>{g}{c.demo && <Tag style={{ marginLeft: 8 }}>minh họa</Tag>}</> },
    { title: 'Hạn nộp chung', dataIndex: 'deadline', width: 130, render: (d: string) => formatDay(d) },
    { title: 'Trạng thái', dataIndex: 'status', width: 110, render: (s: string) => <Tag color={CYCLE_STATUS[s]?.color}>{CYCLE_STATUS[s]?.label ?? s}</Tag> },
    {
      title: <span className="khcn-skip">Thao tác</span>, key: 'open', width: admin ? 300 : 140,
      render: (_, c) => (
        <Flex gap={6}>
          <Button size="small" type={c.id === cycleId ? 'primary' : 'default'} onClick={() => setCycleId(c.id)} aria-pressed={c.id === cycleId} aria-label={`Xem đơn vị và hạn nộp kỳ kế hoạch năm ${c.planYear}`}>
            {c.id === cycleId ? 'Đang xem' : 'Xem đơn vị'}
          </Button>
          {admin && c.status === 'open' && <Button size="small" onClick={() => setEditing(c)} aria-label={`Sửa kỳ kế hoạch năm ${c.planYear}`}>Sửa…</Button>}
          {admin && <Button size="small" danger={c.status === 'open'} onClick={() => void confirmStatus(c)} aria-label={`${c.status === 'open' ? 'Đóng' : 'Mở lại'} kỳ kế hoạch năm ${c.planYear}`}>{c.status === 'open' ? 'Đóng kỳ…' : 'Mở lại…'}</Button>}
        </Flex>
      ),
    },
  ];

  const unitColumns: TableColumnsType<ProgressRow> = [
    { title: 'Đơn vị', key: 'unit', render: (_, r) => unitName(r.unit), sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') },
    { title: 'Trạng thái báo cáo', dataIndex: 'status', width: 160, render: (s: string) => <Tag color={statusColor(s)}>{statusLabel(s)}</Tag> },
    {
      title: 'Hạn nộp', key: 'deadline', width: 200,
      render: (_, r) => <>{formatDay(r.deadline)}{extended(r) && <Tag color="purple" style={{ marginLeft: 8 }}>đã gia hạn</Tag>}</>,
    },
    { title: 'Tình hình', key: 't', width: 190, render: (_, r) => <Tag color={TIMELINESS[r.timeliness]?.color}>{TIMELINESS[r.timeliness]?.label}{r.daysLate ? ` ${r.daysLate} ngày` : ''}</Tag> },
    ...(admin ? [{
      title: <span className="khcn-skip">Thao tác</span>, key: 'act', width: 120,
      // Only where a (re)submission is still due, or to change/undo an extension.
      render: (_: unknown, r: ProgressRow) => cycle?.status === 'open' && (pending(r) || extended(r)) && (
        <Button size="small" icon={<CalendarOutlined />} onClick={() => setExtending(r)} aria-label={`Gia hạn nộp cho ${unitName(r.unit)}`}>Gia hạn…</Button>
      ),
    }] : []),
  ];

  /** Closing stops submissions: say how many units have not submitted, and act only on a second yes. */
  const confirmStatus = async (c: Cycle) => {
    const closing = c.status === 'open';
    let notIn = '';
    if (closing) {
      try {
        const pr = await deptApi.progress(c.id);
        const open = pr.rows.filter((r) => r.status === 'draft' || r.status === 'returned').length;
        notIn = open ? `${open} đơn vị chưa nộp (đang soạn hoặc bị trả lại) sẽ không nộp được nữa. ` : 'Mọi đơn vị đã nộp. ';
      } catch (e) {
        message.error(errorMessage(e));
        return;
      }
    }
    modal.confirm({
      title: `${closing ? 'Đóng' : 'Mở lại'} kỳ báo cáo kế hoạch năm ${c.planYear}?`,
      content: closing
        ? `${notIn}Báo cáo đã nộp vẫn được thẩm định, phê duyệt và giải ngân; văn bản hướng dẫn và hạn nộp không sửa được nữa. Có thể mở lại kỳ sau.`
        : 'Các đơn vị chưa nộp lại nộp được; sửa được văn bản hướng dẫn, hạn nộp và gia hạn.',
      okText: closing ? 'Đóng kỳ' : 'Mở lại kỳ',
      okButtonProps: closing ? { danger: true } : {},
      cancelText: 'Quay lại',
      onOk: async () => {
        try {
          await deptApi.setCycleStatus(c.id, closing ? 'closed' : 'open');
          message.success(`Đã ${closing ? 'đóng' : 'mở lại'} kỳ báo cáo kế hoạch năm ${c.planYear}.`);
          cycles.reload();
          progress.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const nextYear = items.length ? Math.max(...items.map((c) => c.planYear)) + 1 : new Date().getFullYear() + 1;
  const error = cycles.error ?? progress.error;

  return (
    <div className="khcn-page">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 4 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>Kỳ báo cáo</Typography.Title>
        {admin && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>Mở kỳ báo cáo mới</Button>}
      </Flex>
      <Typography.Paragraph type="secondary">
        Mỗi kỳ báo cáo ứng với một năm kế hoạch và văn bản hướng dẫn. Khi mở kỳ, báo cáo của từng đơn vị được tạo sẵn từ số liệu năm trước (nếu có).
        {!admin && ' Chỉ quản trị hệ thống của Sở được mở kỳ mới và gia hạn.'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card size="small" title="Các kỳ báo cáo" style={{ marginBottom: 16 }}>
        <Table<Cycle>
          rowKey="id" size="small" loading={cycles.loading} columns={cycleColumns} dataSource={items} pagination={false} aria-label="Các kỳ báo cáo"
          rowClassName={(c) => (c.id === cycleId ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={admin ? 'Chưa có kỳ báo cáo nào. Bấm "Mở kỳ báo cáo mới" để bắt đầu.' : 'Chưa có kỳ báo cáo nào.'} /> }}
        />
      </Card>
      {cycle && (
        <Card
          size="small" role="region" aria-label="Đơn vị phải báo cáo"
          title={`Đơn vị phải báo cáo · kế hoạch năm ${cycle.planYear}`}
          extra={<Typography.Text type="secondary">Hạn nộp chung {formatDay(cycle.deadline)}</Typography.Text>}
        >
          {p && (
            <Row gutter={16} style={{ marginBottom: 12 }}>
              {([
                ['Phải nộp', p.expected], ['Đang soạn', p.drafting], ['Chờ thẩm định', p.submitted], ['Bị trả lại', p.returned],
                ['Đã tiếp nhận', p.accepted + p.approved], ['Nộp trễ', p.late], ['Quá hạn chưa nộp', p.overdue], ['Được gia hạn', p.rows.filter(extended).length],
              ] as const).map(([label, value]) => (
                <Col key={label} xs={12} sm={6} lg={3}><Statistic title={label} value={value} /></Col>
              ))}
            </Row>
          )}
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Input
              allowClear prefix={<SearchOutlined />} style={{ width: 320 }} value={q} onChange={(e) => setQ(e.target.value)}
              placeholder="Tìm đơn vị (gõ không dấu được)" aria-label="Tìm đơn vị trong kỳ báo cáo"
            />
            <Segmented<RowFilter>
              aria-label="Lọc đơn vị" value={filter} onChange={setFilter}
              options={[
                { value: 'all', label: `Tất cả (${p?.rows.length ?? 0})` },
                { value: 'pending', label: `Chưa nộp (${p?.rows.filter(pending).length ?? 0})` },
                { value: 'extended', label: `Được gia hạn (${p?.rows.filter(extended).length ?? 0})` },
              ]}
            />
          </Flex>
          <Table<ProgressRow>
            rowKey="reportId" size="small" loading={progress.loading} columns={unitColumns} dataSource={rows} aria-label="Đơn vị và hạn nộp"
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: q || filter !== 'all' ? 'Không có đơn vị nào khớp.' : 'Kỳ này chưa có đơn vị nào.' }}
          />
        </Card>
      )}
      {opening && (
        <OpenCycleDrawer
          defaultYear={nextYear}
          onClose={() => setOpening(false)}
          onOpened={(c) => {
            setOpening(false);
            setCycleId(c.id);
            setQ('');
            setFilter('all');
            cycles.reload();
          }}
        />
      )}
      {editing && (
        <EditCycleDrawer
          cycle={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            cycles.reload();
            progress.reload();
          }}
        />
      )}
      {extending && p && (
        <DeadlineModal
          cycle={p.cycle} row={extending}
          onClose={() => setExtending(undefined)}
          onSaved={() => {
            setExtending(undefined);
            progress.reload();
          }}
        />
      )}
    </div>
  );
}
