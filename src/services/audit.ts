import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Store } from '../store/db.ts';
import { GENESIS_HASH } from '../store/migrations.ts';
import type { AuditLogTable, DB } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { nowIso } from './clock.ts';

/**
 * The audit trail: every change, in the same transaction as the change, chained by SHA-256.
 * Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting
 * or reordering any row breaks verification from that row on.
 */
export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export function entryHash(e: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor_id, e.actor_name, e.entity, e.entity_id, e.action, e.before_json, e.after_json, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function appendAudit(store: Store, trx: Transaction<DB>, actor: Actor | null, input: AuditInput): Promise<void> {
  await appendAudits(store, trx, [{ actor, input }]);
}

// Rows per INSERT: 11 columns × 500 stays far below both databases' bound-parameter limits.
const AUDIT_CHUNK = 500;

/**
 * Appends several entries in order under one lock of the head: the chain is the same as from
 * that many appendAudit calls, in a few statements instead of three per entry (bulk loads).
 */
export async function appendAudits(store: Store, trx: Transaction<DB>, entries: readonly { actor: Actor | null; input: AuditInput }[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await store.lockAuditHead(trx);
  const at = nowIso();
  let prev = head.hash;
  const rows: AuditLogTable[] = entries.map(({ actor, input }, i) => {
    const entry: Omit<AuditLogTable, 'hash'> = {
      seq: head.seq + i + 1,
      at,
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? null,
      entity: input.entity,
      entity_id: input.entityId,
      action: input.action,
      before_json: json(input.before),
      after_json: json(input.after),
      prev_hash: prev,
    };
    prev = entryHash(entry);
    return { ...entry, hash: prev };
  });
  const tail = Math.floor((rows.length - 1) / AUDIT_CHUNK) * AUDIT_CHUNK;
  for (let i = 0; i < tail; i += AUDIT_CHUNK) await trx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_CHUNK)).execute();
  await store.writeAuditTail(trx, rows.slice(tail));
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain in order; reports the first entry that does not verify. */
export async function verifyAudit(store: Store): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 2000;
  for (let after = 0; ; ) {
    const rows = await store.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries: count, brokenAt: seq, reason: `thiếu hoặc sai thứ tự: mong đợi mục số ${expectedSeq}, gặp mục số ${seq}` };
      if (row.prev_hash !== prev) return { ok: false, entries: count, brokenAt: seq, reason: 'mã băm của mục trước không khớp (mục bị xóa hoặc đổi chỗ)' };
      const { hash, ...rest } = row;
      if (entryHash({ ...rest, seq }) !== hash) return { ok: false, entries: count, brokenAt: seq, reason: 'nội dung mục đã bị sửa' };
      prev = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const head = await store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== count || head.hash !== prev)) {
    return { ok: false, entries: count, brokenAt: count + 1, reason: 'các mục cuối của nhật ký đã bị xóa' };
  }
  return { ok: true, entries: count };
}
