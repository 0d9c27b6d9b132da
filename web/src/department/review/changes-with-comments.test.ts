import { describe, expect, it } from 'vitest';
import type { Change, CommentItem } from '../../api/types.ts';
import { changesWithComments } from './changes-with-comments.ts';

const comment = (id: string, path: string, lineId: string | null = null): CommentItem => ({ id, version: 3, path, lineId, body: `Góp ý ${id}`, authorName: 'Lê Văn Sở', createdAt: `2026-08-0${id.length}T08:00:00Z` });
const change = (path: string): Change => ({ path, label: path, kind: 'changed', before: 1, after: 2 });

describe('changesWithComments', () => {
  it('puts a line comment beside its line’s first change and a section comment beside its section’s', () => {
    const changes = [change('implementation.dossiers.total'), change('implementation.dossiers.online'), change('plan.budget#p-2-1.amount'), change('plan.budget#p-2-1.note'), change('plan.budget#p-3-3')];
    const comments = [comment('a', 'implementation.dossiers'), comment('b', 'plan.budget', 'p-2-1'), comment('c', 'plan.budget', 'p-3-3'), comment('dd', 'plan.budget', 'p-1-1'), comment('eee', 'plan.objectives')];
    const { rows, unanswered } = changesWithComments(changes, comments);
    expect(rows.map((r) => r.comments.map((c) => c.id))).toEqual([['a'], [], ['b'], [], ['c']]);
    expect(unanswered.map((c) => c.id)).toEqual(['dd', 'eee']);
  });

  it('does not take a line id that merely starts like another (p-2-1 is not p-2-10)', () => {
    const { rows, unanswered } = changesWithComments([change('plan.budget#p-2-10.amount')], [comment('b', 'plan.budget', 'p-2-1')]);
    expect(rows[0]!.comments).toEqual([]);
    expect(unanswered.map((c) => c.id)).toEqual(['b']);
  });

  it('gives a section-wide budget comment to the first changed line when no line comment claimed it', () => {
    const { rows } = changesWithComments([change('plan.budget#p-2-1.amount')], [comment('s', 'plan.budget')]);
    expect(rows[0]!.comments.map((c) => c.id)).toEqual(['s']);
  });
});
