import { Alert, Card, Table } from 'antd';
import { tr } from '../format.ts';
import type { ReviewBundle } from '../api.ts';

type LastYear = ReviewBundle['lastYear'];

/** This year's plan against the unit's plan of the previous year, or why there is nothing to compare. */
export function LastYearCard({ lastYear, planYear }: { lastYear: LastYear; planYear: number }) {
  const none = lastYear.previousReportId === null;
  return (
    <Card title="So sánh với năm trước" size="small" style={{ marginBottom: 16 }} role="region" aria-label="So sánh với năm trước">
      {none && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`Chưa có báo cáo năm trước: đơn vị chưa có kế hoạch năm ${planYear - 1} trên hệ thống để so sánh.`} />
      )}
      <Table size="small" rowKey="key" pagination={false} dataSource={lastYear.rows}
        columns={[
          { title: 'Chỉ tiêu (triệu đồng)', dataIndex: 'label' },
          ...(none ? [] : [{ title: `Kế hoạch ${planYear - 1}`, dataIndex: 'previous', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : tr(v)) }]),
          { title: `Kế hoạch ${planYear}`, dataIndex: 'current', align: 'right', render: (v: number) => tr(v) },
          ...(none ? [] : [{ title: 'Chênh lệch', key: 'd', align: 'right' as const, render: (_: unknown, r: LastYear['rows'][number]) => (r.previous === null ? '—' : `${r.current >= r.previous ? '+' : '−'}${tr(Math.abs(r.current - r.previous))}`) }]),
        ]} />
    </Card>
  );
}
