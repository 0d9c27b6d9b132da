import { Card, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lineTotal, linesTotal } from '../../../../src/domain/budget.ts';
import { formatMillions, formatNumber, formatPercent, formatShortDate } from '../../../../src/domain/format.ts';
import type { BudgetLine, Field, Report, StatedTotal } from '../../../../src/domain/report-schema.ts';
import type { ImportResult } from '../../api/types.ts';
import { FindingText } from '../common/FindingText.tsx';
import { linesWords, useTrace } from './trace.ts';

const FIELD_SHORT: Record<Field, string> = { science: 'KH-CN', innovation: 'ĐMST', digital: 'CĐS' };
const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));

/** Where a value was read ("dòng 57"), beside it; nothing when the reader did not say. */
function SourceRef({ lines }: { lines: number[] }) {
  return lines.length ? <span className="khcn-trace-ref">{linesWords(lines)}</span> : null;
}

/** A labelled figure: "Tổng số hồ sơ tiếp nhận 6.797 dòng 40". */
function Figure({ path, label, children }: { path: string; label: string; children: ReactNode }) {
  const { lines, props } = useTrace(path);
  return (
    <li {...props} className={`${props.className ?? ''} khcn-preview-figure`}>
      <span className="khcn-preview-label">{label}</span>
      <span className="khcn-num">{children}</span>
      <SourceRef lines={lines} />
    </li>
  );
}

function BudgetRow({ line, path, depth }: { line: BudgetLine; path: string; depth: number }) {
  const { lines, props } = useTrace(path);
  const group = line.children.length > 0;
  const total = lineTotal(line);
  const field = depth === 0 && line.field ? FIELD_SHORT[line.field] : undefined;
  return (
    <tr {...props} className={`${props.className ?? ''}${group ? ' khcn-row-group' : ''}`}>
      <td style={{ paddingLeft: 6 + depth * 16 }}>
        {line.title || <Typography.Text type="secondary">(không có nội dung)</Typography.Text>}
        {field && <span className="khcn-preview-tag"> · {field}</span>}
        {line.budgetCode && <span className="khcn-preview-tag"> · Khoản {line.budgetCode}</span>}
      </td>
      {/* A group's kind says nothing (its lines may be of both kinds). */}
      <td>{group ? '' : line.kind === 'investment' ? 'Đầu tư' : 'Thường xuyên'}</td>
      <td className="khcn-num">
        {formatMillions(total)}
        {line.statedAmount !== undefined && (
          <div className="khcn-preview-stated">
            văn bản ghi {formatMillions(line.statedAmount)}
            {line.statedAmount !== total ? ' (khác)' : ''}
          </div>
        )}
      </td>
      <td className="khcn-trace-cell">{linesWords(lines)}</td>
    </tr>
  );
}

function budgetRows(lines: readonly BudgetLine[], basePath: string, depth = 0): ReactNode[] {
  return lines.flatMap((line, i) => {
    const path = `${basePath}.${i}`;
    return [<BudgetRow key={path} line={line} path={path} depth={depth} />, ...budgetRows(line.children, `${path}.children`, depth + 1)];
  });
}

/** One budget as read: its groups and lines with amounts in triệu đồng, the computed and the stated total. */
function BudgetPreview({ title, lines, basePath, stated, statedPath, disbursed }: { title: string; lines: readonly BudgetLine[]; basePath: string; stated: StatedTotal; statedPath: string; disbursed?: { path: string; amount: number } | undefined }) {
  const total = linesTotal(lines);
  return (
    <Card size="small" title={title}>
      {lines.length === 0 ? (
        <Typography.Text type="secondary">Không đọc được dòng nào.</Typography.Text>
      ) : (
        <table className="khcn-preview-budget" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              <th scope="col">Loại chi</th>
              <th scope="col" className="khcn-num">Triệu đồng</th>
              <th scope="col">Nguồn</th>
            </tr>
          </thead>
          <tbody>{budgetRows(lines, basePath)}</tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>Tổng cộng (tính từ các dòng)</th>
              <td className="khcn-num">{formatMillions(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {(stated.total !== undefined || stated.totalWords || disbursed) && (
        <ul className="khcn-preview-figures" aria-label="Tổng văn bản ghi">
          {stated.total !== undefined && (
            <Figure path={`${statedPath}.total`} label="Tổng văn bản ghi">
              {formatMillions(stated.total)} triệu đồng{stated.total !== total ? ' (khác tổng các dòng)' : ''}
            </Figure>
          )}
          {stated.totalWords && (
            <Figure path={`${statedPath}.totalWords`} label="Bằng chữ">
              <span style={{ fontVariantNumeric: 'normal', whiteSpace: 'normal', textAlign: 'left' }}>{stated.totalWords}</span>
            </Figure>
          )}
          {disbursed && (
            <Figure path={disbursed.path} label="Đã giải ngân">
              {formatMillions(disbursed.amount)} triệu đồng
            </Figure>
          )}
        </ul>
      )}
    </Card>
  );
}

/** A paragraph that fit no section, kept as a note: where it stood, its text, its line. */
function NoteItem({ index, section, text }: { index: number; section: string; text: string }) {
  const { lines, props } = useTrace(`notes.${index}`);
  return (
    <li {...props}>
      <div className="khcn-notes-where">
        {section}
        <SourceRef lines={lines} />
      </div>
      <div>{text}</div>
    </li>
  );
}

function Notes({ r }: { r: Report }) {
  const notes = r.notes ?? [];
  if (notes.length === 0) return null;
  return (
    <Card size="small" title={`Đoạn chưa xếp vào mục nào (${notes.length})`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        Sẽ được lưu cùng báo cáo thành “Ghi chú từ văn bản đã nhập” (không in vào văn bản) để chuyển vào đúng mục.
      </Typography.Paragraph>
      <ol className="khcn-notes-list" aria-label="Đoạn chưa xếp vào mục nào">
        {notes.map((note, i) => (
          <NoteItem key={i} index={i} section={note.section} text={note.text} />
        ))}
      </ol>
    </Card>
  );
}

const D = 'implementation.dossiers';

function Dossiers({ r }: { r: Report }) {
  const d = r.implementation.dossiers;
  const count = (key: keyof typeof d, label: string) => (typeof d[key] === 'number' ? <Figure key={key} path={`${D}.${key}`} label={label}>{n(d[key])}</Figure> : null);
  const rate = (key: keyof typeof d, label: string) => (typeof d[key] === 'number' ? <Figure key={key} path={`${D}.${key}`} label={label}>{formatPercent(d[key])}</Figure> : null);
  const items = [
    count('fields', 'Số lĩnh vực'),
    count('total', 'Tổng số hồ sơ tiếp nhận'),
    count('receivedInPeriod', 'Tiếp nhận trong kỳ'),
    count('carriedOver', 'Kỳ trước chuyển sang'),
    count('online', 'Tiếp nhận trực tuyến'),
    count('direct', 'Tiếp nhận trực tiếp'),
    count('resolvedOnTime', 'Giải quyết trước và đúng hạn'),
    count('resolvedLate', 'Giải quyết quá hạn'),
    count('pendingOnTime', 'Đang giải quyết trong hạn'),
    count('supplementRequested', 'Yêu cầu bổ sung'),
    rate('digitizationRate', 'Tỷ lệ số hóa hồ sơ'),
    rate('onlinePaymentRate', 'Tỷ lệ thanh toán trực tuyến'),
    rate('statedOnlineRate', 'Tỷ lệ trực tuyến văn bản ghi'),
    rate('statedOnTimeRate', 'Tỷ lệ đúng hạn văn bản ghi'),
  ].filter(Boolean);
  return (
    <Card size="small" title="Số liệu hồ sơ thủ tục hành chính">
      {items.length === 0 ? <Typography.Text type="secondary">Không đọc được số liệu hồ sơ.</Typography.Text> : <ul className="khcn-preview-figures khcn-preview-figures-2">{items}</ul>}
    </Card>
  );
}

/**
 * What the importer read — identity, dossier figures, both budgets line by line with their stated
 * totals, warnings and checks — each value traced to where it was read: hovering or focusing it
 * lights up its line or cell in the source view.
 */
export function ImportPreview({ result }: { result: ImportResult }) {
  const r = result.report;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="Dữ liệu đọc được">
        <ul className="khcn-preview-figures">
          <Figure path="commune" label="Đơn vị">{`${r.commune.kind} ${r.commune.name}, ${r.commune.province}`}</Figure>
          <Figure path="reportYear" label="Năm báo cáo">{r.reportYear}</Figure>
          <Figure path="planYear" label="Năm kế hoạch">{r.planYear}</Figure>
          <Figure path="document.number" label="Số văn bản">{r.document.number ?? '—'}</Figure>
          <Figure path="document.date" label="Ngày">{r.document.date ? formatShortDate(r.document.date) : '—'}</Figure>
          <Figure path="document.signer" label="Người ký">{r.document.signer.name || '—'}</Figure>
          {r.implementation.digitalTeams.teams !== undefined && (
            <Figure path="implementation.digitalTeams.teams" label="Tổ công nghệ số cộng đồng">{n(r.implementation.digitalTeams.teams)} tổ</Figure>
          )}
          {r.implementation.digitalTeams.members !== undefined && (
            <Figure path="implementation.digitalTeams.members" label="Thành viên Tổ công nghệ số">{n(r.implementation.digitalTeams.members)} người</Figure>
          )}
        </ul>
      </Card>
      <Dossiers r={r} />
      <BudgetPreview
        title={`Ngân sách năm ${r.reportYear} (Phần I)`}
        lines={r.implementation.budget.lines}
        basePath="implementation.budget.lines"
        stated={r.implementation.budget.stated}
        statedPath="implementation.budget.stated"
        disbursed={r.implementation.budget.disbursed === undefined ? undefined : { path: 'implementation.budget.disbursed', amount: r.implementation.budget.disbursed }}
      />
      <BudgetPreview title={`Dự toán năm ${r.planYear} (Phần II)`} lines={r.plan.budget} basePath="plan.budget" stated={r.plan.stated} statedPath="plan.stated" />
      <Notes r={r} />
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
