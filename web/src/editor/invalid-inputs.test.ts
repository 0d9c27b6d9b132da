// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { Report } from '../../../src/domain/report-schema.ts';
import { invalidFindings, invalidTarget, lineKey, loadInvalid, saveInvalid, type InvalidInput } from './invalid-inputs.ts';

const seed = Report.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../examples/kien-thuy-2026.json'), 'utf8')));
const line12 = seed.plan.budget[0]!.children[1]!;

const entry = (over: Partial<InvalidInput>): InvalidInput => ({
  key: lineKey(line12.id),
  text: '12.5',
  message: '"12.5" không rõ dấu chấm là phân nhóm nghìn hay dấu thập phân.',
  code: 'NUMBER_AMBIGUOUS',
  label: 'Dự toán chi tiết năm 2027, số tiền dòng 1.2',
  base: 50_000_000,
  mode: 'millions',
  ...over,
});

describe('figures that do not read', () => {
  beforeEach(() => localStorage.clear());

  it('finds a budget line by id wherever it moved, and any other figure by its path', () => {
    expect(invalidTarget(seed, lineKey(line12.id))).toEqual({ path: 'plan.budget[0].children[1].amount', value: 50_000_000 });
    expect(invalidTarget(seed, 'implementation.dossiers.total')).toEqual({ path: 'implementation.dossiers.total', value: 6797 });
    expect(invalidTarget(seed, lineKey('no-such-line'))).toBeUndefined();
  });

  it('is an error finding at the field, saying what was typed and what the report keeps', () => {
    const found = invalidFindings({ [lineKey(line12.id)]: entry({}) }, seed);
    expect(found).toEqual([{
      code: 'INPUT_INVALID',
      severity: 'error',
      message: 'Dự toán chi tiết năm 2027, số tiền dòng 1.2: “12.5” chưa đọc được thành số nên chưa được lưu (báo cáo vẫn giữ 50 triệu đồng). "12.5" không rõ dấu chấm là phân nhóm nghìn hay dấu thập phân.',
      path: 'plan.budget[0].children[1].amount',
      actual: '12.5',
    }]);
    const count = entry({ key: 'implementation.dossiers.total', text: '6.796.5', label: 'Tổng số hồ sơ tiếp nhận', base: 6797, mode: 'count' });
    expect(invalidFindings({ [count.key]: count }, seed)[0]!.message).toContain('Tổng số hồ sơ tiếp nhận: “6.796.5” chưa đọc được thành số nên chưa được lưu (báo cáo vẫn giữ 6.797).');
  });

  it('comes back after a reload only where the report still holds the value it was typed over', () => {
    const kept = entry({});
    const stale = entry({ key: 'implementation.dossiers.total', text: '6.796.5', base: 6796, mode: 'count' });
    saveInvalid(localStorage, 'r1', { [kept.key]: kept, [stale.key]: stale });
    expect(Object.keys(loadInvalid(localStorage, 'r1', seed))).toEqual([kept.key]);
    expect(loadInvalid(localStorage, 'r2', seed)).toEqual({});
    saveInvalid(localStorage, 'r1', {});
    expect(localStorage.getItem('khcn:invalid:r1')).toBeNull();
  });
});
