import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Progress, Row, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { cycleOptionLabel } from '../../../../src/domain/cycle-choice.ts';
import { errorMessage } from '../../api/client.ts';
import { useLoad } from '../../app/useLoad.ts';
import { linkHandler } from '../../app/router.ts';
import { deptApi } from '../api.ts';
import { DEPT } from '../paths.ts';
import { downloadBlob, tr } from '../format.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { panels } from './charts.ts';

const STATUS_OPTIONS = [
  { value: '', label: 'Mọi trạng thái' }, { value: 'draft', label: 'Đang soạn' }, { value: 'submitted', label: 'Chờ thẩm định' },
  { value: 'returned', label: 'Bị trả lại' }, { value: 'accepted', label: 'Đã tiếp nhận' }, { value: 'approved', label: 'Đã phê duyệt' },
];
const KIND_OPTIONS = [{ value: '', label: 'Mọi loại đơn vị' }, { value: 'xã', label: 'Xã' }, { value: 'phường', label: 'Phường' }, { value: 'đặc khu', label: 'Đặc khu' }];

/** Fetches a document with a progress bar (the workbook of a large province takes a while). */
async function fetchWithProgress(url: string, onProgress: (p: number) => void): Promise<Blob> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) throw new Error(`Không tải được tệp (mã ${res.status}).`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (total) onProgress(Math.min(99, Math.round((received / total) * 100)));
  }
  onProgress(100);
  return new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
}

/** The Department's dashboard: every chart with its table, filters by status and unit kind, consolidated documents. */
export default function DashboardPage() {
  const { message } = App.useApp();
  const [cycleId, setCycleId] = useState<string>();
  const [status, setStatus] = useState('');
  const [unitKind, setUnitKind] = useState('');
  const [download, setDownload] = useState<{ name: string; percent: number }>();
  const { data, error, loading } = useLoad(() => deptApi.dashboard({ cycleId, status, unitKind }), `dash:${cycleId}:${status}:${unitKind}`);
  const d = data?.dashboard ?? undefined;
  const list = useMemo(() => (d ? panels(d) : []), [d]);

  const fetchDoc = async (kind: 'consolidated.xlsx' | 'consolidated.docx') => {
    if (!d) return;
    const name = kind === 'consolidated.xlsx' ? `Tong-hop-du-toan-KHCN-${d.cycle.planYear}.xlsx` : `Bao-cao-tong-hop-KHCN-${d.cycle.planYear}.docx`;
    setDownload({ name, percent: 0 });
    try {
      downloadBlob(name, await fetchWithProgress(deptApi.documentUrl(d.cycle.id, kind), (percent) => setDownload({ name, percent })));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setTimeout(() => setDownload(undefined), 800);
    }
  };

  return (
    <div style={{ maxWidth: 1400, margin: '0 auto', padding: 24 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>Tổng hợp và bảng điều khiển</Typography.Title>
        <Space wrap>
          <Select aria-label="Kỳ báo cáo" style={{ width: 380 }} value={cycleId ?? d?.cycle.id} onChange={setCycleId} options={(d?.cycles ?? []).map((c) => ({ value: c.id, label: cycleOptionLabel(c) }))} />
          <Select aria-label="Lọc theo trạng thái" style={{ width: 170 }} value={status} onChange={setStatus} options={STATUS_OPTIONS} />
          <Select aria-label="Lọc theo loại đơn vị" style={{ width: 160 }} value={unitKind} onChange={setUnitKind} options={KIND_OPTIONS} />
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && !d && <Alert type="info" showIcon title="Chưa có kỳ báo cáo nào." />}
      {d && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} loading={loading && !d}>
            <Row gutter={16} align="middle">
              <Col xs={12} md={3}><Statistic title="Phải nộp" value={d.progress.expected} /></Col>
              <Col xs={12} md={3}><Statistic title="Đã tiếp nhận" value={d.included} /></Col>
              <Col xs={12} md={5}><Statistic title="Tổng dự toán (triệu đồng)" value={tr(d.totals.total)} /></Col>
              <Col xs={12} md={5}>
                <Statistic title="Được duyệt / đã giải ngân" value={`${tr(d.execution.approved)} / ${tr(d.execution.disbursed)}`} />
                <a href={DEPT.execution} onClick={linkHandler(DEPT.execution)}>Giải ngân theo từng xã →</a>
              </Col>
              <Col xs={24} md={8}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space>
                    <Button icon={<FileExcelOutlined />} onClick={() => void fetchDoc('consolidated.xlsx')} disabled={!!download}>Biểu tổng hợp XLSX</Button>
                    <Button icon={<FileWordOutlined />} onClick={() => void fetchDoc('consolidated.docx')} disabled={!!download}>Báo cáo DOCX</Button>
                  </Space>
                  {download && <Progress percent={download.percent} size="small" aria-label={`Đang tải ${download.name}`} />}
                </Space>
              </Col>
            </Row>
            <Typography.Text type="secondary">Mọi số liệu tính từ phiên bản đã được Sở tiếp nhận của từng báo cáo; không nhập tay.</Typography.Text>
          </Card>
          {list.map((p) => <ChartPanel key={p.file} {...p} />)}
        </>
      )}
    </div>
  );
}
