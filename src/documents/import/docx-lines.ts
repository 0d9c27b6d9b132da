import mammoth from 'mammoth';
import { AppError } from '../../domain/errors.ts';
import { safeRepackZip } from './zip-guard.ts';

/**
 * Paragraphs of a DOCX, one per line, in reading order (table cells row by row, each of their
 * paragraphs on its own line). Mammoth gives HTML; we keep only the text and the block
 * boundaries. Word's automatic list numbering is not part of the text, so it is written back
 * ("1. ", "- ") to let the report parser see the same markers as in a typed document.
 */
export async function docxLines(bytes: Uint8Array): Promise<string[]> {
  const safe = safeRepackZip(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      // Images carry no figures we read; dropping them keeps memory flat.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new AppError('IMPORT_DOCX_INVALID', 'Tệp .docx không đọc được (không có phần nội dung văn bản Word hợp lệ).');
  }
  return htmlToLines(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Mammoth's HTML is flat and regular; a tokenizer over tags is enough. */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  const lists: { ordered: boolean; n: number }[] = [];
  const flush = () => {
    const text = decodeEntities(current).replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) lines.push(text);
    current = '';
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      current += token;
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    const closing = token.startsWith('</');
    if (tag === 'br') {
      flush();
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists[lists.length - 1];
      if (!closing && list) {
        list.n += 1;
        current = list.ordered ? `${list.n}. ` : '- ';
      }
    } else if (/^(p|h[1-6]|td|th|tr|table|div)$/.test(tag)) {
      // Keep a list marker written at <li> when the item's text sits in a <p>.
      if (/^(\d+\. |- )$/.test(current) && !closing) continue;
      flush();
    }
  }
  flush();
  return lines;
}
