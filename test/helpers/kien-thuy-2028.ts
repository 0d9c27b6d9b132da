import { readFileSync } from 'node:fs';
import type { Report } from '../../src/domain/report-schema.ts';

/**
 * Kiến Thụy's reference report moved one year on (2027 → plan 2028), its dossier slip fixed:
 * received in the period 6.609 (so received = online + direct), and the sentence that states the
 * figure says the same, or TEXT_FIGURE_MISMATCH blocks the submit.
 */
export function kienThuy2028(): Report {
  const text = readFileSync(new URL('../../examples/kien-thuy-2026.json', import.meta.url), 'utf8').replace(/2027/g, '2028').replace(/2026/g, '2027');
  const r = JSON.parse(text) as Report;
  r.implementation.dossiers.receivedInPeriod = 6609;
  r.implementation.results.digital[0] = r.implementation.results.digital[0]!.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ');
  return r;
}
