import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { absoluteFigure, ratioFigure, type BenchContext, type Figure } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface ChildResult {
  ms: number;
  /** User + system CPU of the same span (all threads): steadier than ms on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
  units: number;
}

function child(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/consolidate-child.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`consolidate-child ${args[0]}: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

interface Pair {
  subject: ChildResult;
  baseline: ChildResult;
}

/**
 * Subject and baseline run in turn, `runs` times, and the fastest run of each is kept: another
 * process on the machine only ever adds time, so the minimum is the run it disturbed least (one
 * run of each, as the nation had, was at the mercy of whatever else ran then). Peak RSS is the
 * largest of the subject's runs.
 */
function pairs(runs: number, subject: string[], baseline: string[]): Pair {
  const s: ChildResult[] = [];
  const b: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(child(subject));
    b.push(child(baseline));
  }
  const fastest = (xs: ChildResult[]): ChildResult => xs.reduce((x, y) => (y.ms < x.ms ? y : x));
  return { subject: { ...fastest(s), maxRssMb: Math.max(...s.map((x) => x.maxRssMb)) }, baseline: fastest(b) };
}

const cpuNote = (p: Pair): string => `CPU ${(p.subject.cpuMs / 1000).toFixed(1)} s vs ${(p.baseline.cpuMs / 1000).toFixed(1)} s, ratio ${(p.subject.cpuMs / p.baseline.cpuMs).toFixed(2)}`;

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
    ctx.log('consolidate Hải Phòng…');
    const p = pairs(runs, ['subject', db, province, '2026', '31'], ['baseline', province, provinceBase]);
    ctx.log('consolidate the nation…');
    const n = pairs(runs, ['subject', db, nation, '2026'], ['baseline', nation, nationBase]);
    return [
      ratioFigure(`consolidate one province (${p.subject.units} units) to XLSX`, 'ms', p.subject.ms, p.baseline.ms, { max: 1.5 }, `subject includes loading and consolidating accepted versions; baseline: the same cells, ExcelJS streaming writer alone; fastest of ${runs} runs each, interleaved; ${cpuNote(p)}`),
      ratioFigure(`consolidate the nation (${n.subject.units} units) to XLSX`, 'ms', n.subject.ms, n.baseline.ms, { max: 1.5 }, `as above, 34 provinces pooled; ${cpuNote(n)}`),
      absoluteFigure('consolidate the nation: peak RSS of the process', 'MB', n.subject.maxRssMb, { max: 400 }, `baseline writer process ${n.baseline.maxRssMb.toFixed(0)} MB`),
    ];
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}
