/** Who is acting: every service call carries one, and every query is scoped by it. */
export const ROLES = ['commune_officer', 'commune_chairman', 'dept_reviewer', 'dept_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  commune_officer: 'Cán bộ đầu mối (xã)',
  commune_chairman: 'Chủ tịch UBND (xã)',
  dept_reviewer: 'Chuyên viên Sở KH&CN',
  dept_admin: 'Quản trị Sở KH&CN',
};

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  provinceId: string;
  /** The commune of a commune user; null for Department users. */
  unitId: string | null;
}

export const isCommuneRole = (role: Role): boolean => role === 'commune_officer' || role === 'commune_chairman';
export const isDepartmentRole = (role: Role): boolean => role === 'dept_reviewer' || role === 'dept_admin';

/** The system itself (seeding, migrations): audited under this name. */
export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  username: 'system',
  fullName: 'Hệ thống',
  role: 'dept_admin',
  provinceId: '*',
  unitId: null,
};
