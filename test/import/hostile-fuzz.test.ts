import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/documents/import/index.ts';
import { runChecks } from '../../src/domain/checks.ts';
import { isAppError } from '../../src/domain/errors.ts';

/**
 * Corpus reports mutated at random (fixed seed): text lines truncated, swapped, deleted,
 * duplicated or given hostile words; DOCX bytes flipped or cut; DOCX XML cut, rows swapped, cell
 * texts replaced, spans and merges added (gridSpan 100000 included), cells unclosed, tables opened
 * inside paragraphs. Whatever comes out, importReport + runChecks end in a report or an AppError,
 * never another exception, and within 2 s of CPU each. (Longer runs: raise FUZZ_RUNS / FUZZ_SEED.)
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
let seed = Number(process.env.FUZZ_SEED ?? 20261201);
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(a: readonly T[]): T => a[int(a.length)] as T;

const dir = new URL('../fixtures/corpus/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.(txt|docx)$/.test(f));
const WORDS = ['1.1.1.', 'triệu đồng', 'tỷ', 'Tổng cộng', '(Bằng chữ: một trăm triệu đồng)', 'I.', 'II.', 'a)', '+', '-', '•', '', '0', '999999999999999999999', '1,5', '12,5 tr.đ', 'Chi thường xuyên', 'Chi đầu tư phát triển', 'hồ sơ', 'đạt 100%', 'năm 2026', 'năm 9999', 'xã', 'phường', 'UBND XÃ', 'Khoa học, công nghệ', ':', '(', ')', 'NaN', '-5', '1e308', 'x', '—', 'Đơn vị tính: đồng', 'Kinh phí', 'STT', '%', '\u2003\u2003', '\u000b'];

function mutateText(t: string): string {
  let ls = t.split(/\r?\n/);
  const how = int(5);
  for (let n = 0; n < 1 + int(5); n++) {
    const i = int(ls.length);
    if (how === 0) ls = ls.slice(0, int(ls.length + 1));
    else if (how === 1) {
      const j = int(ls.length);
      [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    }
    else if (how === 2) ls.splice(i, 1);
    else if (how === 3) ls.splice(i, 0, ls[int(ls.length)] ?? '');
    else {
      const w = (ls[i] ?? '').split(' ');
      w.splice(int(w.length + 1), int(2), pick(WORDS));
      ls[i] = w.join(' ');
    }
  }
  return ls.join('\n');
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function mutateXml(x: string): string {
  switch (int(6)) {
    case 0:
      return x.slice(0, int(x.length));
    case 1: {
      const rows = x.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
      if (rows.length < 2) return x;
      const a = pick(rows);
      const b = pick(rows);
      return x.replace(a, '\u0000').replace(b, a).replace('\u0000', b);
    }
    case 2:
      return x.replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, (m, t: string) => (rnd() < 0.15 ? m.replace(t, xmlText(pick(WORDS))) : m));
    case 3:
      return x.replace(/<w:tcPr>/g, (m) => (rnd() < 0.2 ? `${m}<w:gridSpan w:val="${pick([0, 2, 5, 100000, -1])}"/>` : rnd() < 0.1 ? `${m}<w:vMerge${rnd() < 0.5 ? ' w:val="restart"' : ''}/>` : m));
    case 4:
      return x.replace(/<\/w:tc>/g, (m) => (rnd() < 0.05 ? '' : m));
    default:
      return x.replace(/<w:p[ >]/g, (m) => (rnd() < 0.02 ? `<w:tbl><w:tr><w:tc>${m}` : m)).replace(/<\/w:p>/g, (m) => (rnd() < 0.02 ? `${m}</w:tc></w:tr></w:tbl>` : m));
  }
}

function flip(b: Uint8Array): Uint8Array {
  const c = b.slice();
  for (let n = 0; n < 1 + int(8); n++) c[int(c.length)] = int(256);
  return c;
}

function mutate(file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
  if (file.endsWith('.txt')) return rnd() < 0.2 ? flip(bytes) : strToU8(mutateText(strFromU8(bytes)));
  const r = rnd();
  if (r < 0.2) return flip(bytes);
  if (r < 0.3) return bytes.slice(0, int(bytes.length));
  const zip = unzipSync(bytes);
  const xml = zip['word/document.xml'];
  if (!xml) return bytes;
  zip['word/document.xml'] = strToU8(mutateXml(strFromU8(xml)));
  return zipSync(zip);
}

describe('mutated corpus reports: a report or an AppError, never a crash', () => {
  it(`${RUNS} mutations (seed ${seed})`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const file = pick(files);
      const bytes = mutate(file);
      const cpu = process.cpuUsage();
      try {
        runChecks((await importReport(bytes, file)).report);
      } catch (e) {
        if (!isAppError(e)) failures.push(`#${i} ${file}: ${e instanceof Error ? e.stack : String(e)}`);
      }
      const used = process.cpuUsage(cpu);
      if ((used.user + used.system) / 1000 > 2000) failures.push(`#${i} ${file}: ${Math.round((used.user + used.system) / 1000)} ms of CPU`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
