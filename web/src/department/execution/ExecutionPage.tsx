import { BarChartOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Progress, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FIELD_KEYS, type FieldKey } from '../../../../src/domain/consolidate.ts';
import { matchesSearch } from '../../../../src/domain/text.ts';
import { unitName } from '../../app/labels.ts';
import { linkHandler } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { deptApi, type ExecutionOverview } from '../api.ts';
import { downloadBlob, FIELD_NAMES, pct, toCsv, tr } from '../format.ts';
import { DEPT } from '../paths.ts';

type UnitRow = ExecutionOverview['units'][number];
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const SHORT: Record<FieldKey, string> = { science: 'KH, CN', innovation: 'ĐMST', digital: 'CĐS', unassigned: 'Chưa xác định' };

/**
 * Disbursed vs approved by commune and field (Sở KH&CN). The province-wide chart by field is on
 * the dashboard; this screen is the per-commune table behind it, each row opening the report.
 */
export default function ExecutionPage() {
  const cycles = useLoad(deptApi.cycles, 'cycles');
  const items = useMemo(() => cycles.data?.items ?? [], [cycles.data]);
  const [cycleId, setCycleId] = useState<string>();
  const [q, setQ] = useState('');
  useEffect(() => {
    // Disbursement happens during the plan year: start on this year's cycle when there is one.
    if (!cycleId && items.length) setCycleId((items.find((c) => c.planYear === new Date().getFullYear()) ?? items[0])!.id);
  }, [items, cycleId]);
  const exec = useLoad(() => (cycleId ? deptApi.cycleExecution(cycleId) : Promise.resolve(undefined)), `cycle-exec:${cycleId}`);
  const e = exec.data;
  const cycle = items.find((c) => c.id === cycleId);
  const fields = useMemo(() => FIELD_KEYS.filter((f) => (e?.byField.find((b) => b.field === f)?.approved ?? 0) > 0), [e]);
  const rows = useMemo(() => (e?.units ?? []).filter((u) => !q || matchesSearch(unitName(u), q)), [e, q]);
  const cell = (u: { byField: ExecutionOverview['byField'] }, f: FieldKey) => u.byField.find((b) => b.field === f) ?? { field: f, approved: 0, disbursed: 0 };

  const columns: TableColumnsType<UnitRow> = [
    {
      title: 'Đơn vị', key: 'unit', fixed: 'left', width: 210, sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (_, u) => (u.reportId ? <a href={DEPT.review(u.reportId)} onClick={linkHandler(DEPT.review(u.reportId))}>{unitName(u)}</a> : unitName(u)),
    },
    { title: 'Được duyệt', dataIndex: 'approved', align: 'right', width: 120, sorter: (a, b) => a.approved - b.approved, render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
    { title: 'Đã giải ngân', dataIndex: 'disbursed', align: 'right', width: 120, sorter: (a, b) => a.disbursed - b.disbursed, render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
    { title: 'Còn lại', key: 'left', align: 'right', width: 110, render: (_, u) => <span className="khcn-num">{tr(u.approved - u.disbursed)}</span> },
    {
      title: 'Tỷ lệ giải ngân', key: 'rate', width: 170, sorter: (a, b) => ratio(a.disbursed, a.approved) - ratio(b.disbursed, b.approved),
      render: (_, u) => <Progress percent={Math.round(ratio(u.disbursed, u.approved) * 1000) / 10} size="small" format={() => pct(u.disbursed, u.approved)} aria-label={`Tỷ lệ giải ngân ${unitName(u)}`} />,
    },
    ...fields.map((f) => ({
      title: <span title={FIELD_NAMES[f]}>{SHORT[f]}<br /><Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>giải ngân / duyệt</Typography.Text></span>,
      key: f, align: 'right' as const, width: 150,
      render: (_: unknown, u: UnitRow) => {
        const c = cell(u, f);
        return c.approved ? <span className="khcn-num">{tr(c.disbursed)} / {tr(c.approved)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    })),
  ];

  const csv = () => {
    if (!e || !cycle) return;
    const header = ['Đơn vị', 'Được duyệt (triệu đồng)', 'Đã giải ngân (triệu đồng)', 'Còn lại (triệu đồng)', 'Tỷ lệ', ...fields.flatMap((f) => [`${FIELD_NAMES[f]}: được duyệt`, `${FIELD_NAMES[f]}: đã giải ngân`])];
    const body = e.units.map((u) => [unitName(u), tr(u.approved), tr(u.disbursed), tr(u.approved - u.disbursed), pct(u.disbursed, u.approved), ...fields.flatMap((f) => [tr(cell(u, f).approved), tr(cell(u, f).disbursed)])]);
    body.push(['Tổng cộng', tr(e.approved), tr(e.disbursed), tr(e.approved - e.disbursed), pct(e.disbursed, e.approved), ...fields.flatMap((f) => [tr(cell(e, f).approved), tr(cell(e, f).disbursed)])]);
    downloadBlob(`giai-ngan-${cycle.planYear}.csv`, new Blob([toCsv(header, body)], { type: 'text/csv;charset=utf-8' }));
  };

  return (
    <div className="khcn-page">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 4 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>Giải ngân so với dự toán được duyệt</Typography.Title>
        <Flex gap={8} wrap>
          <Select aria-label="Kỳ báo cáo" style={{ width: 200 }} value={cycleId} onChange={setCycleId} options={items.map((c) => ({ value: c.id, label: `Kế hoạch năm ${c.planYear}` }))} />
          <Button icon={<BarChartOutlined />} href={DEPT.dashboard} onClick={linkHandler(DEPT.dashboard)}>Biểu đồ theo lĩnh vực</Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">
        Số liệu do các xã ghi nhận theo từng dòng dự toán đã được UBND thành phố phê duyệt; đơn vị tính: triệu đồng. Biểu đồ toàn tỉnh theo lĩnh vực ở mục Tổng hợp.
      </Typography.Paragraph>
      {(cycles.error ?? exec.error) && <Alert type="error" showIcon title={cycles.error ?? exec.error} style={{ marginBottom: 16 }} />}
      {e && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16} align="middle">
            <Col xs={12} md={4}><Statistic title="Đơn vị có dự toán được duyệt" value={e.units.length} /></Col>
            <Col xs={12} md={5}><Statistic title="Được duyệt (triệu đồng)" value={tr(e.approved)} /></Col>
            <Col xs={12} md={5}><Statistic title="Đã giải ngân (triệu đồng)" value={tr(e.disbursed)} /></Col>
            <Col xs={12} md={4}><Statistic title="Còn lại (triệu đồng)" value={tr(e.approved - e.disbursed)} /></Col>
            <Col xs={24} md={6}>
              <Typography.Text type="secondary">Tỷ lệ giải ngân toàn tỉnh</Typography.Text>
              <Progress percent={Math.round(ratio(e.disbursed, e.approved) * 1000) / 10} format={() => pct(e.disbursed, e.approved)} aria-label="Tỷ lệ giải ngân toàn tỉnh" />
            </Col>
          </Row>
        </Card>
      )}
      <Card
        size="small" title="Theo đơn vị và lĩnh vực" role="region" aria-label="Giải ngân theo đơn vị"
        extra={
          <Flex gap={8}>
            <Input allowClear size="small" prefix={<SearchOutlined />} style={{ width: 260 }} value={q} onChange={(ev) => setQ(ev.target.value)} placeholder="Tìm đơn vị (gõ không dấu được)" aria-label="Tìm đơn vị" />
            <Button size="small" icon={<DownloadOutlined />} onClick={csv} disabled={!e?.units.length}>CSV</Button>
          </Flex>
        }
      >
        <Table<UnitRow>
          rowKey="unitId" size="small" loading={exec.loading} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }} aria-label="Giải ngân theo đơn vị và lĩnh vực"
          locale={{
            emptyText: q ? 'Không có đơn vị nào khớp với từ khóa.' : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Kỳ kế hoạch năm ${cycle?.planYear ?? ''} chưa có dự toán nào được phê duyệt, nên chưa có số liệu giải ngân.`} />
            ),
          }}
          summary={() => (e && e.units.length > 0 && !q ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 600, background: '#f7f9fc' }}>
                <Table.Summary.Cell index={0}>Tổng cộng ({e.units.length} đơn vị)</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right"><span className="khcn-num">{tr(e.approved)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right"><span className="khcn-num">{tr(e.disbursed)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right"><span className="khcn-num">{tr(e.approved - e.disbursed)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{pct(e.disbursed, e.approved)}</Table.Summary.Cell>
                {fields.map((f, i) => (
                  <Table.Summary.Cell key={f} index={5 + i} align="right"><span className="khcn-num">{tr(cell(e, f).disbursed)} / {tr(cell(e, f).approved)}</span></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : undefined)}
        />
      </Card>
    </div>
  );
}
