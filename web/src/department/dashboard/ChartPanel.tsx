import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../../../src/domain/format.ts';
import { downloadBlob, toCsv } from '../format.ts';
import { echarts, type EChartsCoreOption } from './echarts.ts';

export interface PanelTable { header: string[]; rows: (string | number)[][] }

/** A chart with its table beside it, downloadable as PNG (the chart) and CSV (the table). */
export function ChartPanel({ title, file, option, table }: { title: string; file: string; option: EChartsCoreOption; table: PanelTable }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | undefined>(undefined);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
    chart.current?.resize();
  }, [option]);
  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    void fetch(url).then((r) => r.blob()).then((b) => downloadBlob(`${file}.png`, b));
  };
  const csv = () => downloadBlob(`${file}.csv`, new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' }));
  const columns: TableColumnsType<Record<string, string | number>> = table.header.map((h, i) => ({
    title: h,
    dataIndex: String(i),
    align: i === 0 ? 'left' : 'right',
    render: (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v),
  }));
  // Every row shows: the chart grows with a long table (top 10) instead of the table being cut.
  const height = Math.max(280, 48 + table.rows.length * 34);
  // A table with many columns goes under its chart, full width, rather than being cut at the side.
  const wide = table.header.length > 4;
  const data = table.rows.map((r, k) => Object.fromEntries([['key', k], ...r.map((v, i) => [String(i), v])]));
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} role="region" aria-label={title}
      extra={<Space><Button size="small" icon={<PictureOutlined />} onClick={png}>PNG</Button><Button size="small" icon={<DownloadOutlined />} onClick={csv}>CSV</Button></Space>}>
      <Row gutter={16}>
        <Col xs={24} xl={wide ? 24 : 14}><div ref={el} className="khcn-chart" style={{ height, width: '100%' }} data-testid={`chart-${file}`} /></Col>
        <Col xs={24} xl={wide ? 24 : 10}><Table size="small" pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={data} aria-label={`Bảng: ${title}`} /></Col>
      </Row>
    </Card>
  );
}
