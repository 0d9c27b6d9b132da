import { Card, Descriptions, List, Space, Typography } from 'antd';
import { breakdown } from '../../../../src/domain/budget.ts';
import { formatMillions, formatNumber } from '../../../../src/domain/format.ts';
import type { ImportResult } from '../../api/types.ts';
import { FindingText } from '../common/FindingText.tsx';

const tr = (v: number) => `${formatMillions(v)} triệu đồng`;
const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, 2));

/** What the importer read: identity, dossier figures, budget totals, warnings and checks. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const r = result.report;
  const d = r.implementation.dossiers;
  const plan = breakdown(r.plan.budget);
  const impl = breakdown(r.implementation.budget.lines);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="Dữ liệu đọc được">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="Đơn vị">{`${r.commune.kind} ${r.commune.name}, ${r.commune.province}`}</Descriptions.Item>
          <Descriptions.Item label="Năm báo cáo / kế hoạch">{`${r.reportYear} / ${r.planYear}`}</Descriptions.Item>
          <Descriptions.Item label="Số, ngày">{`${r.document.number ?? '—'} · ${r.document.date ?? '—'}`}</Descriptions.Item>
          <Descriptions.Item label="Người ký">{r.document.signer.name || '—'}</Descriptions.Item>
          <Descriptions.Item label="Hồ sơ: tổng / trong kỳ / kỳ trước">{`${n(d.total)} / ${n(d.receivedInPeriod)} / ${n(d.carriedOver)}`}</Descriptions.Item>
          <Descriptions.Item label="Trực tuyến / trực tiếp">{`${n(d.online)} / ${n(d.direct)}`}</Descriptions.Item>
          <Descriptions.Item label="Đúng hạn / quá hạn / đang / bổ sung">{`${n(d.resolvedOnTime)} / ${n(d.resolvedLate)} / ${n(d.pendingOnTime)} / ${n(d.supplementRequested)}`}</Descriptions.Item>
          <Descriptions.Item label={`Ngân sách năm ${r.reportYear}`}>{tr(impl.total)}</Descriptions.Item>
          <Descriptions.Item label={`Dự toán năm ${r.planYear}`}>
            {tr(plan.total)} (KH-CN {formatMillions(plan.byField.science)}; ĐMST {formatMillions(plan.byField.innovation)}; CĐS {formatMillions(plan.byField.digital)})
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`Cảnh báo khi nhập (${result.warnings.length})`}>
        {result.warnings.length === 0 ? (
          <Typography.Text type="success">Đọc được toàn bộ văn bản.</Typography.Text>
        ) : (
          <List size="small" dataSource={result.warnings} renderItem={(w) => <List.Item>{w.line ? `Dòng ${w.line}: ` : ''}<span data-code={w.code} title={w.code}>{w.message}</span></List.Item>} />
        )}
      </Card>
      <Card size="small" title={`Kết quả kiểm tra (${result.findings.length})`}>
        {result.findings.length === 0 ? (
          <Typography.Text type="success">Không có lỗi hay cảnh báo nào.</Typography.Text>
        ) : (
          <List size="small" dataSource={result.findings} renderItem={(f) => <List.Item><FindingText finding={f} /></List.Item>} />
        )}
      </Card>
    </Space>
  );
}
