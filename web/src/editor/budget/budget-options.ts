import budgetCodes from '../../../../data/budget-codes.json' with { type: 'json' };
import { FIELD_LABELS, KIND_LABELS, type Field, type Kind } from '../../../../src/domain/report-schema.ts';

/** Short names used in grids and totals. */
export const FIELD_SHORT: Record<Field, string> = { science: 'KH-CN', innovation: 'ĐMST', digital: 'CĐS' };

export const FIELD_OPTIONS = (Object.keys(FIELD_SHORT) as Field[]).map((f) => ({ value: f, label: FIELD_SHORT[f], title: FIELD_LABELS[f] }));

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: k === 'recurrent' ? 'Thường xuyên' : 'Đầu tư PT', title: KIND_LABELS[k] }));

/** Khoản of Loại 100 (TT 130/2025/TT-BTC): the list shows "111 – name", the box keeps "111". */
export const CODE_OPTIONS = budgetCodes.khoan.map((k) => ({ value: k.code, label: `${k.code} – ${k.name}`, short: k.code, name: k.name }));

export const codeName = (code: string | undefined): string | undefined => CODE_OPTIONS.find((c) => c.value === code)?.name;

export const CODE_SOURCE = budgetCodes.source;
