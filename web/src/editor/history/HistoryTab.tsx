import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { endpoints } from '../../api/endpoints.ts';
import type { Change, VersionItem } from '../../api/types.ts';
import { formatDateTime } from '../../app/labels.ts';
import { useLoad } from '../../app/useLoad.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { actionLabel, versionSessions } from './version-sessions.ts';

const ACTION_COLORS: Record<string, string> = {
  save: 'blue', update: 'blue', import: 'cyan', restore: 'gold', submit: 'purple', return: 'red', accept: 'green', approve: 'green',
};

/** "08:02 01/12/2026 – 08:40": a session's start, and its end's time (its date too when another day). */
function sessionTime(first: string, last: string): string {
  const [a, b] = [formatDateTime(first), formatDateTime(last)];
  return a.slice(6) === b.slice(6) ? `${a} – ${b.slice(0, 5)}` : `${a} – ${b}`;
}

/** A row of the versions table: one version, or an editing session with its versions beneath. */
interface Row {
  key: number;
  item: VersionItem;
  /** Set on a session row: its first version, and how many versions it holds. */
  session?: { first: VersionItem; count: number };
  children?: Row[];
}

interface Props {
  id: string;
  currentVersion: number;
  /** Restoring needs the right to edit (a draft or returned report, a commune user). */
  canEdit: boolean;
  onRestore(version: number): Promise<void>;
}

/**
 * Every saved version with who and when (an editing session's autosaves as one row), a
 * field/line comparison of any two, and "Khôi phục" to make an earlier version the newest.
 */
export default function HistoryTab({ id, currentVersion, canEdit, onRestore }: Props) {
  const { modal } = App.useApp();
  const { data, error, loading } = useLoad(() => endpoints.versions(id), `versions-${id}-${currentVersion}`);
  const items = useMemo(() => [...(data?.items ?? [])].sort((a, b) => b.version - a.version), [data]);
  const rows = useMemo<Row[]>(() => versionSessions(items).map((s) => s.versions.length === 1
    ? { key: s.last.version, item: s.last }
    : { key: s.last.version, item: s.last, session: { first: s.first, count: s.versions.length }, children: s.versions.map((v) => ({ key: v.version, item: v })) }), [items]);
  const currentHash = items.find((v) => v.version === currentVersion)?.contentHash;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [changes, setChanges] = useState<Change[]>();
  const [shown, setShown] = useState<{ from: number; to: number }>();
  const [diffError, setDiffError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Default comparison: the newest version against the one before the newest editing session.
    if (rows.length >= 2 && from === undefined && to === undefined) {
      setTo(rows[0]?.item.version);
      setFrom(rows[1]?.item.version);
    }
  }, [rows, from, to]);

  const compare = async () => {
    if (from === undefined || to === undefined) return;
    setBusy(true);
    setDiffError(undefined);
    try {
      setChanges((await endpoints.diff(id, from, to)).changes);
      setShown({ from, to });
    } catch (e) {
      setDiffError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirmRestore = (v: VersionItem) => {
    modal.confirm({
      title: `Khôi phục phiên bản ${v.version}?`,
      content: `Nội dung của phiên bản ${v.version} (${formatDateTime(v.createdAt)}) sẽ thành phiên bản mới ${currentVersion + 1}. Bản hiện tại (phiên bản ${currentVersion}) vẫn được giữ trong lịch sử, không mất gì.`,
      okText: 'Khôi phục',
      cancelText: 'Hủy',
      onOk: () => onRestore(v.version),
    });
  };

  const options = items.map((v) => ({ value: v.version, label: `Phiên bản ${v.version} – ${formatDateTime(v.createdAt)} · ${actionLabel(v)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="So sánh hai phiên bản">
        <Space wrap>
          <Select aria-label="Từ phiên bản" style={{ width: 330 }} value={from} onChange={setFrom} options={options} placeholder="Từ phiên bản" />
          <SwapOutlined />
          <Select aria-label="Đến phiên bản" style={{ width: 330 }} value={to} onChange={setTo} options={options} placeholder="Đến phiên bản" />
          <Button type="primary" onClick={() => void compare()} loading={busy} disabled={from === undefined || to === undefined || from === to}>
            So sánh
          </Button>
        </Space>
        {diffError && <Alert type="error" title={diffError} style={{ marginTop: 12 }} />}
        {changes && shown && (
          <div style={{ marginTop: 12 }}>
            <ChangesTable changes={changes} before={`Phiên bản ${shown.from}`} after={`Phiên bản ${shown.to}`} label="Những thay đổi giữa hai phiên bản" emptyText="Hai phiên bản giống nhau." />
          </div>
        )}
      </Card>
      <Card size="small" title="Các phiên bản đã lưu" extra={<Typography.Text type="secondary">Các lần tự lưu liền nhau của một người được gộp theo phiên làm việc; bấm dấu + để xem từng lần.</Typography.Text>}>
        {error && <Alert type="error" title={error} />}
        <Table<Row>
          size="small"
          rowKey="key"
          loading={loading}
          dataSource={rows}
          aria-label="Các phiên bản đã lưu"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: 'Phiên bản', key: 'version', width: 110, render: (_, r) => (r.session ? `${r.session.first.version}–${r.item.version}` : r.item.version) },
            {
              title: 'Thời điểm',
              key: 'at',
              width: 190,
              render: (_, r) => (r.session ? sessionTime(r.session.first.createdAt, r.item.createdAt) : formatDateTime(r.item.createdAt)),
            },
            { title: 'Người thực hiện', key: 'who', render: (_, r) => r.item.createdBy ?? '—' },
            {
              title: 'Thao tác',
              key: 'action',
              width: 210,
              render: (_, r) => r.session
                ? <Tag color="blue">Chỉnh sửa ({r.session.count} lần lưu)</Tag>
                : <Tag color={ACTION_COLORS[r.item.action ?? ''] ?? 'default'}>{actionLabel(r.item)}</Tag>,
            },
            { title: 'Mã băm SHA-256', key: 'hash', render: (_, r) => (r.item.contentHash ? <span className="khcn-hash">{r.item.contentHash.slice(0, 16)}…</span> : '') },
            ...(canEdit ? [{
              title: '',
              key: 'restore',
              width: 130,
              render: (_: unknown, r: Row) => r.item.version === currentVersion ? <Typography.Text type="secondary">Bản hiện tại</Typography.Text>
                : r.item.contentHash && r.item.contentHash === currentHash ? <Typography.Text type="secondary">Giống bản hiện tại</Typography.Text> : (
                <Button size="small" icon={<RollbackOutlined />} aria-label={`Khôi phục phiên bản ${r.item.version}`} onClick={() => confirmRestore(r.item)}>
                  Khôi phục
                </Button>
              ),
            }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
