import { describe, expect, it } from 'vitest';
import { readDossierTable } from '../../src/documents/import/dossier-table.ts';
import { classifyTable } from '../../src/documents/import/tables.ts';
import { tableOf, type CellSpec } from './table-builder.ts';

function read(rows: CellSpec[][]) {
  const table = tableOf(rows);
  const c = classifyTable(table);
  expect(c.kind).toBe('dossier');
  return readDossierTable(table, c.grid, 0);
}

describe('a dossier-figures table', () => {
  it('reads labels down the first column, with a count column and a rate column', () => {
    const got = read([
      ['STT', 'Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ (%)'],
      ['1', 'Tổng số hồ sơ đã tiếp nhận', '6.797', ''],
      ['', 'Kỳ trước chuyển sang', '188', ''],
      ['', 'Tiếp nhận mới trong kỳ', '6.609', ''],
      ['2', 'Tiếp nhận trực tuyến', '6.608', '99,98'],
      ['3', 'Tiếp nhận trực tiếp', '1', ''],
      ['4', 'Giải quyết đúng hạn và trước hạn', '6.790', '99,90'],
      ['5', 'Giải quyết quá hạn', '7', ''],
      ['6', 'Đang giải quyết trong hạn', '0', ''],
      ['7', 'Tỷ lệ số hóa hồ sơ', '', '95,5'],
      ['8', 'Thanh toán trực tuyến', '', '80'],
    ]);
    expect(got.dossiers).toEqual({
      total: 6797, carriedOver: 188, receivedInPeriod: 6609, online: 6608, statedOnlineRate: 99.98, direct: 1,
      resolvedOnTime: 6790, statedOnTimeRate: 99.9, resolvedLate: 7, pendingOnTime: 0, digitizationRate: 95.5, onlinePaymentRate: 80,
    });
    // Lines: header 1–4; row 1: 5–7; row 2: 8–9; row 3: 10–11; row 4: "2" 12, label 13, figure 14.
    expect(got.refs.online).toEqual({ table: 0, row: 4, col: 2, line: 14 });
    expect(got.warnings).toEqual([]);
  });

  it('is not taken for a budget table, and a budget table mentioning "trực tuyến" is not a dossier table', () => {
    expect(classifyTable(tableOf([
      ['STT', 'Nội dung', 'Kinh phí (triệu đồng)'],
      ['1', 'Hệ thống hội nghị trực tuyến', '150'],
      ['2', 'Số hóa hồ sơ lưu trữ', '100'],
      ['3', 'Tập huấn tiếp nhận hồ sơ trực tiếp', '20'],
    ])).kind).toBe('budget');
  });

  it('reads a count with its rate in one cell ("6.608 (99,98%)", "6.790 hồ sơ, đạt 99,90%") and a rate alone ("99,98%")', () => {
    const got = read([
      ['Nội dung', 'Kết quả'],
      ['Tổng số hồ sơ tiếp nhận', '6.797 hồ sơ'],
      ['Tiếp nhận trực tuyến', '6.608 (99,98%)'],
      ['Giải quyết đúng hạn', '6.790 hồ sơ, đạt 99,90%'],
      ['Giải quyết quá hạn', '7'],
      ['Tỷ lệ số hóa hồ sơ', '95,5%'],
    ]);
    expect(got.dossiers).toEqual({ total: 6797, online: 6608, statedOnlineRate: 99.98, resolvedOnTime: 6790, statedOnTimeRate: 99.9, resolvedLate: 7, digitizationRate: 95.5 });
  });
});
