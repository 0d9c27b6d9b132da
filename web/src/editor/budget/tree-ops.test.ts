import { describe, expect, it } from 'vitest';
import { linesTotal } from '../../../../src/domain/budget.ts';
import type { BudgetLine } from '../../../../src/domain/report-schema.ts';
import { addAfter, addChild, blankLine, dropStaleStated, indentLine, moveLine, outdentLine, removeLine, updateLine } from './tree-ops.ts';

const leaf = (id: string, amount: number, over: Partial<BudgetLine> = {}): BudgetLine => ({ id, title: id, kind: 'recurrent', amount, children: [], ...over });
const group = (id: string, children: BudgetLine[], over: Partial<BudgetLine> = {}): BudgetLine => ({ id, title: id, kind: 'recurrent', amount: 0, children, ...over });
const shape = (lines: BudgetLine[]): unknown => lines.map((l) => (l.children.length ? { [l.id]: shape(l.children) } : l.id));

const tree = () => [group('A', [leaf('a1', 10), leaf('a2', 20)]), group('B', [leaf('b1', 5)])];

describe('budget tree edits', () => {
  it('adds a line after another at the same level, or at the end', () => {
    expect(shape(addAfter(tree(), 'a1', leaf('n', 0)))).toEqual([{ A: ['a1', 'n', 'a2'] }, { B: ['b1'] }]);
    expect(shape(addAfter(tree(), undefined, leaf('n', 0)))).toEqual([{ A: ['a1', 'a2'] }, { B: ['b1'] }, 'n']);
  });

  it('adds a child; a leaf that becomes a group hands its amount down so totals stay', () => {
    const next = addChild(tree(), 'b1', blankLine({ id: 'c' }));
    expect(shape(next)).toEqual([{ A: ['a1', 'a2'] }, { B: [{ b1: ['c'] }] }]);
    expect(linesTotal(next)).toBe(35);
  });

  it('indents under the line above and outdents after the parent', () => {
    const indented = indentLine(tree(), 'B');
    expect(shape(indented)).toEqual([{ A: ['a1', 'a2', { B: ['b1'] }] }]);
    expect(indentLine(tree(), 'A')).toEqual(tree());
    expect(shape(outdentLine(tree(), 'a1'))).toEqual([{ A: ['a2'] }, 'a1', { B: ['b1'] }]);
    expect(outdentLine(tree(), 'A')).toEqual(tree());
  });

  it('keeps the total when indenting under a leaf with an amount', () => {
    const lines = [leaf('x', 100), leaf('y', 50)];
    const next = indentLine(lines, 'y');
    expect(next).toHaveLength(1);
    expect(linesTotal(next)).toBe(150);
  });

  it('moves within siblings and refuses to move past the ends', () => {
    expect(shape(moveLine(tree(), 'a2', -1))).toEqual([{ A: ['a2', 'a1'] }, { B: ['b1'] }]);
    const t = tree();
    expect(moveLine(t, 'a1', -1)).toBe(t);
    expect(moveLine(t, 'B', 1)).toBe(t);
  });

  it('removes and patches without touching the input', () => {
    const t = tree();
    expect(shape(removeLine(t, 'a1'))).toEqual([{ A: ['a2'] }, { B: ['b1'] }]);
    const patched = updateLine(t, 'b1', { amount: 7 });
    expect(linesTotal(patched)).toBe(37);
    expect(linesTotal(t)).toBe(35);
    expect(patched[0]).toBe(t[0]);
  });

  it('drops stated totals only when the figures they summarised changed', () => {
    const before = [group('A', [leaf('a1', 10)], { statedAmount: 10 }), group('B', [leaf('b1', 5)], { statedAmount: 6 })];
    const stated = { total: 16, totalWords: 'Mười sáu đồng' };
    const retitled = dropStaleStated(before, updateLine(before, 'a1', { title: 'x' }), stated);
    expect(retitled.lines[0]?.statedAmount).toBe(10);
    expect(retitled.stated).toBe(stated);
    const changed = dropStaleStated(before, updateLine(before, 'a1', { amount: 11 }), stated);
    expect(changed.lines[0]?.statedAmount).toBeUndefined();
    expect(changed.lines[1]?.statedAmount).toBe(6);
    expect(changed.stated).toEqual({});
  });
});
