import { FIGURE } from './amounts.ts';
import type { ImportWarning, Paragraph } from './types.ts';

/**
 * "Nothing guessed silently": every figure in the text (an amount, a count of hồ sơ, a rate)
 * that no rule turned into data is reported with its line and paragraph. Narrative keeps such
 * figures verbatim, but the checks cannot see them, so the official is told.
 */
export function unreadFigures(paragraphs: readonly Paragraph[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (const p of paragraphs) {
    const missed: string[] = [];
    for (const m of p.text.matchAll(FIGURE)) {
      const start = m.index;
      if (!p.used.some(([a, b]) => start >= a && start < b)) missed.push(m[0]);
    }
    if (missed.length > 0) {
      out.push({
        code: 'IMPORT_UNREAD',
        message: `Dòng ${p.line} có số liệu chưa được đọc vào dữ liệu: ${missed.map((f) => `"${f}"`).join(', ')}. Hãy kiểm tra và nhập tay nếu cần.`,
        line: p.line,
        text: p.text,
      });
    }
  }
  return out;
}

export function unplacedWarnings(paragraphs: readonly Paragraph[]): ImportWarning[] {
  return paragraphs.map((p) => ({
    code: 'IMPORT_UNPLACED',
    message: `Dòng ${p.line} không thuộc mục nào của mẫu báo cáo: đã giữ lại làm ghi chú của báo cáo; hãy đưa nội dung vào đúng mục.`,
    line: p.line,
    text: p.text,
  }));
}
