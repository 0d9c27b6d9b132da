import type { Change, CommentItem } from '../../api/types.ts';

export interface ChangeWithComments {
  change: Change;
  /** The Department's comments about this change's line or section (each comment beside one change only). */
  comments: CommentItem[];
}

/** Whether a comment (on a section, or on one budget line of it) is about the place `path` changed. */
function isAbout(c: CommentItem, path: string): boolean {
  if (c.lineId) return path === `${c.path}#${c.lineId}` || path.startsWith(`${c.path}#${c.lineId}.`);
  return path === c.path || path.startsWith(`${c.path}.`) || path.startsWith(`${c.path}[`) || path.startsWith(`${c.path}#`);
}

/**
 * The changes since a return, each with the comments that asked for it beside it, and the comments
 * nothing changed for (the commune left them unanswered, or answered elsewhere). A line comment
 * goes beside the first change of its line; a section comment beside the first change in the
 * section — so a comment shows once, where the reviewer looks for its answer.
 */
export function changesWithComments(changes: readonly Change[], comments: readonly CommentItem[]): { rows: ChangeWithComments[]; unanswered: CommentItem[] } {
  const rows = changes.map((change) => ({ change, comments: [] as CommentItem[] }));
  const unanswered: CommentItem[] = [];
  // Line comments first: a line's own comment wins over its section's for the same change.
  const ordered = [...comments].sort((a, b) => Number(!a.lineId) - Number(!b.lineId));
  for (const c of ordered) {
    const row = rows.find((r) => isAbout(c, r.change.path));
    if (row) row.comments.push(c);
    else unanswered.push(c);
  }
  unanswered.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { rows, unanswered };
}
