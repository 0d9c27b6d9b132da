import { Card, Collapse, Descriptions, Typography } from 'antd';
import { formatNumber, formatPercent } from '../../../../src/domain/format.ts';
import { dossierKpis } from '../../../../src/domain/kpis.ts';
import type { Report } from '../../../../src/domain/report-schema.ts';

const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));
const r = (v: number | undefined) => (v === undefined ? '—' : formatPercent(v));

function Paragraphs({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">Chưa có nội dung.</Typography.Text>;
  return <>{items.map((p, i) => <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>{p}</Typography.Paragraph>)}</>;
}

/** Part I as the reviewer reads it (read-only): dossier figures with their rates, and the narrative. */
export function Part1Review({ report }: { report: Report }) {
  const impl = report.implementation;
  const d = impl.dossiers;
  const k = dossierKpis(d);
  const stated = (v: number | undefined) => (v === undefined ? '' : ` (văn bản ghi ${formatPercent(v)})`);
  const narrative = [
    { key: 'lead', label: '1. Lãnh đạo, chỉ đạo', items: impl.leadership.paragraphs },
    { key: 'sci', label: '2.a) Khoa học, công nghệ', items: impl.results.science },
    { key: 'inn', label: '2.b) Đổi mới sáng tạo', items: impl.results.innovation },
    { key: 'dig', label: '2.c) Chuyển đổi số', items: impl.results.digital },
    { key: 'prog', label: '3. Tình hình giải ngân', items: impl.budget.progress },
    { key: 'ach', label: '4.a) Kết quả đạt được', items: impl.assessment.achievements },
    { key: 'lim', label: '4.b) Tồn tại, hạn chế', items: impl.assessment.limitations },
    { key: 'cau', label: '4.c) Nguyên nhân', items: impl.assessment.causes },
  ];
  return (
    <Card title={`Phần I. Thực hiện năm ${report.reportYear}`} size="small" style={{ marginBottom: 16 }} role="region" aria-label="Phần I">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        title={<span style={{ fontSize: 14 }}>Số liệu giải quyết thủ tục hành chính</span>}
        items={[
          { key: 'total', label: 'Tổng số hồ sơ tiếp nhận', children: n(d.total) },
          { key: 'in', label: 'Trong kỳ / kỳ trước chuyển sang', children: `${n(d.receivedInPeriod)} / ${n(d.carriedOver)}` },
          { key: 'ch', label: 'Trực tuyến / trực tiếp', children: `${n(d.online)} / ${n(d.direct)}` },
          { key: 'on', label: 'Tỷ lệ tiếp nhận trực tuyến', children: `${r(k.onlineRate)}${stated(d.statedOnlineRate)}` },
          { key: 'res', label: 'Đúng hạn / quá hạn', children: `${n(d.resolvedOnTime)} / ${n(d.resolvedLate)}` },
          { key: 'ot', label: 'Tỷ lệ giải quyết đúng hạn', children: `${r(k.onTimeRate)}${stated(d.statedOnTimeRate)}` },
          { key: 'dg', label: 'Tỷ lệ số hóa hồ sơ, kết quả', children: r(d.digitizationRate) },
          { key: 'pay', label: 'Tỷ lệ thanh toán trực tuyến', children: r(d.onlinePaymentRate) },
          { key: 'teams', label: 'Tổ công nghệ số cộng đồng', children: `${n(impl.digitalTeams.teams)} tổ, ${n(impl.digitalTeams.members)} thành viên` },
        ]}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        defaultActiveKey={['dig']}
        items={narrative.map((s) => ({ key: s.key, label: `${s.label}${s.items.length ? ` (${s.items.length} đoạn)` : ''}`, children: <Paragraphs items={s.items} /> }))}
      />
    </Card>
  );
}
