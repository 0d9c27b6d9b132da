import type { Transaction } from 'kysely';
import type { Report, UnitKind } from '../domain/report-schema.ts';
import { blankReport } from '../demo/generate-report.ts';
import type { Store } from '../store/db.ts';
import type { DB } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { insertReports } from './bulk-reports.ts';
import { newId, nowIso } from './clock.ts';
import type { ReportStatus } from './policy.ts';

export interface CycleInput {
  provinceId: string;
  planYear: number;
  guidanceNumber: string;
  guidanceDate?: string | null;
  guidanceIssuer: string;
  deadline: string;
  unitIds?: string[];
  demo?: boolean;
}

/** "Công văn số 4194/BKH-CN-KHTC ngày 15/6/2026 của Bộ Khoa học và Công nghệ" */
export function guidanceText(c: { guidanceNumber: string; guidanceDate?: string | null; guidanceIssuer: string }): string {
  const date = c.guidanceDate ? ` ngày ${Number(c.guidanceDate.slice(8, 10))}/${Number(c.guidanceDate.slice(5, 7))}/${c.guidanceDate.slice(0, 4)}` : '';
  return `${c.guidanceNumber}${date} của ${c.guidanceIssuer}`;
}

/**
 * Inserts a report with its first version, event and audit entry. `build` lets callers (opening
 * a cycle, demo data) decide the body; the bookkeeping is the same for all (bulk-reports.ts).
 */
export async function insertReport(
  store: Store,
  trx: Transaction<DB>,
  actor: Actor,
  args: { cycleId: string; unitId: string; provinceId: string; report: Report; status?: ReportStatus; at?: string; action?: string },
): Promise<string> {
  const [id] = await insertReports(store, trx, actor, [args]);
  return id!;
}

/** Opens a reporting cycle and creates every expected unit's report (blank). */
export async function openCycleTx(store: Store, trx: Transaction<DB>, actor: Actor, input: CycleInput, bodyFor?: (unit: { id: string; name: string; kind: UnitKind }) => Report | undefined): Promise<string> {
  const id = newId();
  const now = nowIso();
  const province = await trx.selectFrom('provinces').selectAll().where('id', '=', input.provinceId).executeTakeFirstOrThrow();
  await trx
    .insertInto('cycles')
    .values({
      id, province_id: input.provinceId, report_year: input.planYear - 1, plan_year: input.planYear, guidance_number: input.guidanceNumber, guidance_date: input.guidanceDate ?? null,
      guidance_issuer: input.guidanceIssuer, deadline: input.deadline, status: 'open', demo: input.demo ? 1 : 0, created_at: now, created_by: actor.userId === 'system' ? null : actor.userId,
    })
    .execute();
  await appendAudit(store, trx, actor, { entity: 'cycle', entityId: id, action: 'open', after: input });
  let units = await trx.selectFrom('units').select(['id', 'name', 'kind']).where('province_id', '=', input.provinceId).orderBy('name').execute();
  if (input.unitIds) units = units.filter((u) => input.unitIds!.includes(u.id));
  const guidance = guidanceText(input);
  // One multi-row insert per table rather than ~8 statements per unit (a province has ~100 units).
  if (units.length) await trx.insertInto('cycle_units').values(units.map((u) => ({ cycle_id: id, unit_id: u.id, deadline: null }))).execute();
  const items = units.map((unit) => {
    const info = { name: unit.name, kind: unit.kind as UnitKind, province: province.name, provinceCode: province.code };
    const report = bodyFor?.({ ...unit, kind: unit.kind as UnitKind }) ?? blankReport(info, input.planYear - 1, guidance);
    return { cycleId: id, unitId: unit.id, provinceId: input.provinceId, report };
  });
  await insertReports(store, trx, actor, items);
  return id;
}
