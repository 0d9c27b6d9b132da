import { readFileSync } from 'node:fs';
import { Report, type UnitKind } from '../domain/report-schema.ts';
import { searchKey } from '../domain/text.ts';
import type { Actor, Role } from '../services/actor.ts';
import { SYSTEM_ACTOR } from '../services/actor.ts';
import { appendAudit } from '../services/audit.ts';
import { newId, nowIso } from '../services/clock.ts';
import { openCycleTx } from '../services/cycles.ts';
import { hashPassword } from '../services/passwords.ts';
import { transition } from '../services/reports.ts';
import type { Store } from '../store/db.ts';
import { createRng, seedFrom } from './random.ts';
import { seedDepartmentDemo } from './seed-department.ts';
import { blankReport, generateReport } from './generate-report.ts';
import communes from '../../data/hai-phong-communes.json' with { type: 'json' };

/**
 * Demo data for a first start: Hải Phòng (code 31) and its 114 units, six demo accounts
 * (password demo2026), the 2027 cycle citing Công văn 4194/BKH-CN-KHTC, Kiến Thụy's real report
 * and generated reports for the other units with a realistic spread of statuses.
 * For demonstration only — `khcn serve --no-demo` starts empty.
 */
export const DEMO_PASSWORD = 'demo2026';
export const DEMO_PROVINCE = { code: '31', name: 'Hải Phòng' };
export const DEMO_USERS: { username: string; fullName: string; role: Role; unit?: string }[] = [
  { username: 'kienthuy.canbo', fullName: 'Nguyễn Thị Hoa', role: 'commune_officer', unit: 'Kiến Thụy' },
  { username: 'kienthuy.chutich', fullName: 'Lưu Văn Thụy', role: 'commune_chairman', unit: 'Kiến Thụy' },
  { username: 'anlao.canbo', fullName: 'Trần Văn Nam', role: 'commune_officer', unit: 'An Lão' },
  { username: 'anlao.chutich', fullName: 'Phạm Văn Lợi', role: 'commune_chairman', unit: 'An Lão' },
  { username: 'so.chuyenvien', fullName: 'Đỗ Thị Mai', role: 'dept_reviewer' },
  { username: 'so.quantri', fullName: 'Vũ Đức Thắng', role: 'dept_admin' },
];

const KIEN_THUY_PATH = new URL('../../examples/kien-thuy-2026.json', import.meta.url);
export const DEMO_DEADLINE = '2026-07-31';

export async function isEmpty(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('provinces').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Province and units only (also used by `--no-demo`-free setups that want the reference data). */
export async function seedProvince(store: Store, actor: Actor = SYSTEM_ACTOR): Promise<string> {
  const provinceId = newId();
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('provinces').values({ id: provinceId, code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name, search_text: searchKey(DEMO_PROVINCE.name) }).execute();
    for (const u of communes.units) {
      await trx.insertInto('units').values({ id: newId(), province_id: provinceId, code: null, name: u.name, kind: u.kind, search_text: searchKey(`${u.kind} ${u.name}`) }).execute();
    }
    await appendAudit(store, trx, actor, { entity: 'province', entityId: provinceId, action: 'seed', after: { code: DEMO_PROVINCE.code, units: communes.units.length } });
  });
  return provinceId;
}

export async function seedDemo(store: Store): Promise<void> {
  const provinceId = await seedProvince(store);
  const units = await store.db.selectFrom('units').select(['id', 'name', 'kind']).where('province_id', '=', provinceId).execute();
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const now = nowIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const kienThuy = Report.parse(JSON.parse(readFileSync(KIEN_THUY_PATH, 'utf8')));
  const province = { province: DEMO_PROVINCE.name, provinceCode: DEMO_PROVINCE.code };
  const guidance = 'Công văn số 4194/BKH-CN-KHTC ngày 15/6/2026 của Bộ Khoa học và Công nghệ';

  let cycleId = '';
  await store.db.transaction().execute(async (trx) => {
    for (const u of DEMO_USERS) {
      const unitId = u.unit ? unitByName.get(u.unit)?.id ?? null : null;
      const id = newId();
      await trx.insertInto('users').values({ id, username: u.username, password_hash: passwordHash, full_name: u.fullName, role: u.role, province_id: provinceId, unit_id: unitId, created_at: now }).execute();
      await appendAudit(store, trx, SYSTEM_ACTOR, { entity: 'user', entityId: id, action: 'create', after: { username: u.username, role: u.role, unitId } });
    }
    cycleId = await openCycleTx(
      store,
      trx,
      SYSTEM_ACTOR,
      { provinceId, planYear: 2027, guidanceNumber: 'Công văn số 4194/BKH-CN-KHTC', guidanceDate: '2026-06-15', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: DEMO_DEADLINE, demo: true },
      (unit) => {
        if (unit.name === 'Kiến Thụy') return kienThuy;
        const info = { name: unit.name, kind: unit.kind as UnitKind, ...province };
        if (unit.name === 'An Lão') return blankReport(info, 2026, guidance);
        const rng = createRng(seedFrom(`${unit.kind}/${unit.name}/2026`));
        return rng.chance(0.1) ? blankReport(info, 2026, guidance) : generateReport(info, 2026, rng, { slips: true, guidance });
      },
    );
  });

  // A realistic spread of progress for the generated units (never for the two demo communes).
  const reviewer = await actorFor(store, 'so.chuyenvien');
  const chairmanLike: Actor = { ...SYSTEM_ACTOR, fullName: 'Chủ tịch UBND (dữ liệu minh họa)' };
  const rows = await store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').selectAll('reports').select(['units.name as unit_name']).where('reports.cycle_id', '=', cycleId).orderBy('units.name').execute();
  for (const row of rows) {
    if (row.unit_name === 'Kiến Thụy' || row.unit_name === 'An Lão' || row.errors > 0) continue;
    const rng = createRng(seedFrom(`status/${row.unit_name}`));
    const roll = rng.next();
    if (roll < 0.25) continue; // still drafting
    const day = roll < 0.37 ? rng.int(1, 12) : rng.int(-20, 0); // a share submits after the deadline
    const submittedAt = new Date(Date.parse(`${DEMO_DEADLINE}T10:00:00Z`) + day * 86_400_000).toISOString();
    await transition(store, chairmanLike, row, 'submit', 'submitted', null, submittedAt);
    if (roll < 0.55) continue; // waiting for review
    const current = await store.db.selectFrom('reports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    const reviewedAt = new Date(Date.parse(submittedAt) + rng.int(1, 10) * 86_400_000).toISOString();
    if (roll < 0.68) {
      await transition(store, reviewer, current, 'return', 'returned', 'Đề nghị bổ sung thuyết minh chi tiết các khoản chi chuyển đổi số và rà soát lại số liệu hồ sơ.', reviewedAt);
    } else {
      await transition(store, reviewer, current, 'accept', 'accepted', null, reviewedAt);
    }
  }
  await seedDepartmentDemo(store, provinceId, cycleId);
}

async function actorFor(store: Store, username: string): Promise<Actor> {
  const u = await store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, fullName: u.full_name, role: u.role as Role, provinceId: u.province_id, unitId: u.unit_id };
}
