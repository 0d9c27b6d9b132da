import { AlignmentType, Document, Header, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FIELD_KEYS, KPI_KEYS, share } from '../../domain/consolidate.ts';
import { formatDocumentDate, formatMillions, formatPercent } from '../../domain/format.ts';
import { amountInWords } from '../../domain/words.ts';
import { ALL_THIN, BODY, boldTextWidth, FONT, NO_BORDERS, PAGE, rule, SIZE, TEXT_WIDTH } from '../render/docx-style.ts';
import { QUOC_HIEU, TIEU_NGU } from '../render/docx.ts';
import { cleanText } from '../render/sanitize.ts';
import { DEFAULT_GENERATED_AT } from '../render/types.ts';
import { packDocx } from '../render/docx-package.ts';
import { codeLabel, FIELD_KEY_LABELS, sortedEntries, type ConsolidatedModel } from './model.ts';

/**
 * The Department's summary report to the city People's Committee, in the format of Nghị định
 * 30/2020/NĐ-CP (same measurements as the communes' reports: docx-style.ts): the consolidated
 * figures of the accepted reports, each total with its amount in words, and a table by field.
 */
interface RunStyle { size?: number; bold?: boolean; italic?: boolean }
const run = (t: string, s: RunStyle = {}) => new TextRun({ text: cleanText(t), font: FONT, size: s.size ?? SIZE.body, bold: s.bold ?? false, italics: s.italic ?? false });
const centred = (t: string, s: RunStyle, after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240 }, children: [run(t, s)] });
const body = (t: string, s: RunStyle = {}) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.indent }, spacing: { before: 0, after: BODY.after, line: BODY.line }, children: [run(t, s)] });
const heading = (t: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.indent }, keepNext: true, spacing: { before: 0, after: BODY.after, line: BODY.line }, children: [run(t, { bold: true })] });

const CELL_MARGIN = 57;
const cell = (width: number, children: Paragraph[], borders = NO_BORDERS) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders, margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 }, verticalAlign: VerticalAlign.TOP, children });
const table = (widths: number[], rows: TableCell[][], borders: typeof NO_BORDERS | typeof ALL_THIN = NO_BORDERS, indent = 0) =>
  new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, indent: { size: indent, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders, rows: rows.map((children) => new TableRow({ cantSplit: true, children })) });

const tr = (amount: number) => `${formatMillions(amount)} triệu đồng`;
/** "8.212 triệu đồng (Bằng chữ: Tám tỷ hai trăm mười hai triệu đồng chẵn)" */
const withWords = (amount: number) => `${tr(amount)} (Bằng chữ: ${amountInWords(amount)})`;
const pct = (part: number, whole: number) => {
  const s = share(part, whole);
  return s === undefined ? '—' : formatPercent(s);
};

const HEADER_LEFT = 3686;
const HEADER_INDENT = -284;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_INDENT - HEADER_LEFT;

function header(m: ConsolidatedModel): Table {
  const parent = `UBND ${m.province.name.toUpperCase().startsWith('THÀNH PHỐ') ? '' : 'THÀNH PHỐ '}${m.province.name.toUpperCase()}`;
  const name = 'SỞ KHOA HỌC VÀ CÔNG NGHỆ';
  const place = m.province.name;
  const left = [
    centred(parent, { size: SIZE.issuer }),
    centred(name, { size: SIZE.issuer, bold: true }),
    rule(Math.round(boldTextWidth(name, SIZE.issuer) / 3), HEADER_LEFT - 2 * CELL_MARGIN, 160),
    centred('Số:        /BC-SKHCN', { size: SIZE.number }),
  ];
  const right = [
    centred(QUOC_HIEU, { size: SIZE.quocHieu, bold: true }),
    centred(TIEU_NGU, { size: SIZE.tieuNgu, bold: true }),
    rule(boldTextWidth(TIEU_NGU, SIZE.tieuNgu), HEADER_RIGHT - 2 * CELL_MARGIN, 160),
    centred(`${place}, ${formatDocumentDate(m.date)}`, { size: SIZE.placeDate, italic: true }),
  ];
  return table([HEADER_LEFT, HEADER_RIGHT], [[cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)]], NO_BORDERS, HEADER_INDENT);
}

function fieldTable(m: ConsolidatedModel): Table {
  const t = m.consolidation.totals;
  const widths = [700, 3300, 1700, 1700, 1661];
  const c = (w: number, s: string, opts: RunStyle & { right?: boolean } = {}) =>
    cell(w, [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.CENTER, spacing: { before: 40, after: 40 }, children: [run(s, { size: SIZE.table, ...opts })] })], ALL_THIN);
  const rows = [
    ['STT', 'Lĩnh vực', 'Chi thường xuyên', 'Chi đầu tư phát triển', 'Tổng cộng'].map((h, i) => c(widths[i]!, h, { bold: true })),
    ...FIELD_KEYS.filter((f) => f !== 'unassigned' || t.byField.unassigned > 0).map((f, i) => [
      c(widths[0]!, String(i + 1)), c(widths[1]!, FIELD_KEY_LABELS[f]),
      c(widths[2]!, formatMillions(t.byFieldKind[f].recurrent), { right: true }), c(widths[3]!, formatMillions(t.byFieldKind[f].investment), { right: true }), c(widths[4]!, formatMillions(t.byField[f]), { right: true }),
    ]),
    [c(widths[0]!, ''), c(widths[1]!, 'Tổng cộng', { bold: true }), c(widths[2]!, formatMillions(t.byKind.recurrent), { bold: true, right: true }), c(widths[3]!, formatMillions(t.byKind.investment), { bold: true, right: true }), c(widths[4]!, formatMillions(t.total), { bold: true, right: true })],
  ];
  return table(widths, rows, ALL_THIN);
}

function paragraphs(m: ConsolidatedModel): (Paragraph | Table)[] {
  const p = m.progress;
  const c = m.consolidation;
  const t = c.totals;
  const y = m.cycle.planYear;
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: [run('BÁO CÁO', { bold: true })] }),
    centred(`Tổng hợp kế hoạch và dự toán kinh phí khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${y} của các xã, phường, đặc khu`, { bold: true }),
    rule(Math.round((40 * 1440) / 25.4), TEXT_WIDTH, 240),
    centred(`Kính gửi: Ủy ban nhân dân thành phố ${m.province.name}.`, { size: SIZE.body }, 240),
    body(`Thực hiện ${m.cycle.guidance} về việc hướng dẫn xây dựng kế hoạch và dự toán ngân sách khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${y}, Sở Khoa học và Công nghệ đã tiếp nhận, thẩm định báo cáo của các xã, phường, đặc khu và tổng hợp như sau:`),
    heading('I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO'),
    body(`Số đơn vị phải báo cáo: ${p.expected}; đã nộp: ${p.everSubmitted} đơn vị (đúng hạn ${p.onTime}, trễ hạn ${p.late}); quá hạn chưa nộp: ${p.overdue} đơn vị; đang soạn thảo: ${p.drafting}; bị trả lại để hoàn thiện: ${p.returned}; đang chờ thẩm định: ${p.submitted}; đã tiếp nhận: ${p.accepted + p.approved} đơn vị (trong đó ${p.approved} đơn vị đã được phê duyệt dự toán).`),
    ...(p.lateUnits.length ? [body(`Các đơn vị nộp trễ hoặc chưa nộp: ${p.lateUnits.slice(0, 30).map((r) => `${r.unit.kind} ${r.unit.name}`).join(', ')}${p.lateUnits.length > 30 ? ` và ${p.lateUnits.length - 30} đơn vị khác` : ''}.`)] : []),
    heading(`II. TỔNG HỢP DỰ TOÁN KINH PHÍ NĂM ${y}`),
    body(`Tổng dự toán kinh phí của ${c.included} đơn vị có báo cáo đã được Sở tiếp nhận là ${withWords(t.total)}, trong đó:`),
    body(`a) Theo loại chi: chi thường xuyên ${withWords(t.byKind.recurrent)}, chiếm ${pct(t.byKind.recurrent, t.total)}; chi đầu tư phát triển ${withWords(t.byKind.investment)}, chiếm ${pct(t.byKind.investment, t.total)}.`),
    body(`b) Theo lĩnh vực: ${FIELD_KEYS.filter((f) => f !== 'unassigned' || t.byField.unassigned > 0).map((f) => `${FIELD_KEY_LABELS[f].toLowerCase()} ${tr(t.byField[f])} (${pct(t.byField[f], t.total)})`).join('; ')}.`),
    body(`c) Theo mã Khoản: ${sortedEntries(t.byCode).map(([k, v]) => `${codeLabel(k).replace(/^Chưa/, 'chưa')} ${tr(v)}`).join('; ')}.`),
    fieldTable(m),
    new Paragraph({ spacing: { before: 0, after: BODY.after }, children: [] }),
    heading('III. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'),
    ...KPI_KEYS.map((k, i) => {
      const d = c.kpis[i]!;
      return d.count === 0
        ? body(`- ${d.label}: chưa có số liệu.`)
        : body(`- ${d.label}: trung bình ${formatPercent(d.mean!)}, thấp nhất ${formatPercent(d.min!)}, cao nhất ${formatPercent(d.max!)} (${d.count} đơn vị).`);
    }),
    ...(c.approved > 0 ? [heading('IV. TÌNH HÌNH GIẢI NGÂN'), body(`Tổng dự toán được phê duyệt ${withWords(c.approved)}; đã giải ngân ${withWords(c.disbursed)}, đạt ${pct(c.disbursed, c.approved)}.`)] : []),
    heading(`${c.approved > 0 ? 'V' : 'IV'}. ĐỀ XUẤT, KIẾN NGHỊ`),
    body(`Sở Khoa học và Công nghệ kính đề nghị Ủy ban nhân dân thành phố xem xét, phê duyệt dự toán kinh phí khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm ${y} của các xã, phường, đặc khu theo số liệu tổng hợp nêu trên./.`),
  ];
  return out;
}

function signature(): Table {
  const leftW = 4000;
  const rightW = TEXT_WIDTH - leftW;
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italic: true })] }),
    ...['Như trên;', 'Giám đốc Sở (để b/c);', 'Lưu: VT, KHTC.'].map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: SIZE.recipients })] })),
  ];
  const right = [
    centred('KT. GIÁM ĐỐC', { size: SIZE.signer, bold: true }),
    centred('PHÓ GIÁM ĐỐC', { size: SIZE.signer, bold: true }),
    new Paragraph({ spacing: { before: 0, after: 0, line: 1700, lineRule: 'exact' }, children: [run('', { size: SIZE.signer })] }),
  ];
  return table([leftW, rightW], [[cell(leftW, left), cell(rightW, right)]]);
}

export async function renderConsolidatedDocx(m: ConsolidatedModel): Promise<Uint8Array> {
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber })] })] });
  const doc = new Document({
    creator: 'khcn',
    lastModifiedBy: 'khcn',
    title: `Báo cáo tổng hợp dự toán KH,CN,ĐMST&CĐS năm ${m.cycle.planYear}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [{
      properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
      headers: { first: new Header({ children: [new Paragraph({ children: [] })] }), default: pageNumber },
      children: [header(m), ...paragraphs(m), new Paragraph({ keepNext: true, spacing: { before: 0, after: 0 }, children: [] }), signature()],
    }],
  });
  return packDocx(doc, m.generatedAt ?? DEFAULT_GENERATED_AT);
}
