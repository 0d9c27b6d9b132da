import type { Dossiers } from '../../domain/report-schema.ts';
import { COUNT, RATE, parseCount, parseRate } from './amounts.ts';
import type { Paragraph } from './types.ts';

/**
 * Dossier figures of the period, from the sentence(s) the genre writes in "Về chuyển đổi số":
 * "đã tiếp nhận 6.797 hồ sơ; trong kỳ 6.608 hồ sơ, kỳ trước chuyển sang 188 hồ sơ liên quan đến
 * 9 lĩnh vực; trong đó tiếp nhận trực tuyến trong kỳ là 6608 đạt 99,98%, …". Each figure has
 * its own phrase patterns (several phrasings per figure); the first match wins. The rates the
 * sentence states are kept as statedOnlineRate/statedOnTimeRate for RATE_STATED.
 */
type CountKey = 'total' | 'receivedInPeriod' | 'carriedOver' | 'fields' | 'online' | 'direct' | 'resolvedOnTime' | 'resolvedLate' | 'pendingOnTime' | 'supplementRequested';

// A count not followed by a decimal part or "%": "trực tuyến đạt 99,98%" states no count.
const N = String.raw`(${COUNT})(?![\d]|,\d|\s*%)`;
const SEP = String.raw`(?:\s+là|\s+đạt)?\s*:?\s*`;
const TAIL_RATE = String.raw`(?:\s*hồ sơ)?(?:\s*[,(]?\s*(?:đạt|chiếm)(?:\s+tỷ lệ)?\s*(${RATE})\s*%)?`;

const COUNTS: [CountKey, RegExp, 'online' | 'onTime' | undefined][] = [
  ['total', new RegExp(String.raw`(?:đã tiếp nhận|tiếp nhận tổng số|tổng số hồ sơ(?: đã)?(?: tiếp nhận)?|tổng cộng)${SEP}${N}`, 'diu'), undefined],
  ['receivedInPeriod', new RegExp(String.raw`(?<!trực tuyến |trực tiếp )(?:tiếp nhận mới|mới tiếp nhận|trong kỳ)${SEP}${N}\s*hồ sơ`, 'diu'), undefined],
  ['carriedOver', new RegExp(String.raw`(?:kỳ trước chuyển sang|tồn kỳ trước(?: chuyển sang)?|kỳ trước chuyển qua|từ kỳ trước chuyển sang|chuyển từ kỳ trước(?: sang| qua)?|tồn(?: từ)? kỳ trước)${SEP}${N}`, 'diu'), undefined],
  ['fields', new RegExp(String.raw`${N}\s+lĩnh vực`, 'diu'), undefined],
  ['online', new RegExp(String.raw`(?<!thanh toán )trực tuyến(?:\s+trong kỳ)?${SEP}${N}${TAIL_RATE}`, 'diu'), 'online'],
  ['direct', new RegExp(String.raw`trực tiếp(?:\s+trong kỳ)?(?:\s+tại bộ phận một cửa)?${SEP}${N}`, 'diu'), undefined],
  ['resolvedOnTime', new RegExp(String.raw`(?:trước và đúng hạn|trước hạn và đúng hạn|đúng hạn và trước hạn|trước hạn, đúng hạn|đúng và trước hạn|đúng hạn)${SEP}${N}${TAIL_RATE}`, 'diu'), 'onTime'],
  ['resolvedLate', new RegExp(String.raw`(?<!đang giải quyết )(?:quá hạn|trễ hạn)${SEP}${N}`, 'diu'), undefined],
  ['pendingOnTime', new RegExp(String.raw`đang giải quyết(?:\s+trong hạn)?${SEP}${N}`, 'diu'), undefined],
  ['supplementRequested', new RegExp(String.raw`(?:yêu cầu bổ sung|bổ sung hồ sơ|trả lại để bổ sung)${SEP}${N}`, 'diu'), undefined],
];

const RATES: ['digitizationRate' | 'onlinePaymentRate', RegExp][] = [
  ['digitizationRate', new RegExp(String.raw`số hóa[^.;%]*?(${RATE})\s*%`, 'diu')],
  ['onlinePaymentRate', new RegExp(String.raw`thanh toán trực tuyến[^.;%]*?(${RATE})\s*%`, 'diu')],
];

const PERIOD = /từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4}) đến (?:hết )?ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/diu;

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Marks group `g` of match `m` (made with the "d" flag) as read. */
function use(p: Paragraph, m: RegExpExecArray, g: number): void {
  const range = m.indices?.[g];
  if (range) p.used.push([range[0], range[1]]);
}

export function readDossiers(paragraphs: readonly Paragraph[]): Dossiers {
  const d: Dossiers = {};
  for (const p of paragraphs) {
    if (!/hồ sơ/iu.test(p.text)) continue;
    const period = PERIOD.exec(p.text);
    if (period && d.periodStart === undefined) {
      const [, d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = ''] = period;
      d.periodStart = iso(y1, m1, d1);
      d.periodEnd = iso(y2, m2, d2);
    }
    for (const [key, re, rate] of COUNTS) {
      if (d[key] !== undefined) continue;
      const m = re.exec(p.text);
      if (!m?.[1]) continue;
      d[key] = parseCount(m[1]);
      use(p, m, 1);
      const stated = m[2] !== undefined ? parseRate(m[2]) : undefined;
      if (rate && stated !== undefined) {
        if (rate === 'online') d.statedOnlineRate = stated;
        else d.statedOnTimeRate = stated;
        use(p, m, 2);
      }
    }
    for (const [key, re] of RATES) {
      if (d[key] !== undefined) continue;
      const m = re.exec(p.text);
      const value = m?.[1] !== undefined ? parseRate(m[1]) : undefined;
      if (m && value !== undefined) {
        d[key] = value;
        use(p, m, 1);
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
export function readLeadership(paragraphs: readonly Paragraph[]): { teams?: number; members?: number; focalUnit?: string } {
  const out: { teams?: number; members?: number; focalUnit?: string } = {};
  for (const p of paragraphs) {
    const t = out.teams === undefined ? TEAMS.exec(p.text) : null;
    if (t?.[1]) {
      out.teams = parseCount(t[1]);
      use(p, t, 1);
      const m = MEMBERS.exec(p.text.slice(t.index));
      if (m?.[1]) out.members = parseCount(m[1]);
    }
    for (const re of FOCAL) {
      const f = out.focalUnit === undefined ? re.exec(p.text) : null;
      if (f?.[1] && f[1].length <= 200) out.focalUnit = f[1].trim();
    }
  }
  return out;
}
