import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Typography } from 'antd';
import { formatNumber } from '../../../../src/domain/format.ts';
import { dossierKpis } from '../../../../src/domain/kpis.ts';
import type { Dossiers, Report } from '../../../../src/domain/report-schema.ts';
import { DateField, FigureField } from '../common/inputs.tsx';
import type { SetAt } from '../common/section-props.ts';
import { SectionCommentMarker } from '../comments/CommentMarker.tsx';
import { withDossierSentence } from './dossier-sentence.ts';
import { RateFigure } from './RateFigure.tsx';

interface Props {
  report: Report;
  set: SetAt;
  update(change: (r: Report) => Report): void;
  readOnly: boolean;
}

type CountKey = Exclude<keyof Dossiers, 'periodStart' | 'periodEnd'>;
const D = 'implementation.dossiers';

/** Dossier figures of the public-service centre, with the derived rates shown live. */
export function DossierCard({ report, set, update, readOnly }: Props) {
  const { message } = App.useApp();
  const d = report.implementation.dossiers;
  const k = dossierKpis(d);
  const fig = (key: CountKey, label: string, mode: 'count' | 'rate' = 'count') => (
    <FigureField label={label} path={`${D}.${key}`} mode={mode} suffix={mode === 'rate' ? '%' : undefined} value={d[key]} onChange={(v) => set(['implementation', 'dossiers', key], v)} />
  );
  const sum = (label: string, parts: (number | undefined)[], total: number | undefined) =>
    parts.every((p) => p !== undefined) ? (
      <Typography.Text type={total !== undefined && parts.reduce<number>((a, b) => a + (b ?? 0), 0) !== total ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {label}: {parts.map((p) => formatNumber(p ?? 0)).join(' + ')} = {formatNumber(parts.reduce<number>((a, b) => a + (b ?? 0), 0))}
      </Typography.Text>
    ) : null;

  const updateSentence = () => {
    update(withDossierSentence);
    message.success('Đã cập nhật câu số liệu trong mục “Về chuyển đổi số”.');
  };
  const rate = (title: string, value: number | undefined, key: 'statedOnlineRate' | 'statedOnTimeRate') => (
    <RateFigure
      title={title}
      value={value}
      stated={d[key]}
      statedPath={`${D}.${key}`}
      readOnly={readOnly}
      onUpdateSentence={updateSentence}
      onDropStated={() => {
        set(['implementation', 'dossiers', key], undefined);
        message.info('Đã bỏ tỷ lệ văn bản ghi. Nhớ sửa tỷ lệ trong đoạn “Về chuyển đổi số” cho khớp số liệu.');
      }}
    />
  );

  return (
    <Card
      type="inner"
      size="small"
      title="Số liệu giải quyết thủ tục hành chính"
      id="muc-ho-so"
      extra={
        <Space size={4}>
        <SectionCommentMarker paths={['implementation.dossiers']} what="số liệu hồ sơ" />
        {!readOnly && (
          <Button
            icon={<SyncOutlined />}
            size="small"
            onClick={updateSentence}
          >
            Cập nhật câu số liệu vào văn bản
          </Button>
        )}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Row gutter={16}>
        <Col xs={12} md={8}><DateField label="Từ ngày" path={`${D}.periodStart`} value={d.periodStart} onChange={(v) => set(['implementation', 'dossiers', 'periodStart'], v)} /></Col>
        <Col xs={12} md={8}><DateField label="Đến hết ngày" path={`${D}.periodEnd`} value={d.periodEnd} onChange={(v) => set(['implementation', 'dossiers', 'periodEnd'], v)} /></Col>
        <Col xs={12} md={8}>{fig('fields', 'Số lĩnh vực')}</Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={8}>{fig('total', 'Tổng số hồ sơ tiếp nhận')}</Col>
        <Col xs={12} md={8}>{fig('receivedInPeriod', 'Tiếp nhận trong kỳ')}</Col>
        <Col xs={12} md={8}>{fig('carriedOver', 'Kỳ trước chuyển sang')}</Col>
      </Row>
      <div style={{ marginTop: -8, marginBottom: 12 }}>{sum('Trong kỳ + kỳ trước', [d.receivedInPeriod, d.carriedOver], d.total)}</div>
      <Row gutter={16} align="top">
        <Col xs={12} md={8}>{fig('online', 'Tiếp nhận trực tuyến')}</Col>
        <Col xs={12} md={8}>{fig('direct', 'Tiếp nhận trực tiếp')}</Col>
        <Col xs={24} md={8}>{rate('Tỷ lệ tiếp nhận trực tuyến', k.onlineRate, 'statedOnlineRate')}</Col>
      </Row>
      <div style={{ marginTop: -8, marginBottom: 12 }}>{sum('Trực tuyến + trực tiếp', [d.online, d.direct], d.receivedInPeriod)}</div>
      <Row gutter={16} align="top">
        <Col xs={12} md={6}>{fig('resolvedOnTime', 'Giải quyết trước và đúng hạn')}</Col>
        <Col xs={12} md={6}>{fig('resolvedLate', 'Giải quyết quá hạn')}</Col>
        <Col xs={12} md={6}>{fig('pendingOnTime', 'Đang giải quyết trong hạn')}</Col>
        <Col xs={12} md={6}>{fig('supplementRequested', 'Yêu cầu bổ sung')}</Col>
      </Row>
      <div style={{ marginTop: -8, marginBottom: 12 }}>
        {sum('Tổng các kết quả giải quyết', [d.resolvedOnTime, d.resolvedLate, d.pendingOnTime, d.supplementRequested], d.total)}
      </div>
      <Row gutter={16} align="top">
        <Col xs={24} md={8}>{rate('Tỷ lệ giải quyết đúng hạn', k.onTimeRate, 'statedOnTimeRate')}</Col>
        <Col xs={12} md={8}>{fig('digitizationRate', 'Tỷ lệ số hóa hồ sơ, kết quả', 'rate')}</Col>
        <Col xs={12} md={8}>{fig('onlinePaymentRate', 'Tỷ lệ thanh toán trực tuyến', 'rate')}</Col>
      </Row>
    </Card>
  );
}
