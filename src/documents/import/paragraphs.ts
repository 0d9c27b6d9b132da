import type { Paragraph } from './types.ts';

/** A line that opens a list item or a numbered heading, even when it starts with a lowercase letter ("a) …"). */
export const MARKER = /^(?:[-–—•*+·]\s|(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)](?:\s|$))/u;

const WORDS_LINE = /^\(?\s*(?:viết\s+)?bằng chữ\s*:/iu;

/**
 * Source lines → paragraphs. Removes the markdown emphasis some exports leave ("**…**",
 * "*Bằng chữ: …*"), and rejoins a sentence broken across a page or a hard line break: a line
 * that starts with a lowercase letter and is not a list marker continues the previous
 * paragraph (the seed breaks "…nông nghiệp" / "của địa phương…" that way).
 */
export function toParagraphs(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  lines.forEach((raw, index) => {
    const text = clean(raw);
    if (!text) return;
    const previous = out[out.length - 1];
    // "(Bằng chữ: …)" on a line of its own belongs to the figure just before it.
    if (previous && WORDS_LINE.test(text) && !/bằng chữ/iu.test(previous.text)) {
      previous.text = `${previous.text.replace(/[.,;:]$/u, '')} ${text}`;
      return;
    }
    if (previous && /^\p{Ll}/u.test(text) && !MARKER.test(text) && continues(previous.text)) {
      previous.text = `${previous.text} ${text}`;
      return;
    }
    out.push({ text, line: index + 1, used: [] });
  });
  return out;
}

/** A paragraph that already ends a sentence or a heading does not take continuations. */
const continues = (text: string) => !/[.:;!?]$/.test(text) && !/^(?:Nơi nhận|TM\.|KT\.)/.test(text);

export function clean(raw: string): string {
  // Every kind of white space but a line break becomes a plain space (then runs of them one): the
  // readers' patterns say \s* and \s+ in many places, and a run of em spaces (U+2003) or vertical
  // tabs kept as it was made some of them quadratic (40 lines of 19.000 em spaces: 50–120 s).
  let text = raw.normalize('NFC').replace(/\u200b|\ufeff/g, '').replace(/[^\S\n]/gu, ' ');
  text = text.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '').replace(/__/g, '');
  // Paired single stars are italics; a star alone at the start is a bullet and stays.
  const bullet = /^\s*\*\s+/.exec(text)?.[0] ?? '';
  text = bullet + text.slice(bullet.length).replace(/\*([^*\n]+)\*/g, '$1');
  return text.replace(/ {2,}/g, ' ').trim();
}
