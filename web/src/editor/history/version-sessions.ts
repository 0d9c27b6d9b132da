import type { VersionItem } from '../../api/types.ts';

/**
 * Autosaves of one person within this many minutes of their previous save are one editing
 * session in the history. Every version is still kept (versions are immutable and audited);
 * the history only shows them together, one row per session, opened on demand.
 */
export const SESSION_GAP_MINUTES = 10;

export interface VersionSession {
  /** The newest version of the session (the row's key and the version one restores or compares). */
  last: VersionItem;
  first: VersionItem;
  /** Newest first; one item for anything that is not an autosave. */
  versions: VersionItem[];
}

const isAutosave = (v: VersionItem) => v.action === 'save' || v.action === 'update';

/** Versions (any order) grouped into editing sessions, newest first. */
export function versionSessions(items: readonly VersionItem[], gapMinutes = SESSION_GAP_MINUTES): VersionSession[] {
  const sorted = [...items].sort((a, b) => a.version - b.version);
  const sessions: VersionItem[][] = [];
  for (const v of sorted) {
    const current = sessions.at(-1);
    const previous = current?.at(-1);
    const joins = current && previous && isAutosave(v) && isAutosave(previous) && (v.createdBy ?? null) === (previous.createdBy ?? null)
      && Date.parse(v.createdAt) - Date.parse(previous.createdAt) <= gapMinutes * 60_000;
    if (joins) current.push(v);
    else sessions.push([v]);
  }
  return sessions.reverse().map((s) => ({ first: s[0]!, last: s.at(-1)!, versions: [...s].reverse() }));
}

const ACTIONS: Record<string, string> = {
  create: 'Tạo mới',
  save: 'Lưu',
  update: 'Lưu',
  import: 'Nhập từ tệp',
  submit: 'Nộp',
  return: 'Trả lại',
  accept: 'Tiếp nhận',
  approve: 'Phê duyệt',
  seed: 'Dữ liệu mẫu',
};

/** What a version's action was, as people say it ("Khôi phục phiên bản 3"). */
export function actionLabel(v: Pick<VersionItem, 'action' | 'sourceVersion'>): string {
  if (v.action === 'restore') return v.sourceVersion ? `Khôi phục phiên bản ${v.sourceVersion}` : 'Khôi phục phiên bản cũ';
  return ACTIONS[v.action ?? ''] ?? 'Thao tác khác';
}
