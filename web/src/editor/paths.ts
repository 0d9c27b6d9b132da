import type { Finding } from '../../../src/domain/checks.ts';

/** Immutable update at a path of plain objects/arrays: setIn(r, ['document','place'], 'X'). */
export function setIn<T>(root: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    const copy = [...root] as unknown[];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = (root ?? {}) as Record<string, unknown>;
  const next = { ...obj, [head]: setIn(obj[head as string], rest, value) };
  if (value === undefined && rest.length === 0) delete next[head as string];
  return next as T;
}

/** Findings whose main path is `path` (the message belongs here). */
export const findingsAt = (findings: readonly Finding[], path: string): Finding[] =>
  findings.filter((f) => f.path === path);

/** Findings that involve `path` without being about it (shown as a red/amber outline only). */
export const findingsInvolving = (findings: readonly Finding[], path: string): Finding[] =>
  findings.filter((f) => f.path !== path && (f.paths?.includes(path) ?? false));

/** The worst severity, for validateStatus. */
export function worst(findings: readonly Finding[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length > 0 ? 'warning' : undefined;
}

/**
 * Findings that concern one budget row: its own fields ("…[1].amount", "…[1].statedAmount") and
 * its children as a whole ("…[1].children"), but not the fields of its descendants.
 */
export function findingsForRow(findings: readonly Finding[], rowPath: string): Finding[] {
  const mine = (p: string) => p === rowPath || (p.startsWith(`${rowPath}.`) && !p.startsWith(`${rowPath}.children[`));
  return findings.filter((f) => mine(f.path));
}

/** Which editor tab shows a path. */
export const tabOfPath = (path: string): 'part1' | 'part2' => (path.startsWith('plan') ? 'part2' : 'part1');

/** CSS attribute selector for the element carrying data-path (paths contain [ and ]). */
export const pathSelector = (path: string): string => `[data-path="${path.replace(/"/g, '\\"')}"]`;
