/**
 * Amounts written in a sentence with their words: "… là 3.480 triệu đồng (Bằng chữ: Ba tỷ bốn
 * trăm tám mươi triệu đồng chẵn) …". Narrative paragraphs keep such sentences verbatim, and the
 * AMOUNT_WORDS check compares each figure with its words wherever the sentence stands.
 *
 * The figure is read the Vietnamese way ("." groups thousands, "," marks decimals) in any of the
 * units the genre writes (đồng, nghìn đồng, triệu đồng, tỷ đồng, "tr.đ", "trđ", "tỷ"…), by
 * string arithmetic so "12,5 triệu" is exactly 12.500.000 đồng. A figure that is not a whole
 * number of đồng gives `amount: undefined` (the check then says it cannot compare).
 */
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT = String.raw`triệu\s+đồng|triệu|tr\.?\s?đồng|tr\.?\s?đ|tỷ\s+đồng|tỷ|tỉ\s+đồng|tỉ|nghìn\s+đồng|ngàn\s+đồng|đồng|VNĐ|VND|đ`;
const WITH_WORDS = new RegExp(
  String.raw`(?<![\d.,])(${NUM})\s*(${UNIT})(?!\p{L})\s*,?\s*[(\[]\s*(?:viết\s+)?bằng\s+chữ\s*:?\s*([^)\]]*?)\s*[)\]]`,
  'giu',
);

export interface WordsInText {
  /** The figure as written, with its unit ("3.480 triệu đồng"). */
  figure: string;
  /** The figure in đồng; undefined when it is not a whole number of đồng. */
  amount: number | undefined;
  /** The words, as written after "Bằng chữ:". */
  words: string;
  /** Where the figure starts in the text. */
  index: number;
}

const EXPONENT: [RegExp, number][] = [[/^tri|^tr/iu, 6], [/^t[ỷỉ]/iu, 9], [/^(?:nghìn|ngàn)/iu, 3]];

/** "12,5" + "triệu" → 12 500 000; undefined when the figure is not a whole number of đồng. */
export function moneyToDong(numberText: string, unitText: string): number | undefined {
  const exponent = EXPONENT.find(([re]) => re.test(unitText.trim()))?.[1] ?? 0;
  const [intPart = '', frac = ''] = numberText.split(',');
  if (frac.length > exponent && /[1-9]/.test(frac.slice(exponent))) return undefined;
  const whole = `${intPart.replace(/\./g, '')}${frac.slice(0, exponent).padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  const dong = Number(whole);
  return Number.isSafeInteger(dong) ? dong : undefined;
}

export function amountsWithWords(text: string): WordsInText[] {
  if (!/bằng\s+chữ/iu.test(text)) return [];
  return [...text.matchAll(WITH_WORDS)].map((m) => ({
    figure: `${m[1] ?? ''} ${m[2] ?? ''}`,
    amount: moneyToDong(m[1] ?? '', m[2] ?? ''),
    words: (m[3] ?? '').replace(/[.\s]+$/u, ''),
    index: m.index,
  }));
}
