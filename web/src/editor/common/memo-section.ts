import { memo, type ComponentType } from 'react';
import type { Report } from '../../../../src/domain/report-schema.ts';

interface Base {
  report: Report;
  readOnly: boolean;
  set: unknown;
  update?: unknown;
}

/**
 * A section re-renders only when the part of the report it shows changed (edits are immutable,
 * so untouched parts keep their identity). Typing in one field then costs one section, not the
 * whole editor.
 */
export function memoSection<P extends Base>(Component: ComponentType<P>, pick: (r: Report) => readonly unknown[]) {
  return memo(Component, (a, b) => {
    if (a.readOnly !== b.readOnly || a.set !== b.set || a.update !== b.update) return false;
    const x = pick(a.report);
    const y = pick(b.report);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}
