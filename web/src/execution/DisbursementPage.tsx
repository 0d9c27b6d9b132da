import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Progress, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Field } from '../../../src/domain/report-schema.ts';
import { matchesSearch } from '../../../src/domain/text.ts';
import { errorMessage } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { formatDateTime, formatDay, unitName } from '../app/labels.ts';
import { linkHandler, navigate, reportHref } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';
import { deptApi, type Execution } from '../department/api.ts';
import { FIELD_NAMES, pct, tr } from '../department/format.ts';
import { DateInput } from '../editor/common/DateInput.tsx';
import { NumberInput } from '../editor/common/NumberInput.tsx';
import { DisbursementCorrection, planYearRange } from './DisbursementCorrection.tsx';

type Line = Execution['lines'][number] & { no: number; remaining: number };
type Paid = NonNullable<Execution['disbursements']>[number];

export const disbursementHref = (id?: string) => (id ? `/giai-ngan/${encodeURIComponent(id)}` : '/giai-ngan');

/**
 * Giải ngân (commune): during the plan year the officer records what has been paid out against
 * each line of the budget approved by the city — approved, disbursed so far, remaining — and the
 * API refuses more than approved or a date outside the plan year, in Vietnamese.
 */
export default function DisbursementPage({ id }: { id?: string }) {
  const list = useLoad(endpoints.reports, 'reports');
  const approved = useMemo(() => (list.data?.items ?? []).filter((r) => r.status === 'approved').sort((a, b) => b.cycle.planYear - a.cycle.planYear), [list.data]);
  useEffect(() => {
    if (id || !approved.length) return;
    // The plan year under way first; otherwise the latest approved budget.
    const current = approved.find((r) => r.cycle.planYear === new Date().getFullYear()) ?? approved[0]!;
    navigate(disbursementHref(String(current.id)), { replace: true });
  }, [id, approved]);
  const item = approved.find((r) => String(r.id) === id);

  if (list.error) return <div className="khcn-page"><Alert type="error" showIcon title={list.error} /></div>;
  if (!list.data || (!id && approved.length)) return <div className="khcn-page"><Card loading /></div>;
  if (!approved.length || !id) {
    return (
      <div className="khcn-page">
        <Typography.Title level={2} style={{ marginTop: 0 }}>Giải ngân</Typography.Title>
        <Card>
          <Empty description="Chưa có dự toán nào được UBND thành phố phê duyệt. Khi dự toán được phê duyệt, đơn vị ghi nhận giải ngân theo từng dòng tại đây.">
            <Button href="/bao-cao" onClick={linkHandler('/bao-cao')}>Về danh sách báo cáo</Button>
          </Empty>
        </Card>
      </div>
    );
  }
  return <Disbursements key={id} id={id} planYear={item?.cycle.planYear} unit={item ? unitName(item.unit) : undefined} years={approved.map((r) => ({ id: String(r.id), planYear: r.cycle.planYear }))} />;
}

function Disbursements({ id, planYear, unit, years }: { id: string; planYear: number | undefined; unit: string | undefined; years: { id: string; planYear: number }[] }) {
  const { message } = App.useApp();
  const exec = useLoad(() => deptApi.execution(id), `execution:${id}`);
  const e = exec.data;
  const [lineId, setLineId] = useState<string>();
  const [amount, setAmount] = useState<number>();
  const [amountError, setAmountError] = useState<string>();
  const [date, setDate] = useState<string | undefined>(() => (planYear === dayjs().year() ? dayjs().format('YYYY-MM-DD') : undefined));
  const [dateError, setDateError] = useState<string>();
  const [correcting, setCorrecting] = useState<Paid>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const amountRef = useRef<HTMLDivElement>(null);

  const lines: Line[] = useMemo(() => (e?.lines ?? []).map((l, i) => ({ ...l, no: i + 1, remaining: l.approved - l.disbursed })), [e]);
  const line = lines.find((l) => l.lineId === lineId);
  const titleOf = useMemo(() => new Map(lines.map((l) => [l.lineId, l.title])), [lines]);
  const approvedTotal = e?.approval?.approvedTotal ?? 0;
  const disbursed = e?.disbursedTotal ?? 0;
  const history = useMemo(() => [...(e?.disbursements ?? [])].sort((a, b) => b.disbursedOn.localeCompare(a.disbursedOn) || b.createdAt.localeCompare(a.createdAt)), [e]);

  const choose = (l: Line) => {
    setLineId(l.lineId);
    setError(undefined);
    setTimeout(() => amountRef.current?.querySelector('input')?.focus(), 0);
  };

  const submit = async () => {
    setError(undefined);
    if (!lineId) return setError('Chọn dòng dự toán được giải ngân.');
    if (dateError) return setError(dateError);
    if (!date) return setError('Nhập ngày giải ngân (dd/mm/yyyy).');
    if (amountError) return setError(amountError);
    if (!amount) return setError('Nhập số tiền giải ngân (triệu đồng), lớn hơn 0.');
    setBusy(true);
    try {
      await deptApi.disburse(id, { lineId, amount, date, ...(note.trim() ? { note: note.trim() } : {}) });
      message.success(`Đã ghi nhận giải ngân ${tr(amount)} triệu đồng cho dòng "${line?.title ?? ''}".`);
      setAmount(undefined);
      setNote('');
      exec.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Line> = [
    { title: 'TT', dataIndex: 'no', width: 48, align: 'center' },
    {
      title: 'Nội dung được duyệt', key: 'title', ellipsis: { showTitle: true },
      render: (_, l) => (
        <>
          {l.title}
          {l.field && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{FIELD_NAMES[l.field as Field] ?? l.field}{l.budgetCode ? ` · Khoản ${l.budgetCode}` : ''}</Typography.Text>}
        </>
      ),
    },
    { title: 'Được duyệt', dataIndex: 'approved', width: 105, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
    { title: 'Đã giải ngân', dataIndex: 'disbursed', width: 110, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
    {
      title: 'Còn lại', dataIndex: 'remaining', width: 100, align: 'right',
      render: (v: number) => <span className="khcn-num" style={{ fontWeight: 600, color: v === 0 ? '#389e0d' : undefined }}>{tr(v)}</span>,
    },
    ...(e?.canRecordDisbursement ? [{
      title: <span className="khcn-skip">Thao tác</span>, key: 'act', width: 90,
      render: (_: unknown, l: Line) => (
        <Button size="small" type={l.lineId === lineId ? 'primary' : 'default'} disabled={l.remaining <= 0} onClick={() => choose(l)} aria-label={`Ghi giải ngân dòng ${l.title}`}>
          {l.remaining <= 0 ? 'Đã hết' : 'Ghi'}
        </Button>
      ),
    }] : []),
  ];

  const byId = useMemo(() => new Map((e?.disbursements ?? []).map((d) => [d.id, d])), [e]);
  const historyColumns: TableColumnsType<Paid> = [
    { title: 'Ngày giải ngân', dataIndex: 'disbursedOn', width: 120, render: (d: string) => formatDay(d) },
    { title: 'Dòng dự toán', dataIndex: 'lineId', ellipsis: true, render: (l: string) => titleOf.get(l) ?? l },
    {
      title: 'Số tiền (triệu đồng)', dataIndex: 'amount', width: 150, align: 'right',
      render: (v: number, p) => <span className="khcn-num" style={p.supersededBy ? { textDecoration: 'line-through', color: '#8c8c8c' } : undefined}>{tr(v)}</span>,
    },
    {
      title: 'Ghi chú', key: 'note',
      render: (_, p) => (
        <>
          {p.supersededBy && <Tag>Đã được điều chỉnh</Tag>}
          {p.corrects && <Tag color="blue">{p.amount === 0 ? 'Hủy' : 'Điều chỉnh'} lần ghi {tr(byId.get(p.corrects)?.amount ?? 0)} ngày {formatDay(byId.get(p.corrects)?.disbursedOn)}</Tag>}
          {p.note ?? (p.corrects ? '' : '—')}
          {p.correctionReason && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>Lý do: {p.correctionReason}</Typography.Text>}
        </>
      ),
    },
    { title: 'Ghi nhận lúc', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    ...(e?.canRecordDisbursement ? [{
      title: <span className="khcn-skip">Thao tác</span>, key: 'act', width: 100,
      render: (_: unknown, p: Paid) => (p.supersededBy ? null : (
        <Button size="small" onClick={() => setCorrecting(p)} aria-label={`Điều chỉnh lần giải ngân ${tr(p.amount)} triệu ngày ${formatDay(p.disbursedOn)}`}>Điều chỉnh</Button>
      )),
    }] : []),
  ];

  return (
    <div className="khcn-page">
      <Button type="link" icon={<ArrowLeftOutlined />} href={reportHref(id)} onClick={linkHandler(reportHref(id))} style={{ paddingLeft: 0 }}>Báo cáo kế hoạch{planYear ? ` năm ${planYear}` : ''}</Button>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>Giải ngân dự toán{planYear ? ` năm ${planYear}` : ''}{unit ? ` · ${unit}` : ''}</Typography.Title>
        {years.length > 1 && (
          <Select aria-label="Năm kế hoạch" style={{ width: 200 }} value={id} onChange={(v) => navigate(disbursementHref(v))} options={years.map((y) => ({ value: y.id, label: `Kế hoạch năm ${y.planYear}` }))} />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {e?.approval
          ? `Dự toán được phê duyệt theo Quyết định số ${e.approval.decisionNumber} ngày ${formatDay(e.approval.decisionDate)} của UBND thành phố${e.approval.version > 1 ? ` (phiên bản điều chỉnh ${e.approval.version}, ${formatDateTime(e.approval.createdAt)}: ${e.approval.correctionReason ?? ''})` : ''}. Đơn vị tính: triệu đồng.`
          : 'Đơn vị tính: triệu đồng.'}
      </Typography.Paragraph>
      {exec.error && <Alert type="error" showIcon title={exec.error} style={{ marginBottom: 16 }} />}
      {e && !e.approval && <Alert type="info" showIcon title="Dự toán chưa được phê duyệt nên chưa ghi nhận giải ngân được." />}
      {e?.approval && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} role="region" aria-label="Tổng hợp giải ngân">
            <Row gutter={16} align="middle">
              <Col xs={12} md={5}><Statistic title="Được duyệt (triệu đồng)" value={tr(approvedTotal)} /></Col>
              <Col xs={12} md={5}><Statistic title="Đã giải ngân (triệu đồng)" value={tr(disbursed)} /></Col>
              <Col xs={12} md={5}><Statistic title="Còn lại (triệu đồng)" value={tr(approvedTotal - disbursed)} /></Col>
              <Col xs={24} md={9}>
                <Typography.Text type="secondary">Tỷ lệ giải ngân</Typography.Text>
                <Progress percent={approvedTotal ? Math.round((disbursed / approvedTotal) * 1000) / 10 : 0} format={() => pct(disbursed, approvedTotal)} aria-label="Tỷ lệ giải ngân" />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={15}>
              <Card size="small" title="Dự toán được duyệt theo dòng" role="region" aria-label="Dự toán được duyệt theo dòng" style={{ marginBottom: 16 }}>
                <Table<Line>
                  rowKey="lineId" size="small" columns={columns} dataSource={lines} pagination={false} scroll={{ y: 330 }} aria-label="Các dòng dự toán được duyệt"
                  rowClassName={(l) => (l.lineId === lineId ? 'ant-table-row-selected' : '')}
                  locale={{ emptyText: 'Dự toán được duyệt không có dòng nào.' }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              {e.canRecordDisbursement ? (
                <Card size="small" title="Ghi nhận giải ngân" role="region" aria-label="Ghi nhận giải ngân" style={{ marginBottom: 16 }}>
                  <Form layout="vertical" onFinish={() => void submit()} requiredMark>
                    <Form.Item label="Dòng dự toán" htmlFor="khcn-disb-line" required style={{ marginBottom: 12 }}
                      extra={line ? `Được duyệt ${tr(line.approved)} · đã giải ngân ${tr(line.disbursed)} · còn lại ${tr(line.remaining)} triệu đồng` : undefined}>
                      <Select
                        id="khcn-disb-line" aria-label="Dòng dự toán" showSearch={{ filterOption: (input, opt) => matchesSearch(String(opt?.label ?? ''), input) }} placeholder="Chọn dòng dự toán" value={lineId}
                        onChange={(v: string) => { setLineId(v); setError(undefined); }}
                        options={lines.map((l) => ({ value: l.lineId, label: `${l.no}. ${l.title}`, disabled: l.remaining <= 0 }))}
                      />
                    </Form.Item>
                    <Flex gap={12}>
                      <Form.Item label="Ngày giải ngân" htmlFor="khcn-disb-date" required style={{ flex: '0 0 160px', marginBottom: 12 }}>
                        <DateInput
                          id="khcn-disb-date" ariaLabel="Ngày giải ngân" value={date} onChange={setDate} onError={(e) => setDateError(e?.message)} allowEmpty={false}
                          {...(planYear ? planYearRange(planYear) : {})}
                        />
                      </Form.Item>
                      <Form.Item label="Số tiền (triệu đồng)" htmlFor="khcn-disb-amount" required style={{ flex: 1, marginBottom: 12 }}
                        validateStatus={amountError ? 'error' : line && amount !== undefined && amount > line.remaining ? 'warning' : undefined}
                        help={amountError ?? (line && amount !== undefined && amount > line.remaining ? `Vượt số còn lại của dòng (${tr(line.remaining)}).` : undefined)}>
                        <div ref={amountRef}>
                          <NumberInput id="khcn-disb-amount" ariaLabel="Số tiền giải ngân (triệu đồng)" mode="millions" value={amount} onChange={setAmount} onError={setAmountError} placeholder="Ví dụ: 125,5" />
                        </div>
                      </Form.Item>
                    </Flex>
                    <Form.Item label="Ghi chú" htmlFor="khcn-disb-note" style={{ marginBottom: 12 }}>
                      <Input.TextArea id="khcn-disb-note" aria-label="Ghi chú" rows={2} maxLength={1000} value={note} onChange={(ev) => setNote(ev.target.value)} placeholder="Số chứng từ, nội dung chi…" />
                    </Form.Item>
                    {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
                    <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} block>Ghi nhận giải ngân</Button>
                  </Form>
                </Card>
              ) : (
                <Alert type="info" showIcon title="Chỉ cán bộ của xã được ghi nhận giải ngân." style={{ marginBottom: 16 }} />
              )}
            </Col>
          </Row>
          <Card size="small" title={<>Các lần giải ngân đã ghi <Tag>{history.length}</Tag></>} role="region" aria-label="Các lần giải ngân đã ghi">
            <Table<Paid>
              rowKey="id" size="small" columns={historyColumns} dataSource={history} rowClassName={(p) => (p.supersededBy ? 'khcn-row-superseded' : '')} pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: 'Chưa ghi nhận lần giải ngân nào.' }}
            />
          </Card>
          {correcting && planYear && (
            <DisbursementCorrection
              reportId={id} record={correcting} lineTitle={titleOf.get(correcting.lineId) ?? correcting.lineId} planYear={planYear}
              onCancel={() => setCorrecting(undefined)}
              onDone={() => {
                setCorrecting(undefined);
                message.success('Đã ghi bản điều chỉnh; lần ghi cũ vẫn giữ trong lịch sử, không còn tính vào tổng.');
                exec.reload();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
