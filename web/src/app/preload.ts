import { endpoints } from '../api/endpoints.ts';
import { matchRoute, onNavigate } from './router.ts';

/**
 * The signed-in shell and the report editor, imported from here only: lazy() and the preload
 * below then share one download (the browser keeps one module per URL).
 */
export const loadSignedInApp = () => import('./SignedInApp.tsx');
export const loadReportEditor = () => import('../editor/ReportEditorPage.tsx');

const loadSession = () => Promise.all([endpoints.me(), endpoints.csrf()]);

/** Requests started before React renders, each handed once to the screen that would have made it. */
const early = new Map<string, Promise<unknown>>();

// Marked handled: a request nobody takes (the page changed meanwhile) must not log an error; the
// screen that takes it still sees the failure. A failed chunk is imported again by lazy().
const quiet = (promise: Promise<unknown>): Promise<unknown> => {
  void promise.catch(() => undefined);
  return promise;
};

function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const promise = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return promise ?? load();
}

/** Who is signed in and their CSRF token (rejects with the API's 401 when nobody is). */
export const takeSession = () => take('session', loadSession);
export const takeReport = (id: string) => take(`report/${id}`, () => endpoints.report(id));
export const takeComments = (id: string) => take(`comments/${id}`, () => endpoints.comments(id));

/**
 * Requests at once what the first screen needs, instead of one after another as each piece
 * renders (session → shell code → editor code → report): on a cold load that chain was most of
 * the wait. Only for the page first opened: any navigation drops what was not taken, so a screen
 * never gets data older than its own visit.
 */
export function preload(path: string): void {
  const route = matchRoute(path);
  if (route.name === 'login') return;
  early.set('session', quiet(loadSession()));
  quiet(loadSignedInApp());
  if (route.name === 'report') {
    quiet(loadReportEditor());
    early.set(`report/${route.id}`, quiet(endpoints.report(route.id)));
    // The Department's comments too: asked for after the editor's first render, they came a
    // round trip later and rendered the whole editor a second time.
    early.set(`comments/${route.id}`, quiet(endpoints.comments(route.id)));
  }
  const stop = onNavigate(() => {
    early.clear();
    stop();
  });
}
