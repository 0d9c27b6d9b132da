import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The schema, as ordered migrations run by Kysely's Migrator on both databases.
 * Only portable types: text, integer, bigint (amounts in đồng). Booleans are 0/1 integers.
 */
const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('provinces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addUniqueConstraint('units_province_name', ['province_id', 'kind', 'name'])
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('cycles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('report_year', 'integer', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('guidance_number', 'text', (c) => c.notNull())
      .addColumn('guidance_date', 'text')
      .addColumn('guidance_issuer', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('cycles_province_year', ['province_id', 'plan_year'])
      .execute();
    await db.schema
      .createTable('cycle_units')
      .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('deadline', 'text')
      .addPrimaryKeyConstraint('cycle_units_pk', ['cycle_id', 'unit_id'])
      .execute();
    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('plan_total', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('content_hash', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('return_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addUniqueConstraint('reports_cycle_unit', ['cycle_id', 'unit_id'])
      .execute();
    await db.schema.createIndex('reports_province_status').on('reports').columns(['province_id', 'status']).execute();
    await db.schema.createIndex('reports_unit').on('reports').column('unit_id').execute();
    await db.schema
      .createTable('report_versions')
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version'])
      .execute();
    await db.schema
      .createTable('budget_lines')
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('budget_code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('is_leaf', 'integer', (c) => c.notNull())
      .addColumn('funding_source', 'text')
      .addPrimaryKeyConstraint('budget_lines_pk', ['report_id', 'part', 'line_id'])
      .execute();
    await db.schema
      .createTable('report_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('report_events_report').on('report_events').columns(['report_id', 'at']).execute();
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('line_id', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('comments_report').on('comments').column('report_id').execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
  },
};

/**
 * 002: the city's approval and its execution. An approval records the decision (number, date)
 * for one accepted report; its lines are the locked baseline (requested vs approved per leaf
 * line of the plan budget); disbursements are recorded by the commune against those lines.
 * province_id and unit_id are copied onto every row so scoping never needs a join.
 */
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('approvals')
      .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id'))
      .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('decision_number', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('report_version', 'integer', (c) => c.notNull())
      .addColumn('requested_total', 'bigint', (c) => c.notNull())
      .addColumn('approved_total', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('approvals_cycle').on('approvals').column('cycle_id').execute();
    await db.schema
      .createTable('approved_lines')
      .addColumn('report_id', 'text', (c) => c.notNull().references('approvals.report_id'))
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('budget_code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('funding_source', 'text')
      .addColumn('requested', 'bigint', (c) => c.notNull())
      .addColumn('approved', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('approved_lines_pk', ['report_id', 'line_id'])
      .execute();
    await db.schema
      .createTable('disbursements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('approvals.report_id'))
      .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('disbursed_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('disbursements_report').on('disbursements').columns(['report_id', 'line_id']).execute();
  },
};

/**
 * Indexes the national figures asked for (bench/, issue 8). Roll-ups by year, field and kind read
 * only the plan's leaf lines; covering them lets both databases scan a narrow index instead of
 * the wide budget_lines rows (SQLite, 490k lines: 1.0 s → 0.5 s of CPU). Users by unit: the
 * chairman of a unit is looked up by unit, and units.id is referenced without an index.
 */
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('budget_lines_rollup').on('budget_lines').columns(['part', 'is_leaf', 'report_id', 'field', 'kind', 'amount']).execute();
    await db.schema.createIndex('users_unit').on('users').column('unit_id').execute();
  },
};

/**
 * The version a restore copied (issue 14): "Khôi phục phiên bản 3" is a new version whose body is
 * version 3's; the history names it so. Null for every other action.
 */
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('report_versions').addColumn('source_version', 'integer').execute();
  },
};

/**
 * Sign-in throttling (issue 13, points 5 and 8), shared by every app process through the database.
 * `login_attempts`: consecutive failed sign-ins per username *string* — existing or not, so an
 * unknown name is throttled exactly like a real one — keyed by a SHA-256 of the name (fixed
 * size, and no attacker-chosen text stored); pruned by age and count (services/login-throttle.ts).
 * `login_devices`: browsers where a user has signed in before; they skip the per-name delay, so
 * a stranger's wrong guesses cannot keep the owner out. The per-user columns they replace go.
 */
const m005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('blocked_until', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_updated').on('login_attempts').column('updated_at').execute();
    await db.schema
      .createTable('login_devices')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_devices_user').on('login_devices').columns(['user_id', 'last_used_at']).execute();
    await db.schema.alterTable('users').dropColumn('failed_logins').execute();
    await db.schema.alterTable('users').dropColumn('locked_until').execute();
  },
};

/**
 * 006: approvals and disbursements are corrected by new records, never edited in place (issue 14).
 * Every approval is a sequence of versions: approval_versions holds each version's decision and
 * totals (v1 the original decision, later ones an admin's correction with its reason, and the
 * reason given for lines approved above their request), approval_lines its approved amount per
 * line. approvals keeps one row per approved report (its scope and who first approved it) and
 * `version`, the latest version, which disbursement, consolidation and dashboards read. The
 * decision columns move off approvals and approved_lines becomes approval_lines (version 1),
 * so no figure is held in two places. A disbursement correction is a new row that `corrects`
 * the one it replaces (unique: a record is replaced once); totals skip replaced rows.
 */
const m006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('approval_versions')
      .addColumn('report_id', 'text', (c) => c.notNull().references('approvals.report_id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('decision_number', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('report_version', 'integer', (c) => c.notNull())
      .addColumn('requested_total', 'bigint', (c) => c.notNull())
      .addColumn('approved_total', 'bigint', (c) => c.notNull())
      .addColumn('above_request_reason', 'text')
      .addColumn('correction_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addPrimaryKeyConstraint('approval_versions_pk', ['report_id', 'version'])
      .execute();
    await db.schema
      .createTable('approval_lines')
      .addColumn('report_id', 'text', (c) => c.notNull().references('approvals.report_id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('budget_code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('funding_source', 'text')
      .addColumn('requested', 'bigint', (c) => c.notNull())
      .addColumn('approved', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('approval_lines_pk', ['report_id', 'version', 'line_id'])
      .execute();
    await sql`insert into approval_versions (report_id, version, decision_number, decision_date, report_version, requested_total, approved_total, above_request_reason, correction_reason, created_at, created_by)
      select report_id, 1, decision_number, decision_date, report_version, requested_total, approved_total, null, null, created_at, created_by from approvals`.execute(db);
    await sql`insert into approval_lines (report_id, version, line_id, position, field, budget_code, kind, title, funding_source, requested, approved)
      select report_id, 1, line_id, position, field, budget_code, kind, title, funding_source, requested, approved from approved_lines`.execute(db);
    await db.schema.dropTable('approved_lines').execute();
    await db.schema.alterTable('approvals').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    // One statement per column: SQLite alters one column at a time.
    for (const column of ['decision_number', 'decision_date', 'report_version', 'requested_total', 'approved_total']) {
      await db.schema.alterTable('approvals').dropColumn(column).execute();
    }
    await db.schema.alterTable('disbursements').addColumn('corrects', 'text').execute();
    await db.schema.alterTable('disbursements').addColumn('correction_reason', 'text').execute();
    await db.schema.createIndex('disbursements_corrects').on('disbursements').column('corrects').unique().execute();
  },
};

/**
 * The per-address sign-in limit's counting windows (server/rate-limit-store.ts), in the database
 * like the per-name counters: kept in each process, `--workers N` gave a client N times the limit.
 */
const m007: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_windows')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_windows_start').on('rate_windows').column('window_start').execute();
  },
};

/** The hash the first audit entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_approval_execution': m002,
  '003_national_indexes': m003,
  '004_version_source': m004,
  '005_login_throttle': m005,
  '006_approval_versions': m006,
  '007_rate_windows': m007,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
