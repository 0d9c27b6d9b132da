import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { Report } from '../../src/domain/report-schema.ts';

/** Shared by the render-*.test.ts files: the seed, and small readers of OOXML packages. */
export const seedReport = (): Report => Report.parse(JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')));

export const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The seed's paragraphs: one per non-empty line; a line that starts with a lowercase letter and
 * is not an "a)" item continues the previous one (the seed's one page-break split); markdown
 * emphasis (`*…*`, `**…**`) is dropped.
 */
export function seedParagraphs(): string[] {
  const lines = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8').split(/\r?\n/).map((l) => normalise(l.replace(/\*/g, '')));
  const out: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    const continues = /^\p{Ll}/u.test(line) && !/^\p{Ll}\)/u.test(line) && out.length > 0;
    if (continues) out[out.length - 1] = normalise(`${out[out.length - 1]} ${line}`);
    else out.push(line);
  }
  return out;
}

export const unzip = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every `<w:p>` of a WordprocessingML part, with its XML and its text. */
export function docxParagraphs(xml: string): Array<{ xml: string; text: string }> {
  const out: Array<{ xml: string; text: string }> = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const inner = m[1] ?? '';
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join('');
    out.push({ xml: m[0], text });
  }
  return out;
}

/** Attributes of the first element `tag` in xml, e.g. attrs(xml, 'w:pgSz')['w:w']. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\s([^>]*?)/?>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? '']));
}

/** The XML of the n-th top-level-or-nested `<w:tbl>` (tables here are never nested). */
export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export const twipsToMm = (twips: number): number => (twips * 25.4) / 1440;
