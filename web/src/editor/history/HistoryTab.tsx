import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { endpoints } from '../../api/endpoints.ts';
import type { Change, VersionItem } from '../../api/types.ts';
import { formatDateTime } from '../../app/labels.ts';
import { useLoad } from '../../app/useLoad.ts';
import { formatValue } from './format-value.ts';

const ACTIONS: Record<string, { label: string; color: string }> = {
  create: { label: 'Tạo mới', color: 'default' },
  save: { label: 'Lưu', color: 'blue' },
  update: { label: 'Lưu', color: 'blue' },
  import: { label: 'Nhập từ tệp', color: 'cyan' },
  submit: { label: 'Nộp', color: 'purple' },
  return: { label: 'Trả lại', color: 'red' },
  accept: { label: 'Tiếp nhận', color: 'green' },
  approve: { label: 'Phê duyệt', color: 'green' },
  seed: { label: 'Dữ liệu mẫu', color: 'default' },
};


/** Every saved version with who and when, and a field/line comparison of any two. */
export default function HistoryTab({ id, currentVersion }: { id: string; currentVersion: number }) {
  const { data, error, loading } = useLoad(() => endpoints.versions(id), `versions-${id}-${currentVersion}`);
  const items = [...(data?.items ?? [])].sort((a, b) => b.version - a.version);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [changes, setChanges] = useState<Change[]>();
  const [diffError, setDiffError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (items.length >= 2 && from === undefined && to === undefined) {
      setTo(items[0]?.version);
      setFrom(items[1]?.version);
    }
  }, [items, from, to]);

  const compare = async () => {
    if (from === undefined || to === undefined) return;
    setBusy(true);
    setDiffError(undefined);
    try {
      setChanges((await endpoints.diff(id, from, to)).changes);
    } catch (e) {
      setDiffError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const options = items.map((v) => ({ value: v.version, label: `Phiên bản ${v.version} – ${formatDateTime(v.createdAt)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="So sánh hai phiên bản">
        <Space wrap>
          <Select aria-label="Từ phiên bản" style={{ width: 260 }} value={from} onChange={setFrom} options={options} placeholder="Từ phiên bản" />
          <SwapOutlined />
          <Select aria-label="Đến phiên bản" style={{ width: 260 }} value={to} onChange={setTo} options={options} placeholder="Đến phiên bản" />
          <Button type="primary" onClick={() => void compare()} loading={busy} disabled={from === undefined || to === undefined || from === to}>
            So sánh
          </Button>
        </Space>
        {diffError && <Alert type="error" title={diffError} style={{ marginTop: 12 }} />}
        {changes && (
          <Table<Change>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(c) => c.path}
            pagination={false}
            dataSource={changes}
            aria-label="Những thay đổi giữa hai phiên bản"
            locale={{ emptyText: 'Hai phiên bản giống nhau.' }}
            columns={[
              { title: 'Mục thay đổi', dataIndex: 'label', width: 280 },
              { title: `Phiên bản ${from}`, dataIndex: 'before', render: (v: unknown) => <Typography.Text delete={v !== undefined}>{formatValue(v)}</Typography.Text> },
              { title: `Phiên bản ${to}`, dataIndex: 'after', render: (v: unknown) => <Typography.Text strong>{formatValue(v)}</Typography.Text> },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="Các phiên bản đã lưu">
        {error && <Alert type="error" title={error} />}
        <Table<VersionItem>
          size="small"
          rowKey="version"
          loading={loading}
          dataSource={items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: 'Phiên bản', dataIndex: 'version', width: 100 },
            { title: 'Thời điểm', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: 'Người thực hiện', dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
            {
              title: 'Thao tác',
              dataIndex: 'action',
              width: 130,
              render: (a: string | undefined) => {
                const x = ACTIONS[a ?? ''] ?? { label: a ?? '—', color: 'default' };
                return <Tag color={x.color}>{x.label}</Tag>;
              },
            },
            { title: 'Mã băm SHA-256', dataIndex: 'contentHash', render: (h: string | null) => (h ? <span className="khcn-hash">{h.slice(0, 16)}…</span> : '') },
          ]}
        />
      </Card>
    </Space>
  );
}
