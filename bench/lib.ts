import { Bench } from 'tinybench';

/** One line of the bench table and of bench/results.json. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  /** The same work without khcn on top, measured in the same run (null when the goal is absolute). */
  baseline: number | null;
  ratio: number | null;
  /** Human-readable goal, e.g. "ratio ≤ 3". */
  goal: string;
  /** null when the figure could not be measured (see note). */
  ok: boolean | null;
  note?: string;
}

export interface BenchContext {
  quick: boolean;
  log: (line: string) => void;
}

/**
 * Times a subject against its baseline with tinybench, in alternating rounds (subject first, then
 * baseline first, …), and compares the medians of the rounds' medians. The machine is shared: a
 * neighbour's burst lands on one round of one side, not on a whole side, and the median is the
 * statistic least moved by it (one long run of each side gave ratios ±50 % apart on the same code).
 */
export async function compare(ctx: BenchContext, subject: () => unknown, baseline: () => unknown, budgetMs: number, minIterations = 5): Promise<{ subject: number; baseline: number }> {
  const rounds = ctx.quick ? 3 : 5;
  const time = (ctx.quick ? budgetMs / 4 : budgetMs) / rounds;
  const iterations = Math.max(1, Math.ceil(minIterations / rounds));
  const medians: Record<'subject' | 'baseline', number[]> = { subject: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime: Math.min(500, time / 4), iterations, warmupIterations: 1 });
    const order = round % 2 === 0 ? (['subject', 'baseline'] as const) : (['baseline', 'subject'] as const);
    for (const name of order) bench.add(name, name === 'subject' ? subject : baseline);
    await bench.run();
    for (const t of bench.tasks) {
      const r = t.result;
      if (r.state !== 'completed') throw new Error(`${t.name}: ${r.state}${'error' in r ? ` ${String(r.error)}` : ''}`);
      medians[t.name as 'subject' | 'baseline'].push(r.latency.p50);
    }
  }
  return { subject: median(medians.subject), baseline: median(medians.baseline) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A single-task timing (p50 and p99 in ms) for figures with an absolute goal. */
export async function timeOne(ctx: BenchContext, fn: () => unknown, budgetMs: number): Promise<{ p50: number; p99: number }> {
  const bench = new Bench({ time: ctx.quick ? budgetMs / 4 : budgetMs, warmupTime: 200, iterations: 20 });
  bench.add('task', fn);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== 'completed') throw new Error(`task: ${r.state}`);
  return { p50: r.latency.p50, p99: r.latency.p99 };
}

const round = (n: number): number => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/** A figure whose goal is a ratio bound: `ratio ≤ max` (or `≥ min` for throughput). */
export function ratioFigure(name: string, unit: string, value: number, baseline: number, bound: { max?: number; min?: number }, note?: string): Figure {
  const ratio = value / baseline;
  const ok = bound.max !== undefined ? ratio <= bound.max : ratio >= (bound.min ?? 0);
  const goal = bound.max !== undefined ? `ratio ≤ ${bound.max}` : `ratio ≥ ${bound.min}`;
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio), goal, ok, ...(note ? { note } : {}) };
}

export function absoluteFigure(name: string, unit: string, value: number, goal: { max?: number; min?: number }, note?: string): Figure {
  const ok = goal.max !== undefined ? value <= goal.max : value >= (goal.min ?? 0);
  return { name, value: round(value), unit, baseline: null, ratio: null, goal: goal.max !== undefined ? `≤ ${goal.max} ${unit}` : `≥ ${goal.min} ${unit}`, ok, ...(note ? { note } : {}) };
}

export function missingFigure(name: string, goal: string, note: string): Figure {
  return { name, value: null, unit: '', baseline: null, ratio: null, goal, ok: null, note };
}

/** The table printed at the end (and pasted into the README). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? '—' : `${f.value} ${f.unit}`,
    f.baseline === null ? '—' : `${f.baseline} ${f.unit}`,
    f.ratio === null ? '—' : String(f.ratio),
    f.goal,
    f.ok === null ? 'n/a' : f.ok ? 'ok' : 'MISSED',
  ]);
  const head = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
