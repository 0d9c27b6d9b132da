// Child process of the consolidation bench, so that its peak RSS is its own:
//   subject  <db> <out.xlsx> <planYear> [provinceCode]  — consolidate (one province, or all) and stream the workbook
//   baseline <in.xlsx> <out.xlsx>                      — read the same cells, then time writing them alone
// Prints one JSON line {ms, cpuMs, maxRssMb, units}: cpuMs (user + system, all threads, over the
// same span as ms) is steadier than ms when other processes share the cores.
// Both sides first do a smaller run of the same work untimed (one province; the first rows of each
// sheet): consolidation runs in a warm server, and a cold process spent more on JIT and on its
// first collections than on writing one province (590–820 ms CPU cold, 70–100 ms warm, profiled),
// while the baseline had already warmed up reading its input.
import ExcelJS from 'exceljs';
import { createWriteStream, rmSync } from 'node:fs';
import { consolidate, type ConsolidationInput } from '../src/domain/consolidate.ts';
import { progress, type ProgressInput } from '../src/domain/progress.ts';
import { writeConsolidatedXlsx, type ConsolidatedModel } from '../src/documents/consolidated/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/services/actor.ts';
import { loadCycleData } from '../src/services/consolidation.ts';
import { cycleByYear } from '../src/services/department.ts';
import { openStore } from '../src/store/db.ts';

const [mode, a, b, c, d] = process.argv.slice(2);

async function finish(stream: NodeJS.WritableStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
}

async function subject(db: string, out: string, planYear: number, only?: string): Promise<number> {
  const store = await openStore(db);
  const provinces = await store.db.selectFrom('provinces').select(['id', 'code', 'name']).orderBy('code').execute();
  const chosen = provinces.filter((p) => !only || p.code === only);
  const rows: ProgressInput[] = [];
  const inputs: ConsolidationInput[] = [];
  let cycle: ConsolidatedModel['cycle'] | undefined;
  // The nation is the provinces' consolidations pooled: each Department's data, read as that Department.
  for (const p of chosen) {
    const actor: Actor = { ...SYSTEM_ACTOR, role: 'dept_reviewer', provinceId: p.id };
    const row = await cycleByYear(store, actor, planYear);
    if (!row) continue;
    const data = await loadCycleData(store, actor, row);
    rows.push(...data.rows);
    inputs.push(...data.inputs);
    cycle ??= { planYear: row.plan_year, reportYear: row.report_year, guidance: row.guidance_number, deadline: row.deadline };
  }
  await store.close();
  const model: ConsolidatedModel = {
    province: only ? { code: chosen[0]!.code, name: chosen[0]!.name } : { code: '00', name: 'Toàn quốc' },
    cycle: cycle!,
    progress: progress(rows, Date.parse(`${planYear}-01-01T00:00:00Z`)),
    consolidation: consolidate(inputs),
    date: `${planYear - 1}-09-30`,
  };
  const stream = createWriteStream(out);
  const done = finish(stream);
  await writeConsolidatedXlsx(model, stream);
  await done;
  return inputs.length;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/**
 * Untimed runs before the timed one, on each side. One was not enough: loading one province's
 * accepted versions took 33–88 ms on the first run, ~48 ms on the second and 10–12 ms from the
 * third on (measured); a Department's server is in that steady state.
 */
const WARM_UP_RUNS = 3;

type Sheets = { name: string; rows: ExcelJS.CellValue[][] }[];

async function writeCells(sheets: Sheets, out: string): Promise<void> {
  const stream = createWriteStream(out);
  const done = finish(stream);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((values, n) => (ws.getRow(n).values = values));
    ws.commit();
  }
  await wb.commit();
  await done;
}

async function baseline(input: string, out: string): Promise<{ ms: number; cpuMs: number }> {
  const sheets: Sheets = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {});
  for await (const ws of reader) {
    const rows: ExcelJS.CellValue[][] = [];
    for await (const row of ws) rows[row.number] = (row.values as ExcelJS.CellValue[]).slice(1);
    sheets.push({ name: (ws as unknown as { name: string }).name, rows });
  }
  for (let i = 0; i < WARM_UP_RUNS; i++) await writeCells(sheets.map((s) => ({ name: s.name, rows: s.rows.slice(0, 400) })), `${out}.warm.xlsx`);
  const t0 = performance.now();
  const cpuStart = process.cpuUsage();
  await writeCells(sheets, out);
  return { ms: performance.now() - t0, cpuMs: cpuMs(cpuStart) };
}

if (mode === 'subject') {
  for (let i = 0; i < WARM_UP_RUNS; i++) await subject(a!, `${b!}.warm.xlsx`, Number(c), d ?? '31');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const units = await subject(a!, b!, Number(c), d);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuMs(cpu0), maxRssMb: process.resourceUsage().maxRSS / 1024, units })}\n`);
} else {
  const { ms, cpuMs: cpu } = await baseline(a!, b!);
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: cpu, maxRssMb: process.resourceUsage().maxRSS / 1024, units: 0 })}\n`);
}
rmSync(`${b!}.warm.xlsx`, { force: true });
