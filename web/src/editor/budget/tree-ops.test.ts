import { describe, expect, it } from 'vitest';
import { findLine, lineTotal, linesTotal } from '../../../../src/domain/budget.ts';
import type { BudgetLine } from '../../../../src/domain/report-schema.ts';
import { addAfter, addChild, blankLine, dropStaleStated, indentLine, indentSplits, lineAbove, moveLine, outdentLine, removeLine, updateLine } from './tree-ops.ts';

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

  it('indents a new line under a group by moving it: nothing is copied (QA: 1.6 duplicated)', () => {
    const lines = [group('1', [leaf('1.5', 30), leaf('1.6', 40), leaf('new', 0)])];
    const next = indentLine(lines, 'new');
    // 1.6 is a leaf with an amount: refused until the user agrees to split it.
    expect(next).toBe(lines);
    expect(indentSplits(lines, 'new')?.id).toBe('1.6');
    const under15 = [group('1', [group('1.5', [leaf('x', 1)]), leaf('new', 0)])];
    expect(shape(indentLine(under15, 'new'))).toEqual([{ 1: [{ '1.5': ['x', 'new'] }] }]);
    // Under a leaf without an amount, the leaf simply becomes the group.
    const blank = [leaf('t', 0), leaf('new', 5)];
    expect(indentSplits(blank, 'new')).toBeUndefined();
    expect(shape(indentLine(blank, 'new'))).toEqual([{ t: ['new'] }]);
    expect(linesTotal(indentLine(blank, 'new'))).toBe(5);
  });

  it('splits a leaf with an amount only when asked, keeps the total, and outdenting undoes it', () => {
    const lines = [group('1', [leaf('1.5', 30), leaf('1.6', 40, { statedAmount: 40 }), leaf('new', 7)])];
    const split = indentLine(lines, 'new', { split: true });
    const six = split[0]?.children[1] as BudgetLine;
    expect(six.id).toBe('1.6');
    expect(six.amount).toBe(0);
    expect(six.statedAmount).toBeUndefined();
    expect(six.children.map((c) => [c.title, c.amount])).toEqual([['1.6', 40], ['new', 7]]);
    expect(six.children[1]).toBe(lines[0]?.children[2]);
    expect(linesTotal(split)).toBe(linesTotal(lines));
    const back = outdentLine(split, 'new');
    expect(shape(back)).toEqual([{ 1: ['1.5', '1.6', 'new'] }]);
    expect(back[0]?.children[1]).toMatchObject({ id: '1.6', amount: 40, children: [] });
    expect(linesTotal(back)).toBe(linesTotal(lines));
  });

  it('never loses, duplicates or changes another line, whatever the edit (example budget)', () => {
    const ids = (ls: readonly BudgetLine[]): string[] => ls.flatMap((l) => [l.id, ...ids(l.children)]);
    const leaves = (ls: readonly BudgetLine[]): BudgetLine[] => ls.flatMap((l) => (l.children.length ? leaves(l.children) : [l]));
    const example = [
      group('1', [leaf('1.1', 100), group('1.2', [leaf('1.2.1', 20), leaf('1.2.2', 30)]), leaf('1.3', 0), leaf('1.4', 15)]),
      group('2', [leaf('2.1', 60)]),
      leaf('3', 12),
    ];
    const total = linesTotal(example);
    for (const id of ids(example)) {
      const edits = {
        indent: indentLine(example, id, { split: true }),
        outdent: outdentLine(example, id),
        up: moveLine(example, id, -1),
        down: moveLine(example, id, 1),
      };
      for (const [name, next] of Object.entries(edits)) {
        const after = ids(next);
        expect(new Set(after).size, `${name} ${id}: duplicate ids`).toBe(after.length);
        for (const other of ids(example)) expect(after, `${name} ${id} lost ${other}`).toContain(other);
        expect(after.length - ids(example).length, `${name} ${id}: extra lines`).toBeLessThanOrEqual(name === 'indent' ? 1 : 0);
        expect(linesTotal(next), `${name} ${id}: total`).toBe(total);
        const mine = leaves(example).filter((l) => l.id !== id);
        const split = name === 'indent' ? lineAbove(example, id)?.id : undefined;
        const moved = lineTotal(findLine(example, id) ?? leaf('none', 0));
        // Every other leaf keeps its amount (the leaf indented under also counts the moved line).
        for (const l of mine) expect(lineTotal(findLine(next, l.id) ?? leaf('gone', -1)), `${name} ${id}: amount of ${l.id}`).toBe(l.amount + (l.id === split ? moved : 0));
      }
      const removed = removeLine(example, id);
      expect(ids(removed)).not.toContain(id);
      expect(ids(removed).length).toBeLessThan(ids(example).length);
    }
    expect(linesTotal(removeLine(example, '1.2'))).toBe(total - 50);
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

  it('drops a group\'s stated total only when its figures changed, never the stated grand total', () => {
    const before = [group('A', [leaf('a1', 10)], { statedAmount: 10 }), group('B', [leaf('b1', 5)], { statedAmount: 6 })];
    const stated = { total: 16, totalWords: 'Mười sáu đồng' };
    const retitled = dropStaleStated(before, updateLine(before, 'a1', { title: 'x' }), stated);
    expect(retitled.lines[0]?.statedAmount).toBe(10);
    expect(retitled.stated).toBe(stated);
    const changed = dropStaleStated(before, updateLine(before, 'a1', { amount: 11 }), stated);
    expect(changed.lines[0]?.statedAmount).toBeUndefined();
    expect(changed.lines[1]?.statedAmount).toBe(6);
    // The grand total the document stated stays, with its finding, until the person drops it.
    expect(changed.stated).toBe(stated);
  });

  it('drops the amount in words the document wrote beside a line or group once its figure changed', () => {
    const before = [group('A', [leaf('a1', 10, { statedWords: 'Mười đồng' })], { statedAmount: 10, statedWords: 'Mười đồng' }), group('B', [leaf('b1', 5, { statedWords: 'Năm đồng' })])];
    const kept = dropStaleStated(before, updateLine(before, 'a1', { title: 'x' }), {});
    expect(kept.lines[0]?.statedWords).toBe('Mười đồng');
    expect(kept.lines[0]?.children[0]?.statedWords).toBe('Mười đồng');
    const changed = dropStaleStated(before, updateLine(before, 'a1', { amount: 11 }), {});
    expect(changed.lines[0]?.statedWords).toBeUndefined();
    expect(changed.lines[0]?.children[0]?.statedWords).toBeUndefined();
    expect(changed.lines[1]?.children[0]?.statedWords).toBe('Năm đồng');
  });
});
