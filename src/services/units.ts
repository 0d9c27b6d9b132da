import { compareVietnamese, searchKey } from '../domain/text.ts';
import type { RegisterUnit } from '../domain/unit-identity.ts';
import type { Store } from '../store/db.ts';
import { isCommuneRole, type Actor } from './actor.ts';

export interface UnitItem {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  provinceName: string;
  reportId: string | null;
  reportStatus: string | null;
}

/** Units the actor may see: a commune user sees their own; the Department its province's. */
export async function listUnits(store: Store, actor: Actor, q?: string): Promise<UnitItem[]> {
  const latestCycle = await store.db.selectFrom('cycles').select('id').where('province_id', '=', actor.provinceId).orderBy('plan_year', 'desc').limit(1).executeTakeFirst();
  let query = store.db
    .selectFrom('units')
    .innerJoin('provinces', 'provinces.id', 'units.province_id')
    .leftJoin('reports', (j) => j.onRef('reports.unit_id', '=', 'units.id').on('reports.cycle_id', '=', latestCycle?.id ?? ''))
    .select(['units.id', 'units.code', 'units.name', 'units.kind', 'provinces.name as provinceName', 'reports.id as reportId', 'reports.status as reportStatus'])
    .where('units.province_id', '=', actor.provinceId);
  if (isCommuneRole(actor.role)) query = query.where('units.id', '=', actor.unitId ?? '');
  const words = q ? searchKey(q).split(' ').filter(Boolean).slice(0, 8) : [];
  for (const w of words) query = query.where('units.search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  // Sorted here, not in SQL: database collations do not know the Vietnamese alphabet.
  const units = await query.execute();
  return units.sort((a, b) => compareVietnamese(a.kind, b.kind) || compareVietnamese(a.name, b.name));
}

/** The register's entry for a commune user's own unit (undefined for Department users). */
export async function ownRegisterUnit(store: Store, actor: Actor): Promise<RegisterUnit | undefined> {
  if (!isCommuneRole(actor.role) || !actor.unitId) return undefined;
  return store.db
    .selectFrom('units')
    .innerJoin('provinces', 'provinces.id', 'units.province_id')
    .select(['units.name', 'units.kind', 'units.code', 'provinces.name as province', 'provinces.code as provinceCode'])
    .where('units.id', '=', actor.unitId)
    .executeTakeFirst();
}
