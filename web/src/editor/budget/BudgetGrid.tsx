import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Finding } from '../../../../src/domain/checks.ts';
import { lineTotal, walkLines, type LeafEntry } from '../../../../src/domain/budget.ts';
import { formatMillions } from '../../../../src/domain/format.ts';
import type { BudgetLine, Field, Kind } from '../../../../src/domain/report-schema.ts';
import type { CommentItem } from '../../api/types.ts';
import { LineCommentMarker } from '../comments/CommentMarker.tsx';
import { useComments } from '../comments/comments-context.ts';
import { commentsForLine } from '../comments/sections.ts';
import { useFindings } from '../common/findings-context.ts';
import { FindingText } from '../common/FindingText.tsx';
import { NumberInput, type InputError } from '../common/NumberInput.tsx';
import { lineKey } from '../invalid-inputs.ts';
import { findingsForRow, worst } from '../paths.ts';
import { CODE_OPTIONS, FIELD_OPTIONS, FIELD_SHORT, KIND_OPTIONS } from './budget-options.ts';
import { RowActions, type RowAction } from './RowActions.tsx';
import { addAfter, addChild, blankLine, indentLine, indentSplits, moveLine, outdentLine, removeLine, updateLine } from './tree-ops.ts';

interface Props {
  lines: BudgetLine[];
  /** JSON path of the array, e.g. "plan.budget"; rows are matched with findings by it. */
  basePath: string;
  onChange(lines: BudgetLine[]): void;
  readOnly: boolean;
  caption: string;
}

interface Row extends LeafEntry {
  key: string;
  stt: string;
  siblings: number;
  index: number;
  findings: Finding[];
  findingsKey: string;
  comments: CommentItem[];
  amountError: InputError | undefined;
}

/** A cell re-renders only when what it shows changed (typing costs one row, not the grid). */
const cellChanged = (a: Row, b: Row): boolean =>
  a.line !== b.line || a.path !== b.path || a.stt !== b.stt || a.findingsKey !== b.findingsKey || a.comments.length !== b.comments.length || a.amountError !== b.amountError ||
  a.index !== b.index || a.siblings !== b.siblings || a.field !== b.field || a.budgetCode !== b.budgetCode || a.depth !== b.depth;

function rowsOf(lines: BudgetLine[], basePath: string, findings: readonly Finding[], comments: readonly CommentItem[], amountErrors: Record<string, InputError | undefined>): Row[] {
  const numbers = new Map<string, string>();
  const number = (ls: BudgetLine[], prefix: string) =>
    ls.forEach((l, i) => {
      const n = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      numbers.set(l.id, n);
      number(l.children, n);
    });
  number(lines, '');
  return walkLines(lines, basePath).map((e) => {
    const siblings = e.ancestors.length ? (e.ancestors[e.ancestors.length - 1] as BudgetLine).children : lines;
    const own = findingsForRow(findings, e.path);
    return {
      ...e,
      key: e.line.id,
      stt: numbers.get(e.line.id) ?? '',
      siblings: siblings.length,
      index: siblings.indexOf(e.line),
      findings: own,
      findingsKey: JSON.stringify(own),
      comments: commentsForLine(comments, basePath, e.line.id),
      amountError: amountErrors[e.line.id],
    };
  });
}

const titleId = (id: string) => `budget-title-${id}`;

/** The editable budget tree: one row per line, indentation by depth, totals on group rows. */
function BudgetGridBody({ lines, basePath, onChange, readOnly, caption }: Props) {
  const { modal } = App.useApp();
  const findings = useFindings();
  const comments = useComments();
  const [focusId, setFocusId] = useState<string>();
  const [amountErrors, setAmountErrors] = useState<Record<string, InputError | undefined>>({});
  const rows = useMemo(() => rowsOf(lines, basePath, findings, comments, amountErrors), [lines, basePath, findings, comments, amountErrors]);
  // Handlers read the latest tree: cells that did not re-render still hold older closures.
  const latest = useRef({ lines, onChange });
  latest.current = { lines, onChange };
  const change = (next: BudgetLine[]) => latest.current.onChange(next);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(titleId(focusId))?.focus();
    setFocusId(undefined);
  }, [focusId, lines]);

  const patch = (id: string, p: Partial<BudgetLine>) => change(updateLine(latest.current.lines, id, p));

  const act = (row: Row, action: RowAction) => {
    const id = row.line.id;
    const lines = latest.current.lines;
    const onChange = change;
    if (action === 'add') {
      const line = blankLine({ kind: row.line.kind });
      onChange(addAfter(lines, id, line));
      setFocusId(line.id);
    } else if (action === 'child') {
      const line = blankLine({ kind: row.line.kind });
      onChange(addChild(lines, id, line));
      setFocusId(line.id);
    } else if (action === 'indent') {
      const splits = indentSplits(lines, id);
      if (!splits) onChange(indentLine(lines, id));
      else {
        const stt = rows.find((r) => r.line.id === splits.id)?.stt ?? '';
        const name = splits.title.trim() || 'chưa đặt tên';
        void modal.confirm({
          title: `Biến dòng ${stt} thành nhóm?`,
          content: (
            <>
              <p>Dòng {stt} “{name}” đang có số tiền {formatMillions(splits.amount)} triệu đồng nên không chứa dòng con được.</p>
              <p>Nếu đồng ý: dòng {stt} thành nhóm; số tiền {formatMillions(splits.amount)} chuyển vào dòng con {stt}.1 “{name}”, dòng bạn chọn thành {stt}.2. Tổng dự toán không đổi. Lùi dòng này ra sẽ trả dòng {stt} về như cũ.</p>
            </>
          ),
          okText: 'Thành nhóm và thụt vào',
          cancelText: 'Hủy',
          onOk: () => latest.current.onChange(indentLine(latest.current.lines, id, { split: true })),
        });
      }
    }
    else if (action === 'outdent') onChange(outdentLine(lines, id));
    else if (action === 'up') onChange(moveLine(lines, id, -1));
    else if (action === 'down') onChange(moveLine(lines, id, 1));
    else if (action === 'delete') {
      const drop = () => onChange(removeLine(lines, id));
      if (row.line.children.length === 0 && row.line.title.trim() === '' && row.line.amount === 0) drop();
      else
        void modal.confirm({
          title: 'Xóa dòng dự toán?',
          content: row.line.children.length ? `Dòng “${row.line.title}” và ${row.line.children.length} dòng con sẽ bị xóa.` : `Dòng “${row.line.title}” sẽ bị xóa.`,
          okText: 'Xóa',
          okButtonProps: { danger: true },
          cancelText: 'Hủy',
          onOk: drop,
        });
    }
    if (action !== 'add' && action !== 'child' && action !== 'delete') setFocusId(id);
  };

  const onTitleKey = (row: Row) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const keys: Record<string, RowAction> = { ArrowRight: 'indent', ArrowLeft: 'outdent', ArrowUp: 'up', ArrowDown: 'down' };
    if (e.key === 'Enter' && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      act(row, 'add');
    } else if (e.altKey && keys[e.key]) {
      e.preventDefault();
      act(row, keys[e.key] as RowAction);
    }
  };

  const columnList: TableColumnsType<Row> = [
    { title: 'STT', dataIndex: 'stt', width: 56, render: (s: string) => <span style={{ color: '#595959' }}>{s}</span> },
    {
      title: 'Nội dung',
      key: 'title',
      render: (_, row) => {
        // The amount's parse error shows under the row already; INPUT_INVALID repeats it for the panel.
        const own = row.findings.filter((f) => f.code !== 'INPUT_INVALID');
        return (
          <div style={{ paddingLeft: row.depth * 20 }} data-path={row.path} data-line-id={row.line.id}>
            <Input.TextArea
              id={titleId(row.line.id)}
              autoSize={{ minRows: 1, maxRows: 4 }}
              aria-label={`Nội dung dòng ${row.stt}`}
              value={row.line.title}
              placeholder="Nội dung khoản chi"
              variant={readOnly ? 'borderless' : 'outlined'}
              style={row.line.children.length ? { fontWeight: 600 } : undefined}
              status={worst(own.filter((f) => f.path.endsWith('.title')))}
              onChange={(e) => patch(row.line.id, { title: e.target.value })}
              onKeyDown={onTitleKey(row)}
            />
            {own.length > 0 && (
              <div style={{ fontSize: 12, marginTop: 4 }}>
                {own.map((f, i) => <FindingText key={`${f.code}-${i}`} finding={f} />)}
              </div>
            )}
            {row.comments.length > 0 && (
              <div style={{ marginTop: 4 }}><LineCommentMarker items={row.comments} stt={row.stt} /></div>
            )}
            {row.amountError && (
              <div role="alert" data-code={row.amountError.code} title={row.amountError.code} style={{ fontSize: 12, marginTop: 4, color: '#cf1322' }}>{row.amountError.message}</div>
            )}
          </div>
        );
      },
    },
    {
      title: 'Lĩnh vực',
      key: 'field',
      width: 100,
      render: (_, row) => (
        <Select<Field>
          aria-label={`Lĩnh vực dòng ${row.stt}`}
          value={row.line.field}
          placeholder={row.field ? FIELD_SHORT[row.field] : 'Chọn'}
          allowClear
          options={FIELD_OPTIONS}
          style={{ width: '100%' }}
          onChange={(v) => patch(row.line.id, { field: v })}
        />
      ),
    },
    {
      title: 'Mã Khoản',
      key: 'code',
      width: 104,
      render: (_, row) => (
        <Select<string>
          aria-label={`Mã Khoản dòng ${row.stt}`}
          value={row.line.budgetCode}
          placeholder={row.budgetCode ?? '—'}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={CODE_OPTIONS}
          optionLabelProp="short"
          popupMatchSelectWidth={380}
          style={{ width: '100%' }}
          onChange={(v) => patch(row.line.id, { budgetCode: v })}
        />
      ),
    },
    {
      title: 'Loại chi',
      key: 'kind',
      width: 126,
      render: (_, row) =>
        row.line.children.length ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Select<Kind> aria-label={`Loại chi dòng ${row.stt}`} value={row.line.kind} options={KIND_OPTIONS} style={{ width: '100%' }} onChange={(v) => patch(row.line.id, { kind: v })} />
        ),
    },
    {
      title: 'Số tiền (triệu đồng)',
      key: 'amount',
      width: 132,
      align: 'right',
      render: (_, row) =>
        row.line.children.length ? (
          <strong className="khcn-num" aria-label={`Tổng dòng ${row.stt}`}>{formatMillions(lineTotal(row.line))}</strong>
        ) : (
          <NumberInput
            mode="millions"
            ariaLabel={`Số tiền dòng ${row.stt} (triệu đồng)`}
            invalidKey={lineKey(row.line.id)}
            dataPath={`${row.path}.amount`}
            label={`${caption}, số tiền dòng ${row.stt}`}
            value={row.line.amount}
            disabled={readOnly}
            onError={(_, e) => setAmountErrors((errs) => ({ ...errs, [row.line.id]: e }))}
            onChange={(v) => patch(row.line.id, { amount: v ?? 0 })}
          />
        ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: <span className="khcn-skip">Thao tác</span>,
            key: 'actions',
            width: 96,
            render: (_: unknown, row: Row) => (
              <RowActions
                title={row.line.title}
                canIndent={row.index > 0}
                canOutdent={row.depth > 0}
                canUp={row.index > 0}
                canDown={row.index < row.siblings - 1}
                onAction={(a) => act(row, a)}
              />
            ),
          },
        ]),
  ];

  const columns = columnList.map((c) => ({ ...c, shouldCellUpdate: cellChanged }));
  return (
    <div>
      <Table<Row>
        className="khcn-budget-table"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        aria-label={caption}
        rowClassName={(row) => {
          const w = worst(row.findings);
          return [row.line.children.length ? 'khcn-row-group' : '', w ? `khcn-row-${w}` : ''].join(' ');
        }}
        locale={{ emptyText: 'Chưa có dòng dự toán nào.' }}
      />
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            const line = blankLine();
            change(addAfter(latest.current.lines, undefined, line));
            setFocusId(line.id);
          }}
        >
          Thêm dòng cấp 1
        </Button>
      )}
    </div>
  );
}

export const BudgetGrid = memo(BudgetGridBody);
