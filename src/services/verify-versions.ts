import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical.ts';
import { Report } from '../domain/report-schema.ts';
import type { Store } from '../store/db.ts';
import { contentHash } from './report-rows.ts';

/**
 * The stored bodies of frozen versions, checked against the audit chain. The chain proves its
 * own entries; this proves the versions they name. A frozen version — the body a submit,
 * return, accept or approval fixed, which the Department read, consolidates and approves — is
 * re-hashed from its stored text and must give the content hash recorded beside it, and that
 * hash must be the one the chain entry that froze it recorded. The current body of a locked
 * report (copied into the next frozen version, read for last year's comparison) must hash to
 * its current version's. Rewriting a body, or a body and its hash, with SQL is found here; the
 * chain entries themselves are verified by `verifyAudit`.
 */
export const FROZEN_ACTIONS = ['submit', 'return', 'accept', 'approve'] as const;
const LOCKED_STATUSES = ['submitted', 'accepted', 'approved'] as const;

export interface VersionProblem {
  reportId: string;
  /** "xã Kiến Thụy, kế hoạch năm 2027", for people. */
  report: string;
  version: number;
  action: string;
  reason: string;
}

export interface VersionVerification {
  /** Frozen versions and locked report bodies checked. */
  checked: number;
  problems: VersionProblem[];
}

const ACTION_NAMES: Record<string, string> = { submit: 'nộp', return: 'trả lại', accept: 'tiếp nhận', approve: 'phê duyệt', save: 'lưu', create: 'tạo' };
const PAGE = 500;
const short = (hash: string | null | undefined) => (hash ? `${hash.slice(0, 12)}…` : '(không có)');

/**
 * The hash of a stored body as the app computed it: SHA-256 of its canonical JSON. A body that
 * an older release stored without a field the schema now defaults was hashed after parsing, so
 * when the raw text does not match, the parsed report is tried too; both are functions of the
 * stored text alone, so a rewritten body matches neither.
 */
function bodyHash(body: string, recorded: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const raw = createHash('sha256').update(canonicalJson(value)).digest('hex');
  if (raw === recorded) return raw;
  const parsed = Report.safeParse(value);
  return parsed.success && contentHash(parsed.data) === recorded ? recorded : raw;
}

/** The content hash each chain entry recorded for the version it created: "reportId#version" → hash. */
async function chainHashes(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let after = 0; ; ) {
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['seq', 'entity_id', 'after_json'])
      .where('entity', '=', 'report')
      .where('action', 'in', [...FROZEN_ACTIONS])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE * 4)
      .execute();
    for (const row of rows) {
      try {
        const a = JSON.parse(row.after_json ?? 'null') as { version?: unknown; contentHash?: unknown } | null;
        if (typeof a?.version === 'number' && typeof a.contentHash === 'string') out.set(`${row.entity_id}#${a.version}`, a.contentHash);
      } catch {
        // An unreadable entry is the chain's finding (verifyAudit); here its version has no record.
      }
    }
    if (rows.length < PAGE * 4) return out;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

async function reportNames(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
    .select(['reports.id', 'units.kind', 'units.name', 'cycles.plan_year'])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.kind} ${r.name}, kế hoạch năm ${r.plan_year}`]));
}

export async function verifyFrozenVersions(store: Store): Promise<VersionVerification> {
  const [recorded, names] = await Promise.all([chainHashes(store), reportNames(store)]);
  const problems: VersionProblem[] = [];
  const problem = (reportId: string, version: number, action: string, reason: string) =>
    problems.push({ reportId, report: names.get(reportId) ?? `báo cáo ${reportId}`, version, action, reason });
  let checked = 0;

  // Keyset pages over (report, version): bodies are a few KB each and a nation holds ~10⁵ of them.
  let last: { id: string; version: number } | undefined;
  for (;;) {
    let q = store.db
      .selectFrom('report_versions')
      .select(['report_id', 'version', 'action', 'body', 'content_hash'])
      .where('action', 'in', [...FROZEN_ACTIONS]);
    if (last) {
      const { id, version } = last;
      q = q.where((eb) => eb.or([eb('report_id', '>', id), eb.and([eb('report_id', '=', id), eb('version', '>', version)])]));
    }
    const rows = await q.orderBy('report_id').orderBy('version').limit(PAGE).execute();
    for (const v of rows) {
      checked++;
      const hash = bodyHash(v.body, v.content_hash);
      const chain = recorded.get(`${v.report_id}#${v.version}`);
      if (hash === undefined) problem(v.report_id, v.version, v.action, 'nội dung lưu trữ không còn là JSON đọc được');
      else if (hash !== v.content_hash) problem(v.report_id, v.version, v.action, `nội dung lưu trữ đã bị sửa: mã băm tính lại ${short(hash)} khác mã băm đã ghi ${short(v.content_hash)}`);
      if (chain === undefined) problem(v.report_id, v.version, v.action, 'không có mục nhật ký nào ghi nhận việc chốt phiên bản này');
      else if (chain !== v.content_hash) problem(v.report_id, v.version, v.action, `mã băm đã ghi ${short(v.content_hash)} khác mã băm nhật ký ghi khi chốt ${short(chain)}`);
    }
    if (rows.length < PAGE) break;
    const tail = rows[rows.length - 1]!;
    last = { id: tail.report_id, version: tail.version };
  }

  // The working copy of a locked report must be its current version's body.
  let lastId: string | undefined;
  for (;;) {
    let q = store.db
      .selectFrom('reports')
      .innerJoin('report_versions', (j) => j.onRef('report_versions.report_id', '=', 'reports.id').onRef('report_versions.version', '=', 'reports.version'))
      .select(['reports.id', 'reports.version', 'reports.body', 'report_versions.content_hash', 'report_versions.action'])
      .where('reports.status', 'in', [...LOCKED_STATUSES]);
    if (lastId !== undefined) q = q.where('reports.id', '>', lastId);
    const rows = await q.orderBy('reports.id').limit(PAGE).execute();
    for (const r of rows) {
      checked++;
      const hash = bodyHash(r.body, r.content_hash);
      if (hash !== r.content_hash) problem(r.id, r.version, r.action, `bản làm việc của báo cáo đã khóa khác phiên bản ${r.version} (mã băm ${short(hash)} thay vì ${short(r.content_hash)})`);
    }
    if (rows.length < PAGE) break;
    lastId = rows[rows.length - 1]!.id;
  }
  return { checked, problems };
}

/** "phiên bản 5 (tiếp nhận)" */
export const versionLabel = (p: VersionProblem): string => `phiên bản ${p.version} (${ACTION_NAMES[p.action] ?? p.action})`;
