import { readFileSync } from 'node:fs';
import { extractDocument } from './src/documents/import/extract.ts';
const f = process.argv[2]!;
const t = performance.now();
const d = await extractDocument(new Uint8Array(readFileSync(f)), f);
console.log(Math.round(performance.now() - t), 'ms', d.lines.length, 'lines', d.tables.length, 'tables');
d.lines.forEach((l, i) => console.log(i + 1, l));
for (const t of d.tables) { console.log('TABLE', t.firstLine, t.lastLine); for (const r of t.rows) console.log(JSON.stringify(r.map((c) => [c.text, c.colSpan, c.rowSpan]))); }
