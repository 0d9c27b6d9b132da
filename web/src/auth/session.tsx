import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { takeSession } from '../app/preload.ts';
import type { User } from '../api/types.ts';

interface SessionState {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined;
  demo: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [demo, setDemo] = useState(false);

  useEffect(() => {
    let live = true;
    endpoints.health().then((h) => live && setDemo(h.demo === true), () => undefined);
    takeSession()
      .then(([{ user: me }, { csrfToken }]) => {
        setCsrfToken(csrfToken);
        if (live) setUser(me);
      })
      .catch((e: unknown) => {
        if (live) setUser(null);
        if (!(e instanceof ApiError)) console.error(e);
      });
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await endpoints.login(username, password);
    setCsrfToken(result.csrfToken);
    setUser(result.user);
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await endpoints.logout();
    } finally {
      setCsrfToken(undefined);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, demo, login, logout }), [user, demo, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
