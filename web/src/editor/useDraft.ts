import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../src/domain/report-schema.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ReportEnvelope, ReportMeta } from '../api/types.ts';

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
  /** Replaces the whole draft (import) and saves at once. */
  replace(report: Report): Promise<boolean>;
  /** Saves now; true when everything typed is on the server. */
  flush(): Promise<boolean>;
  keepMine(): Promise<boolean>;
  takeServer(): void;
  setMeta(meta: ReportMeta): void;
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

  const setMeta = useCallback((m: ReportMeta) => {
    version.current = m.version;
    setMetaState(m);
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inConflict.current) return false;
    if (inFlight.current) {
      await inFlight.current;
      return save();
    }
    if (latest.current === saved.current) {
      setState('saved');
      return true;
    }
    const sending = latest.current;
    setState('saving');
    const run = (async () => {
      try {
        const env = await endpoints.save(id, sending, version.current);
        saved.current = sending;
        setMeta(env.meta);
        setError(undefined);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          const current = e.detail<ReportEnvelope>('current') ?? (await endpoints.report(id));
          inConflict.current = true;
          setConflict(current);
          setState('conflict');
        } else {
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
    if (latest.current !== saved.current) return save();
    setState('saved');
    return true;
  }, [id, setMeta]);

  const update = useCallback(
    (change: (r: Report) => Report) => {
      const next = change(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      setReport(next);
      if (inConflict.current) return;
      setState((s) => (s === 'saving' ? s : 'dirty'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  const replace = useCallback(
    async (next: Report) => {
      latest.current = next;
      setReport(next);
      return save();
    },
    [save],
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
  }, [conflict, setMeta]);

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the editor saves what is pending instead of dropping it.
      if (latest.current !== saved.current && !inConflict.current) void saveRef.current();
    };
  }, []);

  return { report, meta, state, error, conflict, update, replace, flush: save, keepMine, takeServer, setMeta };
}
