import { Alert, Button, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { compareApproval, type ApprovalComparison } from '../../../../src/domain/approval.ts';
import { errorMessage } from '../../api/client.ts';
import { formatInputDate } from '../../../../src/domain/dates.ts';
import { DateInput } from '../../editor/common/DateInput.tsx';
import { NumberInput } from '../../editor/common/NumberInput.tsx';
import { deptApi, type Execution } from '../api.ts';
import { signedTr, tr } from '../format.ts';
import { ApprovalConfirm } from './ApprovalConfirm.tsx';

/** A leaf line of the accepted plan budget, as the approval form lists it. */
export interface ApprovalFormLine {
  lineId: string;
  title: string;
  requested: number;
}

interface Props {
  reportId: string;
  /** The report version on screen: the approval is of that version (If-Match), or refused with 409. */
  reportVersion: number;
  lines: ApprovalFormLine[];
  /** A correction starts from the recorded version: its decision, amounts, version and above-request reason. */
  correcting?: { version: number; decisionNumber: string; decisionDate: string; approved: Record<string, number>; aboveRequestReason: string | null };
  onDone(exec: Execution): void;
  onCancel?(): void;
}

/**
 * The admin types the approved amount of every line in triệu đồng with the same Vietnamese input
 * as the budget grid ("10,5" is 10.500.000 đồng; "12.5" is refused as ambiguous, never read as 125),
 * sees approved against proposed per line and in total, and confirms in a second step that lists
 * them again; lines above their request are flagged and need a reason there.
 */
export function ApprovalForm({ reportId, reportVersion, lines, correcting, onDone, onCancel }: Props) {
  const [number, setNumber] = useState(correcting?.decisionNumber ?? '');
  const [date, setDate] = useState<string | undefined>(correcting?.decisionDate);
  const [dateError, setDateError] = useState<string>();
  const [amounts, setAmounts] = useState<Record<string, number | undefined>>(() => Object.fromEntries(lines.map((l) => [l.lineId, correcting?.approved[l.lineId] ?? l.requested])));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [problem, setProblem] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const comparison: ApprovalComparison = useMemo(
    () => compareApproval(lines.map((l) => ({ ...l, approved: amounts[l.lineId] ?? l.requested }))),
    [lines, amounts],
  );
  const unread = lines.filter((l) => errors[l.lineId] || amounts[l.lineId] === undefined);

  const review = () => {
    if (!number.trim()) return setProblem('Nhập số quyết định phê duyệt.');
    if (dateError) return setProblem(dateError);
    if (!date) return setProblem('Nhập ngày quyết định phê duyệt (dd/mm/yyyy).');
    if (unread.length) {
      // Never recorded as something else: an amount that does not read stops the approval here.
      const first = unread[0]!;
      return setProblem(`Số duyệt của dòng "${first.title}" chưa đọc được: ${errors[first.lineId] ?? 'chưa nhập số'}. Sửa lại rồi ghi nhận.`);
    }
    setProblem(undefined);
    setConfirming(true);
  };

  const record = async (reasons: { above?: string; correction?: string }): Promise<void> => {
    const body = {
      decisionNumber: number.trim(), decisionDate: date!,
      lines: comparison.lines.map((l) => ({ lineId: l.lineId, approved: l.approved })),
      ...(reasons.above ? { aboveRequest: { confirmed: true as const, reason: reasons.above } } : {}),
    };
    const exec = correcting
      ? await deptApi.correctApproval(reportId, { ...body, expectedVersion: correcting.version, reason: reasons.correction ?? '' })
      : await deptApi.approve(reportId, reportVersion, body);
    setConfirming(false);
    onDone(exec);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input aria-label="Số quyết định" placeholder="Số quyết định, ví dụ 456/QĐ-UBND" value={number} onChange={(ev) => setNumber(ev.target.value)} />
      <DateInput ariaLabel="Ngày quyết định" placeholder="Ngày quyết định (dd/mm/yyyy)" value={date} onChange={setDate} onError={(e) => setDateError(e?.message)} />
      <Table
        size="small" rowKey="lineId" pagination={false} scroll={{ y: 300 }} dataSource={comparison.lines} aria-label="Số duyệt theo dòng"
        columns={[
          {
            title: 'Dòng', key: 'title', ellipsis: { showTitle: true },
            render: (_, l) => (
              <>
                <span title={l.title}>{l.title}</span>
                {l.difference !== 0 && !errors[l.lineId] && (
                  <div>
                    {l.difference > 0
                      ? <Tag color="warning" style={{ marginInlineEnd: 0 }}>Vượt đề nghị {signedTr(l.difference)}</Tag>
                      : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{signedTr(l.difference)} so với đề nghị</Typography.Text>}
                  </div>
                )}
              </>
            ),
          },
          { title: 'Đề nghị', dataIndex: 'requested', width: 76, align: 'right', render: (v: number) => <span className="khcn-num">{tr(v)}</span> },
          {
            title: 'Duyệt (tr.đ)', key: 'approved', width: 108,
            render: (_, l) => (
              <NumberInput
                mode="millions" ariaLabel={`Duyệt ${l.title}`} value={amounts[l.lineId]}
                onChange={(v) => setAmounts((a) => ({ ...a, [l.lineId]: v }))}
                onError={(message) => setErrors((e) => ({ ...e, [l.lineId]: message }))}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>Tổng cộng</strong> <Typography.Text type={comparison.approvedTotal > comparison.requestedTotal ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>({signedTr(comparison.approvedTotal - comparison.requestedTotal)})</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><span className="khcn-num" aria-label="Tổng đề nghị">{tr(comparison.requestedTotal)}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right"><strong className="khcn-num" aria-label="Tổng duyệt">{tr(comparison.approvedTotal)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      {unread.map((l) => errors[l.lineId] && <Alert key={l.lineId} type="error" showIcon title={`Dòng "${l.title}": ${errors[l.lineId]}`} />)}
      {comparison.above.length > 0 && (
        <Alert type="warning" showIcon role="status"
          title={`${comparison.above.length} dòng được duyệt cao hơn đề nghị (${comparison.above.map((l) => `"${l.title}" ${signedTr(l.difference)}`).join('; ')}): khi xác nhận cần ghi rõ lý do.`} />
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Flex gap={8} wrap>
        <Button type="primary" onClick={review}>{correcting ? 'Xem lại và ghi điều chỉnh…' : 'Xem lại và ghi nhận…'}</Button>
        {onCancel && <Button onClick={onCancel}>Hủy</Button>}
      </Flex>
      {confirming && (
        <ApprovalConfirm
          comparison={comparison} decision={`Quyết định số ${number.trim()} ngày ${date ? formatInputDate(date) : ''}`}
          correctingVersion={correcting?.version} initialAboveReason={correcting?.aboveRequestReason ?? ''}
          onConfirm={(reasons) => record(reasons).catch((err: unknown) => Promise.reject(new Error(errorMessage(err))))}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Space>
  );
}
