import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { walkLines } from '../../../src/domain/budget.ts';
import type { Finding } from '../../../src/domain/checks.ts';
import { formatMillions, formatNumber } from '../../../src/domain/format.ts';
import type { Report } from '../../../src/domain/report-schema.ts';
import { browserStorage } from './unsaved-copy.ts';

/**
 * Figures typed that do not read ("12.5", "50tr", "99999999999"). Such a figure is never saved as
 * something else: the report keeps the value the field had before the edit (its `base`), the typed
 * text stays in the field, in this list and in the browser's storage (so a reload shows it again),
 * and each one is an error finding (INPUT_INVALID) that blocks submitting until it is corrected.
 *
 * Keys: a budget line's amount is "line:<id>" (lines move; the id does not), any other figure is its
 * JSON path ("implementation.dossiers.total").
 */
export interface InvalidInput {
  key: string;
  /** What the person typed, as typed. */
  text: string;
  /** The Vietnamese reason it does not read, from the shared parser. */
  message: string;
  code: string | undefined;
  /** The field as people name it ("Tổng số hồ sơ tiếp nhận"), for the checks panel. */
  label: string;
  /** The value the report keeps meanwhile (and had when the edit began). */
  base: number | undefined;
  mode: 'count' | 'millions' | 'rate';
}

export type InvalidInputs = Readonly<Record<string, InvalidInput>>;

export interface InvalidInputsApi {
  get(key: string): InvalidInput | undefined;
  set(key: string, entry: InvalidInput | undefined): void;
}

export const InvalidInputsContext = createContext<InvalidInputsApi | undefined>(undefined);
export const useInvalidInputsApi = (): InvalidInputsApi | undefined => useContext(InvalidInputsContext);

export const lineKey = (lineId: string): string => `line:${lineId}`;

const storageKey = (reportId: string) => `khcn:invalid:${reportId}`;

/** Where a key points in the report now: its JSON path and current value; undefined once gone. */
export function invalidTarget(report: Report, key: string): { path: string; value: number | undefined } | undefined {
  if (key.startsWith('line:')) {
    const id = key.slice(5);
    for (const [lines, base] of [[report.plan.budget, 'plan.budget'], [report.implementation.budget.lines, 'implementation.budget.lines']] as const) {
      const entry = walkLines(lines, base).find((e) => e.line.id === id && e.line.children.length === 0);
      if (entry) return { path: `${entry.path}.amount`, value: entry.line.amount };
    }
    return undefined;
  }
  let node: unknown = report;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return { path: key, value: typeof node === 'number' ? node : undefined };
}

const show = (entry: InvalidInput, value: number | undefined): string =>
  value === undefined ? 'để trống' : entry.mode === 'millions' ? `${formatMillions(value)} triệu đồng` : formatNumber(value, entry.mode === 'rate' ? 2 : 0);

/** One error finding per figure that does not read, at the field it belongs to. */
export function invalidFindings(entries: InvalidInputs, report: Report): Finding[] {
  const out: Finding[] = [];
  for (const entry of Object.values(entries)) {
    const target = invalidTarget(report, entry.key);
    if (!target) continue;
    out.push({
      code: 'INPUT_INVALID',
      severity: 'error',
      message: `${entry.label}: “${entry.text}” chưa đọc được thành số nên chưa được lưu (báo cáo vẫn giữ ${show(entry, target.value)}). ${entry.message}`,
      path: target.path,
      actual: entry.text,
    });
  }
  return out;
}

/** Entries kept in the browser for this report that still apply to the report as loaded. */
export function loadInvalid(storage: Storage | undefined, reportId: string, report: Report): InvalidInputs {
  if (!storage) return {};
  try {
    const stored = JSON.parse(storage.getItem(storageKey(reportId)) ?? '{}') as Record<string, InvalidInput>;
    const out: Record<string, InvalidInput> = {};
    // Kept only where the report still holds the value the text was typed over: if the figure was
    // changed elsewhere since (another session, an import), the stale text must not come back over it.
    for (const [key, entry] of Object.entries(stored)) {
      const target = invalidTarget(report, key);
      if (target && target.value === entry.base && typeof entry.text === 'string') out[key] = entry;
    }
    return out;
  } catch {
    return {};
  }
}

export function saveInvalid(storage: Storage | undefined, reportId: string, entries: InvalidInputs): void {
  if (!storage) return;
  try {
    if (Object.keys(entries).length === 0) storage.removeItem(storageKey(reportId));
    else storage.setItem(storageKey(reportId), JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the entries still live in the page until it closes.
  }
}

/** The editor's list of figures that do not read, kept in step with the browser's storage. */
export function useInvalidInputs(reportId: string, initial: Report): { entries: InvalidInputs; api: InvalidInputsApi } {
  const [entries, setEntries] = useState<InvalidInputs>(() => loadInvalid(browserStorage(), reportId, initial));
  // Fields mount later (a tab opened, a row scrolled in) and ask for their text then: the latest list.
  const latest = useRef(entries);
  latest.current = entries;
  const set = useCallback((key: string, entry: InvalidInput | undefined) => {
    const current = latest.current;
    if (entry === undefined && !(key in current)) return;
    const next = { ...current };
    if (entry) next[key] = entry;
    else delete next[key];
    latest.current = next;
    saveInvalid(browserStorage(), reportId, next);
    setEntries(next);
  }, [reportId]);
  const api = useMemo<InvalidInputsApi>(() => ({ get: (key) => latest.current[key], set }), [set]);
  return { entries, api };
}
