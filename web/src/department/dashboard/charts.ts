import { KINDS, KIND_LABELS } from '../../../../src/domain/report-schema.ts';
import { FIELD_KEYS } from '../../../../src/domain/consolidate.ts';
import type { Dashboard } from '../api.ts';
import { formatNumber } from '../../../../src/domain/format.ts';
import { FIELD_NAMES, pct, rate, tr } from '../format.ts';
import type { EChartsCoreOption } from './echarts.ts';
import type { PanelTable } from './ChartPanel.tsx';

/**
 * Dashboard figures → chart options and their tables. Money in triệu đồng. Axis labels and
 * tooltips use the Vietnamese formats of the domain (70.000; 1.234,5), never ECharts' defaults.
 */
const m = (dong: number) => dong / 1_000_000;
type Unit = 'money' | 'count';
/** Axis ticks: whole numbers with dot thousands. */
export const axisNumber = (v: number): string => formatNumber(v);
/** Tooltip values: money as formatMillions prints it (up to 6 decimals of triệu đồng), counts whole. */
export const tooltipValue = (unit: Unit) => (v: unknown): string =>
  typeof v === 'number' ? (unit === 'money' ? formatNumber(v, 6) : formatNumber(v)) : String(v ?? '—');
/**
 * The value axis: whole-number steps only (ticks are printed without decimals, so a step of 0,2
 * read "0, 0, 0, 1, 1, 1"), and 0 to 1 when every value is zero instead of ECharts' 0–1 in fifths.
 */
export const valueAxis = (series: readonly { data: readonly number[] }[]) => ({
  type: 'value' as const,
  minInterval: 1,
  ...(series.every((s) => s.data.every((v) => v === 0)) ? { min: 0, max: 1 } : {}),
  axisLabel: { formatter: axisNumber },
});
const bar = (categories: string[], series: { name: string; data: number[]; stack?: string }[], unit: Unit, horizontal = false): EChartsCoreOption => ({
  legend: { top: 0 },
  tooltip: { trigger: 'axis', valueFormatter: tooltipValue(unit) },
  grid: { left: horizontal ? 140 : 60, right: 20, top: 36, bottom: 30 },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: categories, ...(horizontal ? { inverse: true } : { axisLabel: { interval: 0 } }) },
  [horizontal ? 'xAxis' : 'yAxis']: valueAxis(series),
  series: series.map((s) => ({ type: 'bar', ...s })),
});

export interface Panel { title: string; file: string; option: EChartsCoreOption; table: PanelTable }

export function panels(d: Dashboard): Panel[] {
  const p = d.progress;
  const progressRows: [string, number][] = [['Đang soạn', p.drafting], ['Chờ thẩm định', p.submitted], ['Bị trả lại', p.returned], ['Đã tiếp nhận', p.accepted], ['Đã phê duyệt', p.approved]];
  const fields = FIELD_KEYS.filter((f) => f !== 'unassigned' || d.totals.byField.unassigned > 0);
  const kpiOnline = d.kpis.find((k) => k.key === 'onlineRate')!;
  const kpiOnTime = d.kpis.find((k) => k.key === 'onTimeRate')!;
  return [
    {
      title: 'Tiến độ nộp báo cáo', file: 'tien-do-nop',
      option: { tooltip: { trigger: 'item', valueFormatter: tooltipValue('count') }, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['40%', '70%'], data: progressRows.map(([name, value]) => ({ name, value })), label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${formatNumber(p.value)}` } }] },
      table: { header: ['Tình trạng', 'Số đơn vị', 'Tỷ lệ'], rows: [...progressRows.map(([n, v]) => [n, v, pct(v, p.expected)]), ['Nộp đúng hạn', p.onTime, pct(p.onTime, p.expected)], ['Nộp trễ hạn', p.late, pct(p.late, p.expected)], ['Quá hạn chưa nộp', p.overdue, pct(p.overdue, p.expected)], ['Phải nộp', p.expected, '100%']] },
    },
    {
      title: 'Dự toán theo lĩnh vực và loại chi (triệu đồng)', file: 'linh-vuc-loai-chi',
      option: bar(fields.map((f) => FIELD_NAMES[f]), KINDS.map((k) => ({ name: KIND_LABELS[k], stack: 'k', data: fields.map((f) => m(d.totals.byFieldKind[f][k])) })), 'money'),
      table: { header: ['Lĩnh vực', ...KINDS.map((k) => KIND_LABELS[k]), 'Tổng'], rows: [...fields.map((f) => [FIELD_NAMES[f], ...KINDS.map((k) => tr(d.totals.byFieldKind[f][k])), tr(d.totals.byField[f])]), ['Tổng cộng', ...KINDS.map((k) => tr(d.totals.byKind[k])), tr(d.totals.total)]] },
    },
    {
      title: topUnitsTitle(d.topUnits.length), file: 'don-vi-lon-nhat',
      option: bar(d.topUnits.map((u) => u.name), [{ name: 'Dự toán', data: d.topUnits.map((u) => m(u.total)) }], 'money', true),
      table: { header: ['Đơn vị', 'Dự toán', 'Tỷ trọng'], rows: d.topUnits.map((u) => [`${u.kind} ${u.name}`, tr(u.total), pct(u.total, d.totals.total)]) },
    },
    {
      title: 'Phân bố chỉ số hồ sơ giữa các đơn vị (số đơn vị)', file: 'phan-bo-chi-so',
      option: bar(kpiOnline.buckets.map((b) => b.label), [{ name: 'Tiếp nhận trực tuyến', data: kpiOnline.buckets.map((b) => b.count) }, { name: 'Giải quyết đúng hạn', data: kpiOnTime.buckets.map((b) => b.count) }], 'count'),
      table: { header: ['Chỉ số', 'Số đơn vị', 'Thấp nhất', 'Trung bình', 'Trung vị', 'Cao nhất'], rows: d.kpis.map((k) => [k.label, k.count, rate(k.min), rate(k.mean), rate(k.median), rate(k.max)]) },
    },
    {
      title: 'So sánh qua các năm (triệu đồng)', file: 'qua-cac-nam',
      option: bar(d.yearOverYear.map((y) => String(y.planYear)), [
        { name: 'Đề nghị (đã tiếp nhận)', data: d.yearOverYear.map((y) => m(y.requested)) },
        { name: 'Được phê duyệt', data: d.yearOverYear.map((y) => m(y.approved)) },
        { name: 'Đã giải ngân', data: d.yearOverYear.map((y) => m(y.disbursed)) },
      ], 'money'),
      table: { header: ['Năm kế hoạch', 'Số báo cáo', 'Đề nghị', 'Được duyệt', 'Đã giải ngân', 'Tỷ lệ giải ngân'], rows: d.yearOverYear.map((y) => [String(y.planYear), y.included, tr(y.requested), tr(y.approved), tr(y.disbursed), pct(y.disbursed, y.approved)]) },
    },
    {
      title: `Giải ngân so với dự toán được duyệt năm ${d.cycle.planYear} (triệu đồng)`, file: 'giai-ngan',
      option: bar(d.execution.byField.filter((f) => f.field !== 'unassigned' || f.approved > 0).map((f) => FIELD_NAMES[f.field]), [
        { name: 'Được duyệt', data: d.execution.byField.filter((f) => f.field !== 'unassigned' || f.approved > 0).map((f) => m(f.approved)) },
        { name: 'Đã giải ngân', data: d.execution.byField.filter((f) => f.field !== 'unassigned' || f.approved > 0).map((f) => m(f.disbursed)) },
      ], 'money'),
      table: { header: ['Lĩnh vực', 'Được duyệt', 'Đã giải ngân', 'Tỷ lệ'], rows: [...d.execution.byField.filter((f) => f.field !== 'unassigned' || f.approved > 0).map((f) => [FIELD_NAMES[f.field], tr(f.approved), tr(f.disbursed), pct(f.disbursed, f.approved)]), ['Tổng cộng', tr(d.execution.approved), tr(d.execution.disbursed), pct(d.execution.disbursed, d.execution.approved)]] },
    },
  ];
}

/** The ranking's title counts the units it shows; with none yet (a cycle just opened) a count of 0 would read "0 đơn vị có … lớn nhất". */
export function topUnitsTitle(count: number): string {
  return count > 0 ? `${count} đơn vị có dự toán lớn nhất (triệu đồng)` : 'Đơn vị có dự toán lớn nhất (triệu đồng)';
}
