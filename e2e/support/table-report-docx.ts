import { readFileSync } from 'node:fs';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * A commune report "made the usual way" in Word, built with the `docx` library (not khcn's own
 * renderer): the seed's text, but Part II's budget as a bordered table (STT / Nội dung / Mã Khoản /
 * Loại chi / Kinh phí, Roman-numeral group rows in bold with their subtotals, a "Tổng cộng" row,
 * "Đơn vị tính: triệu đồng" above it), and one paragraph after the signature that belongs to no
 * section of the genre. The figures are written here by hand.
 */

const SEED = new URL('../../test/fixtures/seed-kien-thuy-2026.txt', import.meta.url).pathname;

/** The paragraph that fits no section: the preview must show it where it stands. */
export const STRAY_PARAGRAPH = 'Văn bản này thay thế bản đã gửi ngày 02/7/2026 do sai sót khi in.';

/** [STT, Nội dung, Mã Khoản, Loại chi, Kinh phí (triệu đồng)]; group rows are bold. */
export const BUDGET_ROWS: { cells: [string, string, string, string, string]; group?: boolean }[] = [
  { cells: ['I', 'Khoa học, công nghệ', '', '', '300'], group: true },
  { cells: ['1', 'Xây dựng cơ sở dữ liệu kinh tế - xã hội phục vụ quản lý', '', 'Thường xuyên', '250'] },
  { cells: ['2', 'Hỗ trợ xây dựng mô hình sản xuất ứng dụng công nghệ', '', 'Thường xuyên', '50'] },
  { cells: ['II', 'Đổi mới sáng tạo', '111', '', '150'], group: true },
  { cells: ['1', 'Tổ chức Ngày hội đổi mới sáng tạo', '111', 'Thường xuyên', '150'] },
  { cells: ['III', 'Chuyển đổi số', '121', '', '700'], group: true },
  { cells: ['1', 'Trang bị máy quét tốc độ cao cho bộ phận một cửa', '121', 'Đầu tư', '480'] },
  { cells: ['2', 'Hệ thống hội nghị trực tuyến', '121', 'Thường xuyên', '220'] },
];

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, bold = false, columnSpan?: number): TableCell {
  return new TableCell({
    borders,
    ...(columnSpan ? { columnSpan } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

function budgetTable(): Table {
  const header = new TableRow({ tableHeader: true, children: ['STT', 'Nội dung', 'Mã Khoản', 'Loại chi', 'Kinh phí'].map((h) => cell(h, true)) });
  const rows = BUDGET_ROWS.map((r) => new TableRow({ children: r.cells.map((c) => cell(c, r.group)) }));
  const total = new TableRow({ children: [cell('', true), cell('Tổng cộng', true), cell('', true), cell('', true), cell('1.150', true)] });
  return new Table({ rows: [header, ...rows, total], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** A paragraph of the seed text: "**…**" marks bold in the fixture. */
function para(line: string): Paragraph {
  const bold = line.includes('**');
  const text = line.replaceAll('**', '');
  const centred = /^(BÁO CÁO|CỘNG HÒA|Độc lập|ỦY BAN NHÂN DÂN)/.test(text);
  return new Paragraph({ alignment: centred ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold })] });
}

export async function tableReportDocx(): Promise<Buffer> {
  const lines = readFileSync(SEED, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const first = lines.findIndex((l) => l.startsWith('2.1. Khoa học, công nghệ'));
  const after = lines.findIndex((l) => l.startsWith('(Gửi kèm'));
  if (first < 0 || after < first) throw new Error('seed text changed: Part II budget lines not found');
  const body: (Paragraph | Table)[] = [];
  lines.forEach((line, i) => {
    if (i === first) body.push(para('Đơn vị tính: triệu đồng'), budgetTable());
    if (i >= first && i < after) return;
    body.push(
      para(
        line
          .replace('là 3.480 triệu đồng (Bằng chữ: Ba tỷ bốn trăm tám mươi triệu đồng chẵn)', 'là 1.150 triệu đồng (Bằng chữ: Một tỷ một trăm năm mươi triệu đồng chẵn)'),
      ),
    );
  });
  body.push(para(STRAY_PARAGRAPH));
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}
