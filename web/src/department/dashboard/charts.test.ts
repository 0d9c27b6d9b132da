import { describe, expect, it } from 'vitest';
import { axisNumber, topUnitsTitle, tooltipValue, valueAxis } from './charts.ts';

describe('dashboard chart formats', () => {
  it('writes axis ticks and tooltips the Vietnamese way', () => {
    expect(axisNumber(70_000)).toBe('70.000');
    expect(axisNumber(1_250)).toBe('1.250');
    expect(tooltipValue('money')(8212.5)).toBe('8.212,5');
    expect(tooltipValue('money')(70_000)).toBe('70.000');
    expect(tooltipValue('count')(1234)).toBe('1.234');
    expect(tooltipValue('count')(undefined)).toBe('—');
  });
});

describe('dashboard value axes', () => {
  it('step by whole numbers, and read 0 to 1 when every value is zero', () => {
    expect(valueAxis([{ data: [0, 0, 0] }, { data: [0] }])).toMatchObject({ minInterval: 1, min: 0, max: 1 });
    const some = valueAxis([{ data: [0, 3, 0] }]);
    expect(some.minInterval).toBe(1);
    expect(some).not.toHaveProperty('max');
    expect(some.axisLabel.formatter(2000)).toBe('2.000');
  });
});

describe('dashboard percentages', () => {
  it('always have two decimals so a column lines up', async () => {
    const { pct, rate } = await import('../format.ts');
    expect(pct(54, 1000)).toBe('5,40%');
    expect(pct(538, 10000)).toBe('5,38%');
    expect(rate(97.9)).toBe('97,90%');
    expect(pct(1, 0)).toBe('—');
  });
});

describe('dashboard ranking title', () => {
  it('counts the units shown, and no "0 đơn vị" when there is none to rank', () => {
    expect(topUnitsTitle(10)).toBe('10 đơn vị có dự toán lớn nhất (triệu đồng)');
    expect(topUnitsTitle(0)).toBe('Đơn vị có dự toán lớn nhất (triệu đồng)');
  });
});
