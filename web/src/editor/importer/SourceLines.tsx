import { Card, Tooltip } from 'antd';
import type { ImportWarning } from '../../api/types.ts';

/** The source document line by line; lines with an import warning are marked and explained. */
export function SourceLines({ lines, warnings }: { lines: string[]; warnings: ImportWarning[] }) {
  const byLine = new Map<number, ImportWarning[]>();
  for (const w of warnings) if (w.line !== undefined) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  return (
    <Card size="small" title="Văn bản nguồn" styles={{ body: { maxHeight: 'calc(100vh - 320px)', overflowY: 'auto', padding: 0 } }}>
      <ol aria-label="Các dòng của văn bản nguồn" style={{ listStyle: 'none', margin: 0, padding: '8px 0' }}>
        {lines.map((text, i) => {
          const ws = byLine.get(i + 1);
          const row = (
            <li key={i} className={`khcn-source-line${ws ? ' warn' : ''}`}>
              <span className="khcn-source-no">{i + 1}</span>
              {text}
            </li>
          );
          return ws ? (
            <Tooltip key={i} title={ws.map((w) => w.message).join(' · ')} placement="left">
              {row}
            </Tooltip>
          ) : (
            row
          );
        })}
      </ol>
    </Card>
  );
}
