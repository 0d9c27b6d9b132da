import { Card, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ImportSource, SourceCell, SourceTable } from '../../../../src/documents/import/types.ts';
import type { ImportWarning } from '../../api/types.ts';
import { cellKey, sourceBlocks, type SourcePick, type Spot } from './source-map.ts';

export const UNPLACED_NOTE = 'Chưa xếp vào mục nào — sẽ được lưu thành ghi chú';

interface Props {
  lines: string[];
  warnings: ImportWarning[];
  tables?: SourceTable[];
  sources?: ImportSource[];
  /** What to light up: the source of the value under the cursor, or the place picked here. */
  spot?: Spot;
  /** Says in words what is lit up (shown above the text and read out by screen readers). */
  status?: ReactNode;
  onPick?(pick: SourcePick | undefined): void;
}

/**
 * The source document as read: running text line by line with its numbers, tables as tables
 * (cells merged as in the file). Lines with an import warning are marked; paragraphs that fit no
 * section say so where they stand. The source of the value under the cursor in the preview is lit
 * up (outlined, a ▶ before its number, aria-current) and scrolled into view; a line or cell from
 * which values were read can be picked to light up those values in the preview.
 */
export function SourceLines({ lines, warnings, tables = [], sources = [], spot, status, onPick }: Props) {
  const byLine = useMemo(() => {
    const m = new Map<number, ImportWarning[]>();
    for (const w of warnings) if (w.line) m.set(w.line, [...(m.get(w.line) ?? []), w]);
    return m;
  }, [warnings]);
  const valued = useMemo(() => {
    const lineSet = new Set<number>();
    const cellSet = new Set<string>();
    for (const s of sources) {
      if (s.cell) cellSet.add(cellKey(s.cell));
      else lineSet.add(s.line);
    }
    return { lines: lineSet, cells: cellSet };
  }, [sources]);
  const blocks = useMemo(() => sourceBlocks(lines.length, tables), [lines.length, tables]);
  // One note per run of unplaced paragraphs (after its last line), one per table holding some:
  // repeated on every line or cell, it drowned the text it was about.
  const noteAfter = useMemo(() => {
    const unplacedLine = (l: number) => byLine.get(l)?.some((w) => w.code === 'IMPORT_UNPLACED') ?? false;
    const out = new Set<string>();
    blocks.forEach((b, i) => {
      const next = blocks[i + 1];
      if (b.kind === 'line' && unplacedLine(b.line) && !(next?.kind === 'line' && unplacedLine(next.line))) out.add(`l${b.line}`);
      if (b.kind === 'table' && tables[b.table]?.rows.some((r) => r.some((c) => c.lines.some(unplacedLine)))) out.add(`t${b.table}`);
    });
    return out;
  }, [blocks, byLine, tables]);
  const scroller = useRef<HTMLDivElement>(null);

  // Bring the lit source into view inside this pane only: scrolling the drawer would move the
  // preview item under the cursor away from it.
  useEffect(() => {
    const box = scroller.current;
    const target = box?.querySelector<HTMLElement>('.is-active');
    if (!box || !target) return;
    const b = box.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    if (t.top < b.top || t.bottom > b.bottom) box.scrollTop += t.top - b.top - Math.max(8, (b.height - t.height) / 3);
  }, [spot]);

  const pickKeys = (pick: SourcePick) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick?.(pick);
    } else if (e.key === 'Escape') onPick?.(undefined);
  };

  const lineMarks = (line: number) => {
    const ws = byLine.get(line) ?? [];
    return { ws, unplaced: ws.some((w) => w.code === 'IMPORT_UNPLACED'), other: ws.filter((w) => w.code !== 'IMPORT_UNPLACED') };
  };

  const renderLine = (line: number) => {
    const { unplaced, other } = lineMarks(line);
    const active = spot?.lines.has(line) ?? false;
    const canPick = valued.lines.has(line);
    const classes = ['khcn-source-line', (lines[line - 1] ?? '').trim() === '' ? 'blank' : '', other.length ? 'warn' : '', unplaced ? 'unplaced' : '', active ? 'is-active' : '', canPick ? 'has-values' : ''];
    const row = (
      <li
        key={`l${line}`}
        className={classes.filter(Boolean).join(' ')}
        data-line={line}
        aria-current={active ? 'true' : undefined}
        aria-description={unplaced && !noteAfter.has(`l${line}`) ? UNPLACED_NOTE : undefined}
        tabIndex={canPick ? 0 : undefined}
        title={canPick ? 'Bấm để xem các giá trị đọc từ dòng này' : undefined}
        onClick={canPick ? () => onPick?.({ line }) : undefined}
        onKeyDown={canPick ? pickKeys({ line }) : undefined}
      >
        <span className="khcn-source-no" aria-label={`Dòng ${line}`}>{active ? '▶' : ''}{line}</span>
        <span className="khcn-source-text">
          {lines[line - 1]}
          {noteAfter.has(`l${line}`) && <span className="khcn-source-unplaced-note">{UNPLACED_NOTE}</span>}
        </span>
      </li>
    );
    return other.length ? (
      <Tooltip key={`l${line}`} title={other.map((w) => w.message).join(' · ')} placement="left">
        {row}
      </Tooltip>
    ) : (
      row
    );
  };

  const renderCell = (t: number, r: number, c: number, cell: SourceCell) => {
    const ref = { table: t, row: r, col: c };
    const key = cellKey(ref);
    const active = (spot?.cells.has(key) ?? false) || cell.lines.some((l) => spot?.lines.has(l));
    const canPick = valued.cells.has(key) || cell.lines.some((l) => valued.lines.has(l));
    const marks = cell.lines.map(lineMarks);
    const unplaced = marks.some((m) => m.unplaced);
    const warned = marks.flatMap((m) => m.other);
    const classes = ['khcn-source-cell', cell.bold ? 'bold' : '', warned.length ? 'warn' : '', unplaced ? 'unplaced' : '', active ? 'is-active' : '', canPick ? 'has-values' : ''];
    return (
      <td
        key={c}
        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
        className={classes.filter(Boolean).join(' ')}
        data-cell={key}
        data-lines={cell.lines.join(' ') || undefined}
        aria-current={active ? 'true' : undefined}
        aria-description={unplaced ? UNPLACED_NOTE : undefined}
        tabIndex={canPick ? 0 : undefined}
        title={warned.length ? warned.map((w) => w.message).join(' · ') : canPick ? 'Bấm để xem các giá trị đọc từ ô này' : undefined}
        onClick={canPick ? () => onPick?.({ cell: ref }) : undefined}
        onKeyDown={canPick ? pickKeys({ cell: ref }) : undefined}
      >
        {cell.lines.length ? cell.lines.map((l) => <div key={l}>{lines[l - 1]}</div>) : cell.text}
      </td>
    );
  };

  const renderTable = (t: number) => {
    const table = tables[t];
    if (!table) return null;
    return (
      <li key={`t${t}`} className="khcn-source-table-item">
        <table className="khcn-source-table" aria-label={`Bảng ${t + 1} của văn bản nguồn`}>
          <tbody>
            {table.rows.map((cells, r) => {
              const first = Math.min(...cells.flatMap((c) => c.lines));
              const rowActive = cells.some((cell, c) => spot?.cells.has(cellKey({ table: t, row: r, col: c })) || cell.lines.some((l) => spot?.lines.has(l)));
              return (
                <tr key={r} className={rowActive ? 'is-active-row' : undefined} data-row={r}>
                  <th scope="row" className="khcn-source-no">{rowActive ? '▶' : ''}{Number.isFinite(first) ? first : ''}</th>
                  {cells.map((cell, c) => renderCell(t, r, c, cell))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {noteAfter.has(`t${t}`) && <span className="khcn-source-unplaced-note">Ô có viền trái gạch đứt: {UNPLACED_NOTE.toLowerCase()}</span>}
      </li>
    );
  };

  return (
    <Card size="small" title="Văn bản nguồn" styles={{ body: { padding: 0 } }}>
      <div aria-live="polite" className="khcn-source-status">
        {status ?? (sources.length ? 'Di chuột hoặc Tab tới một giá trị bên phải để thấy nơi nó được đọc.' : '')}
      </div>
      <div ref={scroller} className="khcn-source-scroll">
        <ol aria-label="Các dòng của văn bản nguồn" style={{ listStyle: 'none', margin: 0, padding: '8px 0' }}>
          {blocks.map((b) => (b.kind === 'line' ? renderLine(b.line) : renderTable(b.table)))}
        </ol>
      </div>
    </Card>
  );
}
