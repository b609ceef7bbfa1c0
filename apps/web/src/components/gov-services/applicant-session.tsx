import { ApiProblemError, type ApiResponse, problemOf } from '@zhizhi/api-client';
import { Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { usePreferences } from '../../session/preferences';
import { portalApi, setApplicantCsrf, setPortalLanguage } from './portal-api';

export type ApplicantMe = ApiResponse<'/api/applicant/me', 'get'>;

export interface RegisterInput {
  kind: 'citizen' | 'enterprise';
  number: string;
  name: string;
  phone?: string;
  password: string;
}

export interface ApplicantSessionValue {
  /** False until the first GET /api/applicant/me has answered. */
  ready: boolean;
  me: ApplicantMe | null;
  login(identifier: string, password: string): Promise<ApplicantMe>;
  register(input: RegisterInput): Promise<ApplicantMe>;
  logout(): Promise<void>;
  /** Reloads the profile (after the contact details changed). */
  refresh(): Promise<void>;
}

const ApplicantContext = createContext<ApplicantSessionValue | null>(null);

async function fetchMe(): Promise<ApplicantMe | null> {
  const { data, response } = await portalApi.GET('/api/applicant/me');
  if (!response.ok || !data) return null;
  return data;
}

async function post<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const result = await pending.catch((error: unknown) => {
    throw new ApiProblemError(problemOf(error));
  });
  if (!result.response.ok) throw new ApiProblemError(problemOf(result.error, result.response));
  return result.data as T;
}

/** The citizen/enterprise session of the service portal, separate from the staff session. */
export function ApplicantSessionProvider({ children }: { children: ReactNode }) {
  const { locale, elderMode } = usePreferences();
  const [ready, setReady] = useState(false);
  const [me, setMeState] = useState<ApplicantMe | null>(null);

  const setMe = useCallback((next: ApplicantMe | null, csrf?: string) => {
    setApplicantCsrf(next ? (csrf ?? next.csrfToken) : null);
    setMeState(next);
  }, []);

  useEffect(() => setPortalLanguage(locale), [locale]);

  useEffect(() => {
    fetchMe()
      .then((current) => setMe(current))
      .catch(() => setMe(null))
      .finally(() => setReady(true));
  }, [setMe]);

  // The applicant's language and elder mode follow them to their next visit.
  const signedIn = me !== null;
  useEffect(() => {
    if (!signedIn) return;
    void portalApi.PUT('/api/applicant/preferences', { body: { locale, elderMode } }).catch(() => undefined);
  }, [signedIn, locale, elderMode]);

  const login = useCallback(
    async (identifier: string, password: string) => {
      const result = await post(portalApi.POST('/api/applicant/login', { body: { identifier, password } }));
      setMe(result.me, result.csrfToken);
      return result.me;
    },
    [setMe],
  );

  const register = useCallback(
    async (input: RegisterInput) => {
      const body =
        input.kind === 'citizen'
          ? {
              kind: 'citizen' as const,
              idNumber: input.number,
              name: input.name,
              phone: input.phone || null,
              password: input.password,
            }
          : { kind: 'enterprise' as const, uscc: input.number, name: input.name, password: input.password };
      await post(portalApi.POST('/api/applicant/register', { body }));
      return login(input.number, input.password);
    },
    [login],
  );

  const logout = useCallback(async () => {
    try {
      await portalApi.POST('/api/applicant/logout');
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const refresh = useCallback(async () => {
    const fresh = await fetchMe();
    if (fresh) setMe(fresh, fresh.csrfToken);
  }, [setMe]);

  const value = useMemo(
    () => ({ ready, me, login, register, logout, refresh }),
    [ready, me, login, register, logout, refresh],
  );
  return <ApplicantContext.Provider value={value}>{children}</ApplicantContext.Provider>;
}

export function useApplicant(): ApplicantSessionValue {
  const value = useContext(ApplicantContext);
  if (!value) throw new Error('useApplicant must be used inside <ApplicantSessionProvider>');
  return value;
}

/** Sends a visitor who is not signed in to the portal to its sign-in page, then back here. */
export function RequireApplicant({ children }: { children: ReactNode }) {
  const { ready, me } = useApplicant();
  const location = useLocation();
  if (!ready) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (!me) return <Navigate to="/portal/login" replace state={{ from: location.pathname }} />;
  return children;
}
