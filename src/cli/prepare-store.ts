import { isEmpty, seedDemo } from '../demo/seed-demo.ts';
import { migrate, openStore, resolveDbTarget, type Store } from '../store/db.ts';

/**
 * Opens the database named by --db / DATABASE_URL / the default file, applies migrations and,
 * on an empty database when demo data is wanted, loads it. Returns whether demo data is there.
 */
export async function prepareStore(target: string | undefined, options: { demo: boolean; log?: (s: string) => void }): Promise<{ store: Store; demo: boolean }> {
  const store = await openStore(resolveDbTarget(target));
  try {
    const applied = await migrate(store);
    if (applied.length) options.log?.(`Đã nâng cấp CSDL: ${applied.join(', ')}`);
    const empty = await isEmpty(store);
    if (empty && options.demo) {
      options.log?.('CSDL trống: đang nạp dữ liệu mẫu (Hải Phòng, 114 đơn vị, báo cáo Kiến Thụy)…');
      await seedDemo(store);
    }
    const demo = !empty || options.demo ? await hasDemoCycle(store) : false;
    return { store, demo };
  } catch (e) {
    await store.close();
    throw e;
  }
}

async function hasDemoCycle(store: Store): Promise<boolean> {
  return (await store.db.selectFrom('cycles').select('id').where('demo', '=', 1).limit(1).executeTakeFirst()) !== undefined;
}
