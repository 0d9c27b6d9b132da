import type { Dossiers } from '../../domain/report-schema.ts';
import { COUNT, RATE, parseCount, parseRate } from './amounts.ts';
import { searchKey } from '../../domain/text.ts';
import type { ImportSource, Paragraph } from './types.ts';

/**
 * Dossier figures of the period, from the sentence(s) the genre writes in "Về chuyển đổi số", in
 * any of its phrasings and orders: "đã tiếp nhận 6.797 hồ sơ; trong kỳ 6.608 hồ sơ, kỳ trước
 * chuyển sang 188 hồ sơ …", "gồm: tiếp nhận mới 1.228 hồ sơ và 48 hồ sơ kỳ trước chuyển sang",
 * "Tiếp nhận trực tuyến: 2.430 hồ sơ (tỷ lệ 93,21%)", "đã giải quyết đúng hạn và trước hạn …".
 *
 * The text is cut into clauses (at ";", ",", ".", parentheses, "và" before a figure); each clause
 * is classified by its keywords wherever they stand (before or after the figure) and gives at most
 * one count and one rate. A rate alone in a clause ("tỷ lệ 93,21%", "đạt 95,83%") belongs to the
 * clause before it. The first reading of each figure wins. The rates the document states are kept
 * as statedOnlineRate/statedOnTimeRate for RATE_STATED.
 */
type CountKey = 'total' | 'receivedInPeriod' | 'carriedOver' | 'online' | 'direct' | 'resolvedOnTime' | 'resolvedLate' | 'pendingOnTime' | 'supplementRequested';
type Kind = CountKey | 'digitizationRate' | 'onlinePaymentRate';

/** Classes by keyword (searchKey of the clause), most specific first. */
const CLASSES: [Kind, RegExp][] = [
  ['digitizationRate', /so hoa/],
  ['onlinePaymentRate', /thanh toan/],
  ['pendingOnTime', /dang giai quyet|chua den han|dang xu ly|con trong han|dang trong han/],
  ['resolvedLate', /qua han|tre han|cham han|giai quyet cham/],
  ['supplementRequested', /bo sung|tra lai/],
  ['resolvedOnTime', /dung han|truoc han|giai quyet trong han/],
  ['online', /truc tuyen/],
  ['direct', /truc tiep/],
  ['carriedOver', /ky truoc|\bton\b/],
  ['receivedInPeriod', /trong ky|tiep nhan moi|moi tiep nhan|phat sinh moi/],
  ['total', /tong so|tong cong|\btong\b|tiep nhan/],
];

/** A count: not part of a date, a decimal or a percentage. */
const COUNT_IN = new RegExp(String.raw`(?<![\d/.,])(${COUNT})(?![\d/]|,\d|\.\d|\s*%)`, 'gu');
const RATE_IN = new RegExp(String.raw`(?<![\d.,])(${RATE})\s*%`, 'gu');
/** Figures that are not dossier counts: "9 lĩnh vực", "19 Tổ", "năm 2026", "Đề án 06". */
const NOT_A_COUNT_AFTER = /^\s*(?:lĩnh vực|tổ\b|thành viên|ngày|tháng|năm|thủ tục)/iu;
const NOT_A_COUNT_BEFORE = /(?:năm|ngày|tháng|Đề án|(?<!tổng\s)số|Quyết định|Nghị quyết|Công văn)\s*$/iu;
const FIELDS_IN = new RegExp(String.raw`(?<![\d/.,])(${COUNT})\s+lĩnh vực`, 'du');
const SPLIT = /;|\.(?=\s|$)|,(?=\s)|\(|\)|\s+và\s+(?=\d)|\s+gồm\s*:|\s+trong đó\s*:?/gu;

const PERIOD = /từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4}) đến (?:hết )?ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/diu;

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Marks group `g` of match `m` (made with the "d" flag) as read. */
function use(p: Paragraph, m: RegExpExecArray, g: number): void {
  const range = m.indices?.[g];
  if (range) p.used.push([range[0], range[1]]);
}

interface Clause { text: string; start: number; sentenceStart: boolean }

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let sentenceStart = true;
  for (const m of text.matchAll(SPLIT)) {
    out.push({ text: text.slice(start, m.index), start, sentenceStart });
    sentenceStart = m[0] === ';' || m[0] === '.';
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start, sentenceStart });
  return out.filter((c) => c.text.trim() !== '');
}

const classOf = (text: string): Kind | undefined => {
  const k = searchKey(text);
  return CLASSES.find(([, re]) => re.test(k))?.[0];
};

/** A paragraph worth reading for dossier figures. */
const isDossierText = (text: string): boolean =>
  /\d/.test(text) && (/hồ sơ/iu.test(text) || /trực tuyến|trực tiếp|đúng hạn|quá hạn|bổ sung|kỳ trước|trong kỳ/iu.test(text));

export function readDossiers(paragraphs: readonly Paragraph[], sources: ImportSource[] = []): Dossiers {
  const d: Dossiers = {};
  const set = (key: keyof Dossiers, value: number | string, p: Paragraph) => {
    (d as Record<string, number | string>)[key] = value;
    sources.push({ path: `implementation.dossiers.${key}`, line: p.line });
  };
  for (const p of paragraphs) {
    if (!isDossierText(p.text)) continue;
    const period = PERIOD.exec(p.text);
    if (period && d.periodStart === undefined) {
      const [, d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = ''] = period;
      set('periodStart', iso(y1, m1, d1), p);
      set('periodEnd', iso(y2, m2, d2), p);
    }
    const fields = FIELDS_IN.exec(p.text);
    if (fields?.[1] && d.fields === undefined && /hồ sơ/iu.test(p.text)) {
      set('fields', parseCount(fields[1]), p);
      use(p, fields, 1);
    }
    let previous: Kind | undefined;
    let previousEmpty = false;
    for (const c of clauses(p.text)) {
      const own = classOf(c.text);
      const rates = [...c.text.matchAll(RATE_IN)];
      const counts = [...c.text.matchAll(COUNT_IN)].filter((m) => {
        const before = c.text.slice(0, m.index);
        const after = c.text.slice(m.index + m[0].length);
        return !NOT_A_COUNT_AFTER.test(after) && !NOT_A_COUNT_BEFORE.test(before);
      });
      // A rate standing alone ("tỷ lệ 93,21%", "đạt 95,83%") speaks of the clause before it; so
      // does a figure after a clause that named the figure but gave none ("yêu cầu bổ sung,
      // hoàn thiện 34 hồ sơ").
      const alone = counts.length === 0 && rates.length > 0 && /^\s*(?:tỷ lệ|đạt|chiếm)/iu.test(c.text);
      const kind = own ?? (!c.sentenceStart && (alone || (previousEmpty && counts.length > 0)) ? previous : undefined);
      previous = kind;
      previousEmpty = counts.length === 0 && rates.length === 0;
      if (!kind) continue;
      const rate = rates[0];
      if (kind === 'digitizationRate' || kind === 'onlinePaymentRate') {
        const value = rate?.[1] !== undefined ? parseRate(rate[1]) : undefined;
        if (rate && value !== undefined && d[kind] === undefined) {
          set(kind, value, p);
          p.used.push([c.start + rate.index, c.start + rate.index + (rate[1]?.length ?? 0)]);
        }
        continue;
      }
      // "N hồ sơ" first; a bare figure only when the clause has no "hồ sơ" figure.
      const withNoun = counts.filter((m) => /^\s*hồ sơ/iu.test(c.text.slice(m.index + m[0].length)));
      const count = (withNoun.length > 0 ? withNoun : counts)[0];
      if (count?.[1] && d[kind] === undefined && (kind !== 'total' || /hồ sơ/iu.test(c.text) || withNoun.length > 0)) {
        set(kind, parseCount(count[1]), p);
        p.used.push([c.start + count.index, c.start + count.index + count[1].length]);
      }
      const statedKey = kind === 'online' ? 'statedOnlineRate' : kind === 'resolvedOnTime' ? 'statedOnTimeRate' : undefined;
      const value = rate?.[1] !== undefined ? parseRate(rate[1]) : undefined;
      if (statedKey && rate && value !== undefined && d[statedKey] === undefined) {
        set(statedKey, value, p);
        p.used.push([c.start + rate.index, c.start + rate.index + (rate[1]?.length ?? 0)]);
      }
    }
  }
  return d;
}

const TEAMS = new RegExp(String.raw`(${COUNT})\s+tổ công nghệ số(?: cộng đồng)?`, 'diu');
const MEMBERS = new RegExp(String.raw`(${COUNT})\s+thành viên`, 'diu');
const FOCAL = [
  /(?:phân công|giao|chỉ định)\s+(.+?)\s+(?:làm|là)\s+(?:cơ quan |đơn vị )?đầu mối/u,
  /^(.+?)\s+(?:là|làm)\s+(?:cơ quan|đơn vị)\s+đầu mối/u,
];

/** Community digital-technology teams and the focal unit, from the leadership narrative. */
export function readLeadership(paragraphs: readonly Paragraph[], sources: ImportSource[] = []): { teams?: number; members?: number; focalUnit?: string } {
  const out: { teams?: number; members?: number; focalUnit?: string } = {};
  for (const p of paragraphs) {
    const t = out.teams === undefined ? TEAMS.exec(p.text) : null;
    if (t?.[1]) {
      out.teams = parseCount(t[1]);
      use(p, t, 1);
      sources.push({ path: 'implementation.digitalTeams.teams', line: p.line });
      const m = MEMBERS.exec(p.text.slice(t.index));
      if (m?.[1]) {
        out.members = parseCount(m[1]);
        sources.push({ path: 'implementation.digitalTeams.members', line: p.line });
      }
    }
    for (const re of FOCAL) {
      const f = out.focalUnit === undefined ? re.exec(p.text) : null;
      if (f?.[1] && f[1].length <= 200) out.focalUnit = f[1].trim();
    }
  }
  return out;
}
