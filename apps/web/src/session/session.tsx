import { type Me, unwrap } from '@zhizhi/api-client';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/api';

export interface SessionValue {
  /** False until the first GET /api/me has answered. */
  ready: boolean;
  me: Me | null;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Re-reads GET /api/me; returns null when the session is gone. */
  refresh(): Promise<Me | null>;
  can(permission: string): boolean;
  canAny(permissions: readonly string[]): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  const { data, response } = await api.GET('/api/me');
  if (response.status === 401) return null;
  if (!response.ok || !data) throw new Error(`GET /api/me failed: ${response.status}`);
  return data;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [me, setMeState] = useState<Me | null>(null);

  const setMe = useCallback((next: Me | null, csrfToken?: string) => {
    setCsrfToken(next ? (csrfToken ?? next.csrfToken) : null);
    setMeState(next);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    fetchMe()
      .then((current) => setMe(current))
      .catch(() => setMe(null))
      .finally(() => setReady(true));
    return () => setUnauthorizedHandler(null);
  }, [setMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setMe(result.me, result.csrfToken);
      return result.me;
    },
    [setMe],
  );

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/auth/logout');
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const refresh = useCallback(async () => {
    const current = await fetchMe();
    setMe(current);
    return current;
  }, [setMe]);

  const value = useMemo<SessionValue>(() => {
    const granted = me?.permissions ?? [];
    // Same matching as the server's access check: '*' is everything, 'org.*' every org permission.
    const has = (permission: string) =>
      granted.some(
        (g) => g === '*' || g === permission || (g.endsWith('.*') && permission.startsWith(g.slice(0, -1))),
      );
    return {
      ready,
      me,
      login,
      logout,
      refresh,
      can: has,
      canAny: (permissions) => permissions.some(has),
    };
  }, [ready, me, login, logout, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
