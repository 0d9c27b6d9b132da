import data from '../../data/vn-units-2026.json' with { type: 'json' };
import { indexRegister, type UnitRegister } from './unit-register.ts';

/**
 * The national register (data/vn-units-2026.json: 34 provinces, 3.321 units with official codes),
 * indexed on first use and then shared. Kept apart from unit-register.ts so that code needing
 * only name matching (the web) does not carry the 180 KB of data.
 */
let register: UnitRegister | undefined;

export const nationalRegister = (): UnitRegister => (register ??= indexRegister(data));
