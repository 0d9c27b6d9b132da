import { useEffect, useRef, useState } from 'react';
import type { SaveState } from './useDraft.ts';

/** Waits between automatic retries of a failed save: 5 s, 10 s, 20 s, then every 30 s. */
export const retryDelayMs = (attempt: number): number => Math.min(30_000, 5_000 * 2 ** attempt);

/**
 * Retries a failed save by itself: after a growing wait, and at once when the browser reports the
 * network back. Returns when the next try is due (epoch ms), for the banner to say so.
 */
export function useSaveRetry(state: SaveState, retry: () => void): number | undefined {
  const [dueAt, setDueAt] = useState<number>();
  const attempt = useRef(0);
  const retryRef = useRef(retry);
  retryRef.current = retry;
  useEffect(() => {
    if (state !== 'error') {
      if (state === 'saved') attempt.current = 0;
      setDueAt(undefined);
      return;
    }
    const delay = retryDelayMs(attempt.current);
    attempt.current += 1;
    setDueAt(Date.now() + delay);
    const timer = window.setTimeout(() => retryRef.current(), delay);
    const online = () => retryRef.current();
    window.addEventListener('online', online);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [state]);
  return dueAt;
}
