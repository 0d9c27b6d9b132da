import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { absoluteFigure, ratioFigure, type BenchContext, type Figure } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface ChildResult {
  ms: number;
  maxRssMb: number;
  units: number;
}

function child(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/consolidate-child.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`consolidate-child ${args[0]}: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * Consolidation to XLSX (src/services/consolidation.ts + src/documents/consolidated/), each in a
 * child process: load accepted versions, consolidate, stream the workbook to a file. Baseline:
 * the same cells written with ExcelJS's streaming writer alone (no styles, no consolidation).
 * The last closed cycle (plan year 2026) has every report accepted.
 */
export async function consolidationFigures(ctx: BenchContext, db: string): Promise<Figure[]> {
  const dir = tmpdir();
  const files = ['province', 'province-base', 'nation', 'nation-base'].map((n) => join(dir, `khcn-bench-${process.pid}-${n}.xlsx`));
  const [province, provinceBase, nation, nationBase] = files as [string, string, string, string];
  try {
    const runs = ctx.quick ? 1 : 3;
    const best = (f: () => ChildResult): ChildResult => Array.from({ length: runs }, f).sort((x, y) => x.ms - y.ms)[0]!;
    ctx.log('consolidate Hải Phòng…');
    const p = best(() => child(['subject', db, province, '2026', '31']));
    const pb = best(() => child(['baseline', province, provinceBase]));
    ctx.log('consolidate the nation…');
    const n = child(['subject', db, nation, '2026']);
    const nb = child(['baseline', nation, nationBase]);
    return [
      ratioFigure(`consolidate one province (${p.units} units) to XLSX`, 'ms', p.ms, pb.ms, { max: 1.5 }, 'subject includes loading and consolidating accepted versions; baseline: the same cells, ExcelJS streaming writer alone'),
      ratioFigure(`consolidate the nation (${n.units} units) to XLSX`, 'ms', n.ms, nb.ms, { max: 1.5 }, 'as above, 34 provinces pooled'),
      absoluteFigure('consolidate the nation: peak RSS of the process', 'MB', n.maxRssMb, { max: 400 }, `baseline writer process ${nb.maxRssMb.toFixed(0)} MB`),
    ];
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}
