import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { matchesSearch } from '../../../src/domain/text.ts';
import { endpoints } from '../api/endpoints.ts';
import type { UnitItem } from '../api/types.ts';
import { statusColor, statusLabel } from '../app/labels.ts';
import { linkHandler, reportHref } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';

/** The communes of the province, searchable without diacritics, each linking to its report. */
export default function UnitsPage() {
  const { data, error, loading } = useLoad(() => endpoints.units(), 'units');
  const [q, setQ] = useState('');
  const items = useMemo(() => data?.items ?? [], [data]);
  const shown = useMemo(() => items.filter((u) => !q || matchesSearch(`${u.kind} ${u.name} ${u.code ?? ''}`, q)), [items, q]);
  const province = items[0]?.provinceName;

  const hasCodes = items.some((u) => u.code);
  const columns: TableColumnsType<UnitItem> = [
    ...(hasCodes ? [{ title: 'Mã', dataIndex: 'code', width: 100 }] : []),
    {
      title: 'Tên đơn vị',
      key: 'name',
      render: (_, u) => <span style={{ fontWeight: 500 }}>{u.name}</span>,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    { title: 'Loại', dataIndex: 'kind', width: 110, render: (k: string) => k.charAt(0).toUpperCase() + k.slice(1) },
    {
      title: 'Báo cáo',
      key: 'report',
      width: 260,
      render: (_, u) =>
        u.reportId != null ? (
          <span>
            <Tag color={statusColor(u.reportStatus ?? 'draft')}>{statusLabel(u.reportStatus ?? 'draft')}</Tag>
            <a href={reportHref(u.reportId)} onClick={linkHandler(reportHref(u.reportId))}>
              Xem báo cáo
            </a>
          </span>
        ) : (
          <Typography.Text type="secondary">Chưa có báo cáo</Typography.Text>
        ),
    },
  ];

  return (
    <div className="khcn-page">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Đơn vị cấp xã{province ? ` — ${province}` : ''}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {items.length > 0 ? `${items.length} xã, phường, đặc khu. ` : ''}Gõ tên không dấu để tìm nhanh, ví dụ “kien thuy”.
      </Typography.Paragraph>
      <Card>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm xã, phường, đặc khu"
          aria-label="Tìm đơn vị"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 360, marginBottom: 16 }}
        />
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Table<UnitItem>
          rowKey={(u) => String(u.id)}
          loading={loading}
          columns={columns}
          dataSource={shown}
          size="middle"
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: 'Không có đơn vị nào khớp với từ khóa.' }}
        />
      </Card>
    </div>
  );
}
