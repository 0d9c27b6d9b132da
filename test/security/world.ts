import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Role } from '../../src/services/actor.ts';
import { hashPassword } from '../../src/services/passwords.ts';
import { contentHash, summaryColumns } from '../../src/services/report-rows.ts';
import { Report } from '../../src/domain/report-schema.ts';
import { searchKey } from '../../src/domain/text.ts';
import type { Store } from '../../src/store/db.ts';

/**
 * The demo province (Hải Phòng) plus a second province with two communes, a cycle, a report per
 * commune and one user of every role — so every isolation question has a concrete target:
 * own unit, another unit of the same province, another province, an id that does not exist.
 */
export const P2_PASSWORD = 'thunghiem2026';

export interface Province {
  id: string;
  cycleId: string;
  /** First unit: the commune of the commune users. */
  own: { unitId: string; reportId: string; name: string };
  /** Second unit of the same province. */
  other: { unitId: string; reportId: string; name: string };
  users: Record<Role, string>;
}

export interface World {
  hp: Province;
  p2: Province;
  password: Record<'hp' | 'p2', string>;
}

async function unitReport(store: Store, unitName: string) {
  return store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').select(['reports.id as reportId', 'units.id as unitId', 'units.name as name', 'reports.cycle_id as cycleId', 'reports.province_id as provinceId']).where('units.name', '=', unitName).executeTakeFirstOrThrow();
}

export async function buildWorld(store: Store): Promise<World> {
  await seedDemo(store);
  const kt = await unitReport(store, 'Kiến Thụy');
  const al = await unitReport(store, 'An Lão');
  const hp: Province = {
    id: kt.provinceId,
    cycleId: kt.cycleId,
    own: { unitId: kt.unitId, reportId: kt.reportId, name: kt.name },
    other: { unitId: al.unitId, reportId: al.reportId, name: al.name },
    users: { commune_officer: 'kienthuy.canbo', commune_chairman: 'kienthuy.chutich', dept_reviewer: 'so.chuyenvien', dept_admin: 'so.quantri' },
  };
  const p2 = await secondProvince(store, kt.reportId);
  return { hp, p2, password: { hp: 'demo2026', p2: P2_PASSWORD } };
}

/** Rows written directly: the test must not depend on the services it is testing. */
async function secondProvince(store: Store, templateReportId: string): Promise<Province> {
  const now = new Date().toISOString();
  const provinceId = randomUUID();
  const cycleId = randomUUID();
  const template = await store.db.selectFrom('reports').select(['body']).where('id', '=', templateReportId).executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(P2_PASSWORD);
  const units = ['Thử Nghiệm Một', 'Thử Nghiệm Hai'].map((name) => ({ id: randomUUID(), name, reportId: randomUUID() }));
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('provinces').values({ id: provinceId, code: '99', name: 'Tỉnh Thử Nghiệm', search_text: searchKey('Tỉnh Thử Nghiệm') }).execute();
    await trx.insertInto('cycles').values({ id: cycleId, province_id: provinceId, report_year: 2026, plan_year: 2027, guidance_number: 'Công văn số 1/TN', guidance_date: null, guidance_issuer: 'Sở KH&CN tỉnh Thử Nghiệm', deadline: '2026-07-31', status: 'open', demo: 0, created_at: now, created_by: null }).execute();
    for (const u of units) {
      await trx.insertInto('units').values({ id: u.id, province_id: provinceId, code: null, name: u.name, kind: 'xã', search_text: searchKey(`xã ${u.name}`) }).execute();
      await trx.insertInto('cycle_units').values({ cycle_id: cycleId, unit_id: u.id, deadline: null }).execute();
      const parsed = Report.parse(JSON.parse(template.body));
      const report = Report.parse({ ...parsed, commune: { ...parsed.commune, name: u.name, kind: 'xã', province: 'Tỉnh Thử Nghiệm', provinceCode: '99' } });
      const body = JSON.stringify(report);
      await trx.insertInto('reports').values({ id: u.reportId, cycle_id: cycleId, unit_id: u.id, province_id: provinceId, status: 'draft', version: 1, body, ...summaryColumns(report), content_hash: null, submitted_at: null, return_reason: null, created_at: now, updated_at: now, updated_by: null }).execute();
      await trx.insertInto('report_versions').values({ report_id: u.reportId, version: 1, body, content_hash: contentHash(report), action: 'create', created_at: now, created_by: null }).execute();
    }
    const users: [string, Role, string | null][] = [
      ['p2.canbo', 'commune_officer', units[0]!.id],
      ['p2.chutich', 'commune_chairman', units[0]!.id],
      ['p2.chuyenvien', 'dept_reviewer', null],
      ['p2.quantri', 'dept_admin', null],
    ];
    for (const [username, role, unitId] of users) {
      await trx.insertInto('users').values({ id: randomUUID(), username, password_hash: passwordHash, full_name: `Người dùng ${username}`, role, province_id: provinceId, unit_id: unitId, created_at: now }).execute();
    }
  });
  return {
    id: provinceId,
    cycleId,
    own: { unitId: units[0]!.id, reportId: units[0]!.reportId, name: units[0]!.name },
    other: { unitId: units[1]!.id, reportId: units[1]!.reportId, name: units[1]!.name },
    users: { commune_officer: 'p2.canbo', commune_chairman: 'p2.chutich', dept_reviewer: 'p2.chuyenvien', dept_admin: 'p2.quantri' },
  };
}
