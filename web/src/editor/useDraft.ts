import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../src/domain/report-schema.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ReportEnvelope, ReportMeta } from '../api/types.ts';
import { browserStorage, clearUnsaved, pendingCopy, writeUnsaved, type UnsavedCopy } from './unsaved-copy.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export const AUTOSAVE_DELAY_MS = 1500;

export interface Draft {
  report: Report;
  meta: ReportMeta;
  state: SaveState;
  error: string | undefined;
  /** The server's copy when a save hit 409; what the user typed stays in `report`. */
  conflict: ReportEnvelope | undefined;
  update(change: (r: Report) => Report): void;
  /** Replaces the whole draft (import) and saves at once, recorded as "Nhập từ tệp". */
  replace(report: Report): Promise<boolean>;
  /**
   * Saves what is pending, then makes version `source` the newest version (a restore on the
   * server, guarded by If-Match); resolves to the new version number. Throws the API error.
   */
  restoreVersion(source: number): Promise<number>;
  /** Saves now; true when everything typed is on the server. */
  flush(): Promise<boolean>;
  keepMine(): Promise<boolean>;
  takeServer(): void;
  setMeta(meta: ReportMeta): void;
  /** The version the server has of what is on screen (after a flush: the one to submit). */
  currentVersion(): number;
  /** Shows the server's newer copy; false (and nothing replaced) while edits are unsaved. */
  showServer(envelope: ReportEnvelope): boolean;
  /** Edits kept in this browser that the server did not receive (offered back after a reload). */
  recovery: UnsavedCopy | undefined;
  /** Puts the local copy back and saves it (a conflict if the server moved on meanwhile). */
  restore(): Promise<boolean>;
  discardRecovery(): void;
}

/**
 * The report being edited: local state, debounced autosave with If-Match, and conflict handling
 * that never discards what the user typed. A save in flight is never doubled; keystrokes made
 * while it runs are saved right after it.
 */
export function useDraft(id: string, initial: ReportEnvelope): Draft {
  const [report, setReport] = useState(initial.report);
  const [meta, setMetaState] = useState(initial.meta);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<ReportEnvelope>();

  const latest = useRef(initial.report);
  const saved = useRef(initial.report);
  const version = useRef(initial.meta.version);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const inConflict = useRef(false);
  /** How the next save is recorded: an import is named as such in the history, once. */
  const nextAction = useRef<'save' | 'import'>('save');
  const [recovery, setRecovery] = useState<UnsavedCopy | undefined>(() =>
    pendingCopy(browserStorage(), id, { report: initial.report, version: initial.meta.version }));
  /** Keeps the local copy in step: written while something is unsaved, removed once all is saved. */
  const syncCopy = useCallback(() => {
    if (latest.current === saved.current) clearUnsaved(browserStorage(), id);
    else writeUnsaved(browserStorage(), id, version.current, latest.current);
  }, [id]);

  const setMeta = useCallback((m: ReportMeta) => {
    version.current = m.version;
    setMetaState(m);
  }, []);

  const saveWith = useCallback(async (keepalive: boolean): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inConflict.current) return false;
    if (inFlight.current) {
      await inFlight.current;
      return saveWith(keepalive);
    }
    if (latest.current === saved.current) {
      setState('saved');
      return true;
    }
    const sending = latest.current;
    const action = nextAction.current;
    nextAction.current = 'save';
    setState('saving');
    const run = (async () => {
      try {
        const env = await endpoints.save(id, sending, version.current, keepalive, action);
        saved.current = sending;
        setMeta(env.meta);
        syncCopy();
        setError(undefined);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          const current = e.detail<ReportEnvelope>('current') ?? (await endpoints.report(id));
          inConflict.current = true;
          setConflict(current);
          setState('conflict');
        } else {
          // Not sent: the retry of an import is still recorded as the import.
          if (latest.current === sending) nextAction.current = action;
          setError(errorMessage(e));
          setState('error');
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = undefined;
    if (!ok) return false;
    if (latest.current !== saved.current) return saveWith(false);
    setState('saved');
    return true;
  }, [id, setMeta, syncCopy]);
  const save = useCallback(() => saveWith(false), [saveWith]);

  const update = useCallback(
    (change: (r: Report) => Report) => {
      const next = change(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      setReport(next);
      syncCopy();
      if (inConflict.current) return;
      setState((s) => (s === 'saving' ? s : 'dirty'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save, syncCopy],
  );

  const replace = useCallback(
    async (next: Report) => {
      latest.current = next;
      setReport(next);
      nextAction.current = 'import';
      return save();
    },
    [save],
  );

  const restoreVersion = useCallback(
    async (source: number) => {
      if (!(await save())) throw new Error('Chưa lưu được nội dung đang sửa nên chưa khôi phục; hãy thử lại.');
      const env = await endpoints.restoreVersion(id, source, version.current);
      latest.current = env.report;
      saved.current = env.report;
      setReport(env.report);
      setMeta(env.meta);
      syncCopy();
      setState('saved');
      return env.meta.version;
    },
    [id, save, setMeta, syncCopy],
  );

  const keepMine = useCallback(async () => {
    if (!conflict) return save();
    version.current = conflict.meta.version;
    inConflict.current = false;
    setConflict(undefined);
    saved.current = conflict.report;
    return save();
  }, [conflict, save]);

  const takeServer = useCallback(() => {
    if (!conflict) return;
    inConflict.current = false;
    latest.current = conflict.report;
    saved.current = conflict.report;
    setReport(conflict.report);
    setMeta(conflict.meta);
    setConflict(undefined);
    setState('saved');
    clearUnsaved(browserStorage(), id);
  }, [conflict, setMeta, id]);

  const currentVersion = useCallback(() => version.current, []);

  const showServer = useCallback((env: ReportEnvelope) => {
    if (latest.current !== saved.current || inConflict.current) return false;
    latest.current = env.report;
    saved.current = env.report;
    setReport(env.report);
    setMeta(env.meta);
    setState('saved');
    return true;
  }, [setMeta]);

  const restore = useCallback(async () => {
    if (!recovery) return true;
    setRecovery(undefined);
    latest.current = recovery.report;
    setReport(recovery.report);
    // Saved against the version it was typed on: if the server moved on, the usual conflict.
    version.current = recovery.baseVersion;
    return save();
  }, [recovery, save]);

  const discardRecovery = useCallback(() => {
    setRecovery(undefined);
    if (latest.current === saved.current) clearUnsaved(browserStorage(), id);
  }, [id]);

  const saveRef = useRef(save);
  saveRef.current = save;
  const saveWithRef = useRef(saveWith);
  saveWithRef.current = saveWith;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    // Reload, close or switching away: send what is pending now, the debounce would be too late.
    // The request leaves synchronously and is kept alive past the page; a save already in flight
    // is not doubled (the local copy covers what it misses).
    const leave = () => {
      if (latest.current === saved.current || inConflict.current || inFlight.current) return;
      void saveWithRef.current(true);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the editor saves what is pending instead of dropping it.
      if (latest.current !== saved.current && !inConflict.current) void saveRef.current();
    };
  }, []);

  return { report, meta, state, error, conflict, update, replace, restoreVersion, flush: save, keepMine, takeServer, setMeta, currentVersion, showServer, recovery, restore, discardRecovery };
}
