import { describe, expect, it } from 'vitest';
import { matchRoute } from '../app/router.ts';
import { DEPT, matchDeptPath } from './paths.ts';

describe('routes of the cycles and disbursement screens', () => {
  it('maps the Department paths', () => {
    expect(matchDeptPath(DEPT.cycles)).toEqual({ name: 'cycles' });
    expect(matchDeptPath(DEPT.execution)).toEqual({ name: 'execution' });
    expect(matchDeptPath(DEPT.review('r 1'))).toEqual({ name: 'review', id: 'r 1' });
    expect(matchDeptPath('/so/ky-bao-cao/x')).toEqual({ name: 'unknown' });
  });

  it('maps the commune disbursement paths, with and without a report', () => {
    expect(matchRoute('/giai-ngan')).toEqual({ name: 'disbursement' });
    expect(matchRoute('/giai-ngan/')).toEqual({ name: 'disbursement' });
    expect(matchRoute('/giai-ngan/abc%2F1')).toEqual({ name: 'disbursement', id: 'abc/1' });
    expect(matchRoute('/giai-ngan/a/b')).toEqual({ name: 'notFound' });
  });
});
