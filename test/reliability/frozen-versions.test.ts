import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { canonicalJson } from '../../src/domain/canonical.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { verifyFrozenVersions } from '../../src/services/verify-versions.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 13, point 12: the chain alone stayed green when an insider rewrote the amounts of an
 * accepted version's stored body with SQL — and consolidation reads those bodies. `khcn audit
 * verify` must name the report and the version, on both databases.
 */
const databases = await testDatabases();

const capture = (): CliIo & { text: () => string } => {
  let text = '';
  return { out: (s) => (text += `${s}\n`), err: (s) => (text += `${s}\n`), text: () => text };
};

interface Target { reportId: string; version: number; body: string; hash: string; unit: string; planYear: number }

describe.each(databases)('stored versions against the audit chain on %s', (kind) => {
  let t: TestDb;
  let accepted: Target;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    // An accepted report of the current demo cycle: its accept version is what consolidation reads.
    const row = await t.store.db
      .selectFrom('report_versions')
      .innerJoin('reports', 'reports.id', 'report_versions.report_id')
      .innerJoin('units', 'units.id', 'reports.unit_id')
      .innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
      .select(['report_versions.report_id', 'report_versions.version', 'report_versions.body', 'report_versions.content_hash', 'units.kind', 'units.name', 'cycles.plan_year'])
      .where('report_versions.action', '=', 'accept')
      .where('reports.status', '=', 'accepted')
      .orderBy('units.name')
      .executeTakeFirstOrThrow();
    accepted = { reportId: row.report_id, version: row.version, body: row.body, hash: row.content_hash, unit: `${row.kind} ${row.name}`, planYear: row.plan_year };
  }, 120_000);
  afterAll(async () => t?.cleanup());

  const restore = async () => {
    await t.store.db.updateTable('report_versions').set({ body: accepted.body, content_hash: accepted.hash }).where('report_id', '=', accepted.reportId).where('version', '=', accepted.version).execute();
    await t.store.db.updateTable('reports').set({ body: accepted.body }).where('id', '=', accepted.reportId).execute();
  };
  beforeEach(restore);

  /** The first leaf amount of the plan, as the body's JSON text writes it. */
  const firstAmount = (): number => {
    const report = JSON.parse(accepted.body) as { plan: { budget: { amount: number; children: unknown[] }[] } };
    type Line = { amount: number; children: Line[] };
    const leaf = (l: Line): Line => (l.children.length ? leaf(l.children[0]!) : l);
    return leaf(report.plan.budget[0] as Line).amount;
  };

  it('passes on the intact demo database and counts the frozen versions', async () => {
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(0);
    expect(io.text()).toMatch(/Phiên bản đã chốt toàn vẹn: \d+ nội dung/);
    const v = await verifyFrozenVersions(t.store);
    expect(v.problems).toEqual([]);
    // Every submit/return/accept/approve version of both demo cycles, plus each locked report's body.
    const frozen = await t.store.db.selectFrom('report_versions').select((eb) => eb.fn.countAll().as('n')).where('action', 'in', ['submit', 'return', 'accept', 'approve']).executeTakeFirstOrThrow();
    const locked = await t.store.db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['submitted', 'accepted', 'approved']).executeTakeFirstOrThrow();
    expect(v.checked).toBe(Number(frozen.n) + Number(locked.n));
    expect(Number(frozen.n)).toBeGreaterThan(50);
  });

  it('names the report and version whose stored amounts were rewritten with SQL (exit 1)', async () => {
    const amount = firstAmount();
    const forged = amount + 900_000_000;
    // The insider's edit: one amount in the stored text, nothing else (the chain is untouched).
    await sql`update report_versions set body = replace(body, ${`"amount":${amount},`}, ${`"amount":${forged},`}) where report_id = ${accepted.reportId} and version = ${accepted.version}`.execute(t.store.db);
    const stored = await t.store.db.selectFrom('report_versions').select('body').where('report_id', '=', accepted.reportId).where('version', '=', accepted.version).executeTakeFirstOrThrow();
    expect(stored.body).toContain(`"amount":${forged},`);
    expect(await verifyAudit(t.store)).toMatchObject({ ok: true });

    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(1);
    const text = io.text();
    expect(text).toContain('Nhật ký toàn vẹn');
    expect(text).toContain(`[VERSION_TAMPERED]: báo cáo ${accepted.unit}, kế hoạch năm ${accepted.planYear} (mã ${accepted.reportId}), phiên bản ${accepted.version} (tiếp nhận) — nội dung lưu trữ đã bị sửa`);
    expect(text).toContain('1 lỗi trên');
    const v = await verifyFrozenVersions(t.store);
    expect(v.problems.map((p) => [p.reportId, p.version])).toEqual([[accepted.reportId, accepted.version]]);
  });

  it('also catches a rewritten body whose recorded hash was recomputed to match: the chain recorded the original', async () => {
    const report = JSON.parse(accepted.body) as { plan: { objectives: string[] } };
    report.plan.objectives = ['Nội dung bị sửa trực tiếp trong CSDL.'];
    const body = JSON.stringify(report);
    const hash = createHash('sha256').update(canonicalJson(report)).digest('hex');
    await t.store.db.updateTable('report_versions').set({ body, content_hash: hash }).where('report_id', '=', accepted.reportId).where('version', '=', accepted.version).execute();
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(1);
    expect(io.text()).toContain(`phiên bản ${accepted.version} (tiếp nhận) — mã băm đã ghi ${hash.slice(0, 12)}… khác mã băm nhật ký ghi khi chốt ${accepted.hash.slice(0, 12)}…`);
  });

  it('catches the working copy of a locked report rewritten behind its frozen version', async () => {
    await sql`update reports set body = replace(body, ${`"amount":${firstAmount()},`}, ${'"amount":1,'}) where id = ${accepted.reportId}`.execute(t.store.db);
    const v = await verifyFrozenVersions(t.store);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ reportId: accepted.reportId, version: accepted.version });
    expect(v.problems[0]!.reason).toMatch(/^bản làm việc của báo cáo đã khóa khác phiên bản/);
  });

  it('reports a body that is no longer JSON instead of failing', async () => {
    await t.store.db.updateTable('report_versions').set({ body: '{"cắt cụt' }).where('report_id', '=', accepted.reportId).where('version', '=', accepted.version).execute();
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(1);
    expect(io.text()).toContain(`phiên bản ${accepted.version} (tiếp nhận) — nội dung lưu trữ không còn là JSON đọc được`);
  });
});
