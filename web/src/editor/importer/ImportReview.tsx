import { Col, Row } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportResult } from '../../api/types.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { cellKey, cellWords, EMPTY_SPOT, pathsFrom, placeOf, spotOf, type SourcePick, type Spot } from './source-map.ts';
import { SourceLines } from './SourceLines.tsx';
import { TraceContext, type Trace } from './trace.ts';

const samePick = (a: SourcePick, b: SourcePick) => (a.cell && b.cell ? cellKey(a.cell) === cellKey(b.cell) : !a.cell && !b.cell && a.line === b.line);

/**
 * The source beside what was read from it. Hovering or focusing a value of the preview lights up
 * the line or table cell it was read from (and scrolls it into view); picking a line or cell of
 * the source lights up the values read from it. A second pick of the same place, or Escape, clears.
 */
export function ImportReview({ result }: { result: ImportResult }) {
  // The value under the cursor/focus in the preview, or the place picked in the source view.
  const [hovered, setHovered] = useState<string>();
  const [focused, setFocused] = useState<string>();
  const pointed = hovered ?? focused;
  const preview = useRef<HTMLDivElement>(null);
  // How many preview items the picked place lit (a line may hold only narrative, which the preview does not list).
  const [pickedShown, setPickedShown] = useState(0);
  const [picked, setPicked] = useState<SourcePick>();
  const sources = result.sources;
  const tables = result.tables;
  const pickedPaths = useMemo(() => (picked ? pathsFrom(sources, tables, picked) : undefined), [picked, sources, tables]);
  const trace: Trace = useMemo(
    () => ({
      sources,
      tables,
      pointed,
      picked: pointed ? undefined : pickedPaths,
      point: (how, path) => (how === 'hover' ? setHovered(path) : setFocused(path)),
    }),
    [sources, tables, pointed, pickedPaths],
  );
  const spot: Spot = useMemo(() => {
    if (pointed) return spotOf(sources, pointed);
    if (picked?.cell) return { lines: new Set<number>(), cells: new Set([cellKey(picked.cell)]) };
    if (picked) return { lines: new Set([picked.line]), cells: new Set<string>() };
    return EMPTY_SPOT;
  }, [pointed, picked, sources]);
  // A pick shows its values: the first one is brought into view, and the status says how many.
  useEffect(() => {
    const lit = picked ? [...(preview.current?.querySelectorAll<HTMLElement>('.khcn-trace.is-active') ?? [])] : [];
    setPickedShown(lit.length);
    lit[0]?.scrollIntoView?.({ block: 'nearest' });
  }, [picked, pickedPaths]);

  const status = (() => {
    if (pointed) {
      const { lines, rows } = placeOf(sources, tables, pointed);
      if (lines.length === 0) return undefined;
      const inTable = rows.length ? `${rows.map((r) => `bảng ${r.table + 1}, hàng ${r.row + 1}`).join('; ')}, ` : '';
      return `Giá trị đang xem đọc từ ${inTable}dòng ${lines.join(', ')}`;
    }
    if (picked) {
      const where = picked.cell ? cellWords(picked.cell) : `dòng ${picked.line}`;
      return pickedShown ? `${pickedShown} giá trị đọc từ ${where} được đánh dấu ▶ bên phải` : `Phần xem trước không có số liệu nào đọc từ ${where}`;
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
            setHovered(undefined);
            setFocused(undefined);
            setPicked((was) => (p && was && samePick(was, p) ? undefined : p));
          }}
        />
      </Col>
      <Col span={12} ref={preview}>
        <TraceContext.Provider value={trace}>
          <ImportPreview result={result} />
        </TraceContext.Provider>
      </Col>
    </Row>
  );
}
