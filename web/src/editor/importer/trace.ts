import { createContext, useContext, type FocusEvent, type HTMLAttributes } from 'react';
import type { ImportSource, SourceTable } from '../../../../src/documents/import/types.ts';
import { itemShowsAny, placeOf } from './source-map.ts';

/** What the preview needs to trace its values to the source view. */
export interface Trace {
  sources: readonly ImportSource[];
  tables: readonly SourceTable[];
  /** The preview item under the cursor, else the one with the keyboard focus. */
  pointed?: string | undefined;
  /** Paths of the values read from the line or cell picked in the source view. */
  picked?: readonly string[] | undefined;
  /** The pointer entered (a path) or left (undefined) an item; the same for the focus. */
  point(how: 'hover' | 'focus', path: string | undefined): void;
}

export const TraceContext = createContext<Trace>({ sources: [], tables: [], point: () => undefined });

/**
 * Props for a preview item showing the value at `path`: focusable and hoverable when its source
 * is known, lit (class and aria-current) when it is the one pointed at or was read from the picked
 * line. `lines` are the source lines, shown beside the value as "dòng 57".
 */
export function useTrace(path: string): { lines: number[]; active: boolean; props: HTMLAttributes<HTMLElement> & { 'data-path': string } } {
  const t = useContext(TraceContext);
  const { lines } = placeOf(t.sources, t.tables, path);
  const active = t.pointed === path || (t.picked !== undefined && itemShowsAny(path, t.picked));
  const traced = lines.length > 0;
  return {
    lines,
    active,
    props: {
      'data-path': path,
      className: ['khcn-trace', traced ? 'traced' : '', active ? 'is-active' : ''].filter(Boolean).join(' '),
      'aria-current': active ? 'true' : undefined,
      tabIndex: traced ? 0 : undefined,
      onMouseEnter: traced ? () => t.point('hover', path) : undefined,
      onMouseLeave: traced ? () => t.point('hover', undefined) : undefined,
      onFocus: traced ? (e: FocusEvent) => e.target === e.currentTarget && t.point('focus', path) : undefined,
      onBlur: traced ? (e: FocusEvent) => e.target === e.currentTarget && t.point('focus', undefined) : undefined,
    },
  };
}

/** "dòng 57", "dòng 57, 58" — where a value was read, in words. */
export const linesWords = (lines: readonly number[]): string => (lines.length ? `dòng ${lines.join(', ')}` : '');
