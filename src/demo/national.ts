import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '../domain/errors.ts';
import type { UnitKind } from '../domain/report-schema.ts';
import { searchKey } from '../domain/text.ts';
import { SYSTEM_ACTOR, type Actor, type Role } from '../services/actor.ts';
import { appendAudits, type AuditInput } from '../services/audit.ts';
import { emptyReportRows, reportRows, writeReportRows, type NewReport, type ReportRows, type ReportStep } from '../services/bulk-reports.ts';
import { hashPassword } from '../services/passwords.ts';
import type { Store } from '../store/db.ts';
import type { DB, UnitsTable, UsersTable } from '../store/schema.ts';
import { sql, type Insertable, type Transaction } from 'kysely';
import { generateReport } from './generate-report.ts';
import { nationalProvinces, type NationalProvince } from './national-units.ts';
import { createRng, seedFrom, type Rng } from './random.ts';
import { DEMO_PASSWORD, isEmpty } from './seed-demo.ts';

/**
 * The national synthetic dataset (`khcn demo-data --national`): 34 provinces, 3.321 units,
 * a Department reviewer and admin per province, a chairman per unit, and `years` yearly cycles.
 * Past cycles are closed with every report submitted and accepted (some returned once first);
 * the latest cycle is open with every report a checked, submittable draft — the state on the
 * eve of a national deadline. Same seed, same data (ids included). Every report carries
 * DEMO_MARK and every cycle `demo = 1`: this is generated data, for demonstration and benchmarks.
 */
export interface NationalOptions {
  years: number;
  seed: number;
  /** Plan year of the latest (open) cycle. */
  lastPlanYear?: number;
  /** Only these province codes (tests: one province is enough to exercise the same paths). */
  provinces?: string[];
  log?: (line: string) => void;
}

export interface NationalSummary {
  provinces: number;
  units: number;
  users: number;
  reports: number;
  seconds: number;
}

export const NATIONAL_LAST_PLAN_YEAR = 2027;
/** Chairman of the i-th unit (0-based, in generation order) of a province: ct31.001 … */
export const chairmanUsername = (provinceCode: string, index: number): string => `ct${provinceCode}.${String(index + 1).padStart(3, '0')}`;
export const reviewerUsername = (provinceCode: string): string => `so${provinceCode}.chuyenvien`;

/** A UUID-shaped id from the seed and a key, so that the same seed gives the same ids. */
function idFor(seed: number, key: string): string {
  const h = createHash('sha256').update(`${seed}/${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const isoDay = (date: string, days: number, hour = 9): string => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) + days * 86_400_000).toISOString();

interface LoadedProvince {
  id: string;
  code: string;
  name: string;
  units: (UnitsTable & { chairman: Actor })[];
  reviewer: Actor;
}

export async function seedNational(store: Store, options: NationalOptions): Promise<NationalSummary> {
  const started = Date.now();
  if (!(await isEmpty(store))) throw new AppError('DB_NOT_EMPTY', 'CSDL đã có dữ liệu; chỉ nạp dữ liệu toàn quốc vào CSDL trống.');
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 20) throw new AppError('BAD_USAGE', 'Số năm phải từ 1 đến 20.');
  const log = options.log ?? (() => undefined);
  const lastPlanYear = options.lastPlanYear ?? NATIONAL_LAST_PLAN_YEAR;
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash for all: argon2 per account would take minutes
  const reference = nationalProvinces().filter((p) => !options.provinces || options.provinces.includes(p.code));
  const provinces = await loadReferenceData(store, options.seed, reference, passwordHash);
  const units = provinces.reduce((s, p) => s + p.units.length, 0);
  log(`Đã tạo ${provinces.length} tỉnh, ${units} đơn vị, ${units + 2 * provinces.length} tài khoản (${((Date.now() - started) / 1000).toFixed(1)} s).`);

  // SQLite: a page cache large enough for the indexes a year of reports touches (keys are random
  // ids, so every province's rows land all over them); with the default 2 MB, each page is
  // written out and read back again many times. Only for this load: restored afterwards.
  const cacheSize = store.kind === 'sqlite' ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(store.db)).rows[0]?.cache_size : undefined;
  if (cacheSize !== undefined) await sql`pragma cache_size = -262144`.execute(store.db);
  let reports = 0;
  try {
    for (let planYear = lastPlanYear - options.years + 1; planYear <= lastPlanYear; planYear++) {
      const open = planYear === lastPlanYear;
      // One transaction per plan year (3.321 reports): a commit writes the touched index pages
      // once for the year, not once per province.
      await store.db.transaction().execute(async (trx) => {
        let writing: Promise<void> = Promise.resolve();
        for (const province of provinces) {
          const cycleId = idFor(options.seed, `cycle/${province.code}/${planYear}`);
          const deadline = `${planYear - 1}-07-31`;
          // Built while the previous province's INSERTs are still going: the yields between
          // slices let them proceed, so PostgreSQL writes as this process computes.
          const rows = emptyReportRows();
          for (let i = 0; i < province.units.length; i += BUILD_SLICE) {
            const items = province.units.slice(i, i + BUILD_SLICE).map((unit) => newReport(options.seed, province, unit, planYear, cycleId, deadline, open));
            reportRows(SYSTEM_ACTOR, items, rows);
            await yieldToLoop();
          }
          await writing;
          writing = writeCycle(store, trx, { province, planYear, cycleId, deadline, open }, rows);
          // Awaited on the next turn; handled now so a failure is not an unhandled rejection meanwhile.
          writing.catch(() => undefined);
          reports += rows.ids.length;
        }
        await writing;
      });
      log(`Năm kế hoạch ${planYear}: ${reports} báo cáo (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    }
  } finally {
    if (cacheSize !== undefined) await sql`pragma cache_size = ${sql.raw(String(cacheSize))}`.execute(store.db);
  }
  return { provinces: provinces.length, units, users: units + 2 * provinces.length, reports, seconds: (Date.now() - started) / 1000 };
}

/** Reports built between two yields to the event loop (a few milliseconds of work). */
const BUILD_SLICE = 8;

/** A province's cycle of a plan year: the cycle, its units, its audit entry, then its reports. */
async function writeCycle(store: Store, trx: Transaction<DB>, c: { province: LoadedProvince; planYear: number; cycleId: string; deadline: string; open: boolean }, rows: ReportRows): Promise<void> {
  const { province, planYear, cycleId, deadline, open } = c;
  const cycle = {
    id: cycleId, province_id: province.id, report_year: planYear - 1, plan_year: planYear, guidance_number: `Công văn số ${1000 + (planYear % 100) * 37}/BKHCN-KHTC`,
    guidance_date: `${planYear - 1}-06-15`, guidance_issuer: 'Bộ Khoa học và Công nghệ', deadline, status: open ? 'open' : 'closed', demo: 1, created_at: isoDay(`${planYear - 1}-06-16`, 0), created_by: null,
  };
  await trx.insertInto('cycles').values(cycle).execute();
  await trx.insertInto('cycle_units').values(province.units.map((u) => ({ cycle_id: cycleId, unit_id: u.id, deadline: null }))).execute();
  await appendAudits(store, trx, [{ actor: SYSTEM_ACTOR, input: { entity: 'cycle', entityId: cycleId, action: 'open', after: { provinceId: province.id, planYear, demo: true } } }]);
  await writeReportRows(store, trx, rows);
}

function newReport(seed: number, province: LoadedProvince, unit: LoadedProvince['units'][number], planYear: number, cycleId: string, deadline: string, open: boolean): NewReport {
  const rng: Rng = createRng(seedFrom(`${seed}/${province.code}/${unit.name}/${planYear}`));
  // The open cycle's drafts must pass the checks (the deadline burst submits them all); past
  // reports may carry the typical slips — they were accepted with warnings.
  const report = generateReport({ name: unit.name, kind: unit.kind as UnitKind, province: province.name, provinceCode: province.code }, planYear - 1, rng, { slips: !open });
  const at = isoDay(`${planYear - 1}-06-20`, rng.int(0, 20));
  const base = { id: idFor(seed, `report/${unit.id}/${planYear}`), cycleId, unitId: unit.id, provinceId: province.id, report, at };
  if (open) return base;
  const submitted = isoDay(deadline, rng.int(-20, 5), 10);
  const steps: ReportStep[] = [{ action: 'submit', to: 'submitted', at: submitted, actor: unit.chairman }];
  let last = submitted;
  if (rng.chance(0.08)) {
    const returned = isoDay(last.slice(0, 10), rng.int(1, 7), 14);
    const again = isoDay(returned.slice(0, 10), rng.int(1, 7), 10);
    steps.push({ action: 'return', to: 'returned', at: returned, actor: province.reviewer, reason: 'Đề nghị bổ sung thuyết minh chi tiết các khoản chi chuyển đổi số.' });
    steps.push({ action: 'submit', to: 'submitted', at: again, actor: unit.chairman });
    last = again;
  }
  steps.push({ action: 'accept', to: 'accepted', at: isoDay(last.slice(0, 10), rng.int(1, 10), 15), actor: province.reviewer });
  return { ...base, steps };
}

/** Provinces, units and accounts, in one transaction with one audit entry per row created. */
async function loadReferenceData(store: Store, seed: number, reference: NationalProvince[], passwordHash: string): Promise<LoadedProvince[]> {
  const createdAt = '2025-07-01T00:00:00.000Z';
  const provinces: LoadedProvince[] = [];
  const users: Insertable<UsersTable>[] = [];
  const audits: { actor: Actor | null; input: AuditInput }[] = [];
  const account = (provinceId: string, username: string, fullName: string, role: Role, unitId: string | null): Actor => {
    const id = idFor(seed, `user/${username}`);
    users.push({ id, username, password_hash: passwordHash, full_name: fullName, role, province_id: provinceId, unit_id: unitId, disabled: 0, created_at: createdAt });
    audits.push({ actor: SYSTEM_ACTOR, input: { entity: 'user', entityId: id, action: 'create', after: { username, role, unitId } } });
    return { userId: id, username, fullName, role, provinceId, unitId };
  };
  for (const p of reference) {
    const id = idFor(seed, `province/${p.code}`);
    const reviewer = account(id, reviewerUsername(p.code), `Chuyên viên Sở KH&CN ${p.name} (minh họa)`, 'dept_reviewer', null);
    account(id, `so${p.code}.quantri`, `Quản trị Sở KH&CN ${p.name} (minh họa)`, 'dept_admin', null);
    const units = p.units.map((u, i) => {
      const unitId = idFor(seed, `unit/${p.code}/${u.kind}/${u.name}`);
      const chairman = account(id, chairmanUsername(p.code, i), `Chủ tịch UBND ${u.kind} ${u.name} (minh họa)`, 'commune_chairman', unitId);
      return { id: unitId, province_id: id, code: null, name: u.name, kind: u.kind, search_text: searchKey(`${u.kind} ${u.name}`), chairman };
    });
    audits.unshift({ actor: SYSTEM_ACTOR, input: { entity: 'province', entityId: id, action: 'seed', after: { code: p.code, units: units.length, demo: true } } });
    provinces.push({ id, code: p.code, name: p.name, units, reviewer });
  }
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('provinces').values(provinces.map((p) => ({ id: p.id, code: p.code, name: p.name, search_text: searchKey(p.name) }))).execute();
    const unitRows = provinces.flatMap((p) => p.units.map(({ chairman: _c, ...row }) => row));
    for (let i = 0; i < unitRows.length; i += 1000) await trx.insertInto('units').values(unitRows.slice(i, i + 1000)).execute();
    for (let i = 0; i < users.length; i += 500) await trx.insertInto('users').values(users.slice(i, i + 500)).execute();
    await appendAudits(store, trx, audits);
  });
  return provinces;
}
