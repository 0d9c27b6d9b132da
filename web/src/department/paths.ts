/** The Department's screens live under /so (Sở): queue, one review, the dashboard, cycles, disbursement. */
export const DEPT = {
  queue: '/so/tham-dinh',
  review: (id: string) => `/so/tham-dinh/${encodeURIComponent(id)}`,
  dashboard: '/so/tong-hop',
  cycles: '/so/ky-bao-cao',
  execution: '/so/giai-ngan',
};

export type DeptRoute = { name: 'queue' } | { name: 'review'; id: string } | { name: 'dashboard' } | { name: 'cycles' } | { name: 'execution' } | { name: 'unknown' };

export function matchDeptPath(path: string): DeptRoute {
  if (path === DEPT.queue) return { name: 'queue' };
  if (path === DEPT.dashboard) return { name: 'dashboard' };
  if (path === DEPT.cycles) return { name: 'cycles' };
  if (path === DEPT.execution) return { name: 'execution' };
  const m = /^\/so\/tham-dinh\/([^/]+)$/.exec(path);
  return m?.[1] ? { name: 'review', id: decodeURIComponent(m[1]) } : { name: 'unknown' };
}
