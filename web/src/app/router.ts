import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * A tiny history router (the app has four screens; a dependency would weigh more than this).
 * Paths are Vietnamese slugs: /dang-nhap, /bao-cao, /bao-cao/:id, /don-vi.
 */
const NAV_EVENT = 'khcn:navigate';

/** Calls back on every change of page (links and the browser's back/forward); returns the unsubscribe. */
export function onNavigate(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAV_EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAV_EVENT, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function usePath(): string {
  return useSyncExternalStore(onNavigate, snapshot, () => '/');
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
  window.scrollTo(0, 0);
}

/** onClick for <a href> that keeps modified clicks (new tab) native. */
export function linkHandler(to: string) {
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
}

export type Route =
  | { name: 'login' }
  | { name: 'reports' }
  | { name: 'report'; id: string; tab?: string }
  | { name: 'units' }
  | { name: 'home' }
  | { name: 'department'; path: string }
  | { name: 'disbursement'; id?: string }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const [pathname = '/', search = ''] = path.split('?');
  const clean = pathname.replace(/\/+$/, '') || '/';
  if (clean === '/') return { name: 'home' };
  if (clean === '/dang-nhap') return { name: 'login' };
  if (clean === '/bao-cao') return { name: 'reports' };
  if (clean === '/don-vi') return { name: 'units' };
  if (clean === '/so' || clean.startsWith('/so/')) return { name: 'department', path: clean };
  if (clean === '/giai-ngan') return { name: 'disbursement' };
  const d = /^\/giai-ngan\/([^/]+)$/.exec(clean);
  if (d?.[1]) return { name: 'disbursement', id: decodeURIComponent(d[1]) };
  const m = /^\/bao-cao\/([^/]+)$/.exec(clean);
  if (m?.[1]) {
    const tab = new URLSearchParams(search).get('muc') ?? undefined;
    return { name: 'report', id: decodeURIComponent(m[1]), ...(tab ? { tab } : {}) };
  }
  return { name: 'notFound' };
}

export const reportHref = (id: string | number, tab?: string) =>
  `/bao-cao/${encodeURIComponent(String(id))}${tab ? `?muc=${encodeURIComponent(tab)}` : ''}`;
