import type { Dossiers } from './report-schema.ts';

/**
 * Dossier KPIs, derived, never typed in. Rates are percentages (0–100) with full precision;
 * round only when displaying.
 *
 * onlineRate = online ÷ (online + direct): the share of dossiers received online among those
 *   received in the period by either channel. (The seed states 99,98% = 6.608 ÷ 6.609.)
 * onTimeRate = resolvedOnTime ÷ (resolvedOnTime + resolvedLate): among dossiers resolved.
 *   (The seed: 6.720 ÷ 6.721 = 99,985…% → 99,98%.)
 */
export interface DossierKpis {
  onlineRate: number | undefined;
  onTimeRate: number | undefined;
  resolved: number | undefined;
  outcomesTotal: number | undefined;
  channelsTotal: number | undefined;
  sourcesTotal: number | undefined;
}

const ratio = (part: number | undefined, whole: number | undefined): number | undefined =>
  part === undefined || whole === undefined || whole === 0 ? undefined : (part / whole) * 100;

const sumDefined = (...values: (number | undefined)[]): number | undefined =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + (b ?? 0), 0);

export function dossierKpis(d: Dossiers): DossierKpis {
  const channelsTotal = sumDefined(d.online, d.direct);
  const resolved = sumDefined(d.resolvedOnTime, d.resolvedLate);
  return {
    onlineRate: ratio(d.online, channelsTotal),
    onTimeRate: ratio(d.resolvedOnTime, resolved),
    resolved,
    channelsTotal,
    sourcesTotal: sumDefined(d.receivedInPeriod, d.carriedOver),
    outcomesTotal: sumDefined(d.resolvedOnTime, d.resolvedLate, d.pendingOnTime, d.supplementRequested),
  };
}

/** A stated rate matches the computed one if it is its rounding or truncation to 2 decimals, or within 0.01 pp. */
export function rateMatches(stated: number, computed: number): boolean {
  const rounded = Math.round(computed * 100) / 100;
  const truncated = Math.floor(computed * 100) / 100;
  return Math.abs(stated - rounded) < 1e-9 || Math.abs(stated - truncated) < 1e-9 || Math.abs(stated - computed) <= 0.01 + 1e-9;
}
