import type { Report } from '../../../../src/domain/report-schema.ts';

/** Sets one value at a path of the report (immutably). */
export type SetAt = (path: readonly (string | number)[], value: unknown) => void;

export interface SectionProps {
  report: Report;
  set: SetAt;
  readOnly: boolean;
}
