import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store } from '../src/store/db.ts';
import { compare, ratioFigure, type BenchContext, type Figure } from './lib.ts';

/**
 * The national dashboard aggregate: approved-path budget by plan year, field and kind over five
 * years of every commune, from the flattened budget_lines. Written with Kysely like the services
 * are; the Department's dashboard service (src/services/dashboard.ts, in progress) is per province
 * and was not merged when this bench was written.
 */
export function nationalAggregate(store: Store) {
  return store.db
    .selectFrom('budget_lines')
    .innerJoin('reports', 'reports.id', 'budget_lines.report_id')
    .innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
    .select((eb) => ['cycles.plan_year', 'budget_lines.field', 'budget_lines.kind', eb.fn.sum<number>('budget_lines.amount').as('total'), eb.fn.count<number>('budget_lines.report_id').distinct().as('reports')])
    .where('budget_lines.part', '=', 'plan')
    .where('budget_lines.is_leaf', '=', 1)
    .where('reports.status', 'in', ['submitted', 'accepted', 'approved'])
    .groupBy(['cycles.plan_year', 'budget_lines.field', 'budget_lines.kind'])
    .orderBy('cycles.plan_year')
    .orderBy('budget_lines.field')
    .orderBy('budget_lines.kind');
}

export async function dashboardFigure(ctx: BenchContext, db: string, label: string): Promise<Figure> {
  const store = await openStore(db);
  const query = nationalAggregate(store);
  const { sql, parameters } = query.compile();
  const params = [...parameters];
  let raw: () => Promise<unknown>;
  let close: () => Promise<void>;
  if (store.kind === 'sqlite') {
    const conn = new BetterSqlite3(db, { readonly: true });
    const stmt = conn.prepare(sql);
    raw = async () => stmt.all(...params);
    close = async () => void conn.close();
  } else {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    raw = () => client.query(sql, params);
    close = () => client.end();
  }
  try {
    const rows = await query.execute();
    if (rows.length === 0) throw new Error('the aggregate is empty: no national data?');
    // A second or so per run: a few runs each, interleaved, are enough for a median.
    const r = await compare(ctx, () => query.execute(), raw, 15_000, ctx.quick ? 3 : 7);
    return ratioFigure(`dashboard aggregate, national, 5 years (${label})`, 'ms', r.subject, r.baseline, { max: 1.5 }, `${rows.length} groups; baseline: the same SQL through ${store.kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`);
  } finally {
    await close();
    await store.close();
  }
}
