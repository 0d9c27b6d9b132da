import { leaves } from '../domain/budget.ts';
import type { Report, UnitKind } from '../domain/report-schema.ts';
import type { Actor, Role } from '../services/actor.ts';
import { SYSTEM_ACTOR } from '../services/actor.ts';
import { recordApproval } from '../services/approval.ts';
import { recordDisbursement } from '../services/disbursement.ts';
import { appendAudit } from '../services/audit.ts';
import { newId } from '../services/clock.ts';
import { openCycleTx } from '../services/cycles.ts';
import { transition } from '../services/reports.ts';
import type { Store } from '../store/db.ts';
import { generateReport } from './generate-report.ts';
import { createRng, seedFrom } from './random.ts';

/**
 * Demo data for the Department's side (clearly demo, deterministic):
 * - the previous cycle, plan year 2026, every unit but Kiến Thụy (whose real report is the
 *   reference of the 2027 cycle), all accepted and approved by a demo decision, with disbursement
 *   recorded during 2026 — so "year over year" and "disbursed vs approved" show real numbers;
 * - the reviewer's comments on the 2027 reports that were returned.
 */
export const DEMO_PREVIOUS = {
  planYear: 2026,
  guidanceNumber: 'Công văn hướng dẫn năm 2026 (minh họa)',
  guidanceIssuer: 'Bộ Khoa học và Công nghệ',
  guidanceDate: '2025-06-16',
  deadline: '2025-07-31',
  decisionNumber: '3150/QĐ-UBND (minh họa)',
  decisionDate: '2025-12-16',
};

const day = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export async function seedDepartmentDemo(store: Store, provinceId: string, currentCycleId: string): Promise<void> {
  const province = await store.db.selectFrom('provinces').selectAll().where('id', '=', provinceId).executeTakeFirstOrThrow();
  const users = await store.db.selectFrom('users').selectAll().where('province_id', '=', provinceId).execute();
  const asActor = (u: (typeof users)[number]): Actor => ({ userId: u.id, username: u.username, fullName: u.full_name, role: u.role as Role, provinceId: u.province_id, unitId: u.unit_id });
  const reviewerRow = users.find((u) => u.role === 'dept_reviewer');
  const adminRow = users.find((u) => u.role === 'dept_admin');
  if (!reviewerRow || !adminRow) return;
  const reviewer = asActor(reviewerRow);
  const admin = asActor(adminRow);
  const units = await store.db.selectFrom('units').select(['id', 'name', 'kind']).where('province_id', '=', provinceId).where('name', '!=', 'Kiến Thụy').orderBy('name').execute();

  const guidance = `${DEMO_PREVIOUS.guidanceNumber} của ${DEMO_PREVIOUS.guidanceIssuer}`;
  const cycleId = await store.db.transaction().execute((trx) =>
    openCycleTx(store, trx, SYSTEM_ACTOR, {
      provinceId, planYear: DEMO_PREVIOUS.planYear, guidanceNumber: DEMO_PREVIOUS.guidanceNumber, guidanceDate: DEMO_PREVIOUS.guidanceDate, guidanceIssuer: DEMO_PREVIOUS.guidanceIssuer,
      deadline: DEMO_PREVIOUS.deadline, unitIds: units.map((u) => u.id), demo: true,
    }, (unit) => generateReport({ name: unit.name, kind: unit.kind as UnitKind, province: province.name, provinceCode: province.code }, 2025, createRng(seedFrom(`${unit.kind}/${unit.name}/2025`)), { slips: false, guidance })),
  );
  await store.db.updateTable('cycles').set({ status: 'closed' }).where('id', '=', cycleId).execute();

  const chairmanLike: Actor = { ...SYSTEM_ACTOR, fullName: 'Chủ tịch UBND (dữ liệu minh họa)' };
  const rows = await store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').selectAll('reports').select(['units.name as unit_name', 'units.kind as unit_kind'])
    .where('reports.cycle_id', '=', cycleId).orderBy('units.name').execute();
  for (const row of rows) {
    const rng = createRng(seedFrom(`2026/${row.unit_kind}/${row.unit_name}`));
    const submittedAt = new Date(Date.parse(`${DEMO_PREVIOUS.deadline}T09:00:00Z`) + rng.int(-25, 3) * 86_400_000).toISOString();
    await transition(store, chairmanLike, row, 'submit', 'submitted', null, submittedAt);
    const submitted = await store.db.selectFrom('reports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    const accepted = await transition(store, reviewer, submitted, 'accept', 'accepted', null, day(submittedAt, rng.int(2, 12)));

    // The city approves most lines as requested and trims some.
    const report = JSON.parse(row.body) as Report;
    const planLeaves = leaves(report.plan.budget);
    const trimmed = planLeaves.filter(() => rng.chance(0.15)).map((l) => ({ lineId: l.line.id, approved: Math.round((l.line.amount * rng.int(70, 95)) / 100 / 1_000_000) * 1_000_000 }));
    const execution = await recordApproval(store, admin, row.id, accepted.version, { decisionNumber: DEMO_PREVIOUS.decisionNumber, decisionDate: DEMO_PREVIOUS.decisionDate, lines: trimmed });

    // Disbursement during 2026 on a few lines, as the commune's officer would record it.
    const officer: Actor = { ...SYSTEM_ACTOR, role: 'commune_officer', unitId: row.unit_id, provinceId, fullName: 'Cán bộ xã (dữ liệu minh họa)' };
    const paidLines = execution.lines.filter(() => rng.chance(0.3)).slice(0, 4);
    for (const line of paidLines) {
      const amount = Math.round((line.approved * rng.int(40, 100)) / 100 / 1_000_000) * 1_000_000;
      if (amount <= 0) continue;
      await recordDisbursement(store, officer, row.id, { lineId: line.lineId, amount, date: `2026-${String(rng.int(2, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, note: 'Dữ liệu minh họa' });
    }
  }

  // The reviewer's comments behind the 2027 returns (on the version the commune submitted).
  const returned = await store.db.selectFrom('report_events').innerJoin('reports', 'reports.id', 'report_events.report_id')
    .select(['reports.id', 'report_events.version', 'report_events.at']).where('reports.cycle_id', '=', currentCycleId).where('report_events.action', '=', 'return').execute();
  for (const r of returned) {
    const line = await store.db.selectFrom('budget_lines').select(['line_id', 'title']).where('report_id', '=', r.id).where('part', '=', 'plan').where('field', '=', 'digital').where('is_leaf', '=', 1).orderBy('position').executeTakeFirst();
    const comments = [
      { path: 'plan.budget', lineId: line?.line_id ?? null, body: `Đề nghị thuyết minh chi tiết nội dung, khối lượng và đơn giá của khoản "${line?.title ?? 'chuyển đổi số'}".` },
      { path: 'implementation.dossiers', lineId: null, body: 'Rà soát lại số liệu hồ sơ tiếp nhận và giải quyết trong kỳ cho khớp với Cổng dịch vụ công.' },
    ];
    for (const [i, c] of comments.entries()) {
      const id = newId();
      const createdAt = day(r.at, -(i + 1) / 1440);
      await store.db.transaction().execute(async (trx) => {
        await trx.insertInto('comments').values({ id, report_id: r.id, version: r.version - 1, path: c.path, line_id: c.lineId, body: c.body, author_id: reviewer.userId, author_name: reviewer.fullName, created_at: createdAt }).execute();
        await appendAudit(store, trx, reviewer, { entity: 'comment', entityId: id, action: 'create', after: { reportId: r.id, path: c.path, lineId: c.lineId, demo: true } });
      });
    }
  }
}
