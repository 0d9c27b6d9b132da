import { Col, Row } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { ImportResult } from '../../api/types.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { cellKey, cellWords, EMPTY_SPOT, ownsPath, pathsFrom, spotOf, type SourcePick, type Spot } from './source-map.ts';
import { SourceLines } from './SourceLines.tsx';
import { TraceContext, type Trace } from './trace.ts';

const samePick = (a: SourcePick, b: SourcePick) => (a.cell && b.cell ? cellKey(a.cell) === cellKey(b.cell) : !a.cell && !b.cell && a.line === b.line);

/**
 * The source beside what was read from it. Hovering or focusing a value of the preview lights up
 * the line or table cell it was read from (and scrolls it into view); picking a line or cell of
 * the source lights up the values read from it. A second pick of the same place, or Escape, clears.
 */
export function ImportReview({ result, notes }: { result: ImportResult; notes?: ReactNode }) {
  // The value under the cursor/focus in the preview, or the place picked in the source view.
  const [pointed, setPointed] = useState<string>();
  const [picked, setPicked] = useState<SourcePick>();
  const sources = result.sources;
  const tables = result.tables;
  const pickedPaths = useMemo(() => (picked ? pathsFrom(sources, tables, picked) : undefined), [picked, sources, tables]);
  const trace: Trace = useMemo(
    () => ({
      sources,
      pointed,
      picked: pointed ? undefined : pickedPaths,
      point: (path) => setPointed(path),
    }),
    [sources, pointed, pickedPaths],
  );
  const spot: Spot = useMemo(() => {
    if (pointed) return spotOf(sources, pointed);
    if (picked?.cell) return { lines: new Set<number>(), cells: new Set([cellKey(picked.cell)]) };
    if (picked) return { lines: new Set([picked.line]), cells: new Set<string>() };
    return EMPTY_SPOT;
  }, [pointed, picked, sources]);
  const status = (() => {
    if (pointed) {
      const at = sources.filter((s) => ownsPath(pointed, s.path));
      const cell = at.find((s) => s.cell)?.cell;
      const lines = [...new Set(at.map((s) => s.line))].sort((a, b) => a - b);
      if (lines.length === 0) return undefined;
      return `Giá trị đang xem đọc từ dòng ${lines.join(', ')}${cell ? ` (${cellWords(cell)})` : ''}`;
    }
    if (picked) {
      const where = picked.cell ? cellWords(picked.cell) : `dòng ${picked.line}`;
      return pickedPaths?.length ? `Các giá trị đọc từ ${where} được đánh dấu ▶ bên phải` : `Không có giá trị nào đọc từ ${where}`;
    }
    return undefined;
  })();

  return (
    <Row gutter={16} style={{ marginTop: 12 }} align="top">
      <Col span={12} className="khcn-source-col">
        <SourceLines
          lines={result.lines}
          warnings={result.warnings}
          tables={result.tables}
          sources={result.sources}
          spot={spot}
          status={status}
          onPick={(p) => {
            setPointed(undefined);
            setPicked((was) => (p && was && samePick(was, p) ? undefined : p));
          }}
        />
      </Col>
      <Col span={12}>
        <TraceContext.Provider value={trace}>
          <ImportPreview result={result} notes={notes} />
        </TraceContext.Provider>
      </Col>
    </Row>
  );
}
