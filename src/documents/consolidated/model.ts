import type { Consolidation, FieldKey } from '../../domain/consolidate.ts';
import type { ProgressSummary } from '../../domain/progress.ts';
import { FIELD_LABELS, KIND_LABELS, type Kind } from '../../domain/report-schema.ts';

/**
 * What the consolidated workbook and the Department's summary report are made from: the cycle,
 * its progress and its consolidation (all derived from accepted versions). No database here.
 */
export interface ConsolidatedModel {
  province: { code: string; name: string };
  cycle: { planYear: number; reportYear: number; guidance: string; deadline: string };
  progress: ProgressSummary;
  consolidation: Consolidation;
  /** Date printed on the DOCX (ISO, YYYY-MM-DD). */
  date: string;
  /** Package timestamp (fixed by default so the same data gives the same bytes). */
  generatedAt?: string | undefined;
}

export const FIELD_KEY_LABELS: Record<FieldKey, string> = { ...FIELD_LABELS, unassigned: 'Chưa xác định lĩnh vực' };

/** "ĐMST (Khoản 111)": the label of a field with its usual Khoản, for headings. */
export const FIELD_SHORT: Record<FieldKey, string> = { science: 'KH-CN', innovation: 'ĐMST', digital: 'CĐS', unassigned: 'Khác' };

export const kindLabel = (k: Kind): string => KIND_LABELS[k];

export const codeLabel = (code: string): string => (code ? `Khoản ${code}` : 'Chưa ghi mã Khoản');
export const fundingLabel = (source: string): string => source || 'Chưa ghi nguồn kinh phí';

/** Entries of a record in a stable order: larger amounts first, then by label. */
export const sortedEntries = (r: Record<string, number>): [string, number][] =>
  Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
