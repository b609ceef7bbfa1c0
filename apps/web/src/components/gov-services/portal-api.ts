import { ApiProblemError, createApiClient, type Problem, problemOf } from '@zhizhi/api-client';
import type {
  ApplicationView,
  Bundle,
  Matter,
  MatterSummary,
  Notice,
  Plan,
  PublicCertificate,
  PublishedRating,
  RateResult,
  StoredFile,
  SubmitResult,
  Tracking,
} from './types';

let applicantCsrf: string | null = null;
let language = 'zh-CN';

/** The applicant session's CSRF token (from login or GET /api/applicant/me). */
export function setApplicantCsrf(token: string | null): void {
  applicantCsrf = token;
}

/** The portal's language, sent as Accept-Language like the staff client. */
export function setPortalLanguage(locale: string): void {
  language = locale;
}

/**
 * The portal's own client: the applicant session has its own CSRF token, and a 401 here means
 * "sign in to the portal", never "the staff session ended".
 */
export const portalApi = createApiClient({ baseUrl: '', getCsrfToken: () => applicantCsrf });
portalApi.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    return request;
  },
});

// The services routes declare no response schemas, so their bodies arrive untyped.
const as = <T>(pending: Promise<unknown>) => pending as Promise<T>;

export const loadMatters = (query: { q?: string; divisionCode?: string }) =>
  as<{ items: MatterSummary[] }>(call(portalApi.GET('/api/services/matters', { params: { query } }))).then(
    (body) => body.items,
  );

export const loadMatter = (code: string) =>
  as<{ matter: Matter; plan: Plan }>(
    call(portalApi.GET('/api/services/matters/{code}', { params: { path: { code }, query: {} } })),
  );

export const loadBundles = () =>
  as<{ items: Bundle[] }>(call(portalApi.GET('/api/services/bundles'))).then((body) => body.items);

export const planBundle = (code: string, answers: Record<string, unknown>) =>
  as<Plan>(
    call(
      portalApi.POST('/api/services/bundles/{code}/plan', { params: { path: { code } }, body: { answers } }),
    ),
  );

/**
 * 掌上办: an application started on a phone counts as the mobile channel (掌办率), on a larger
 * screen as the web. Phones are told apart by a coarse pointer on a narrow screen.
 */
export function portalChannel(): 'web' | 'mobile' {
  if (typeof window === 'undefined' || !window.matchMedia) return 'web';
  return window.matchMedia('(max-width: 767px) and (pointer: coarse)').matches ? 'mobile' : 'web';
}

export const startApplication = (body: {
  bundleCode?: string;
  answers?: Record<string, unknown>;
  matterCode?: string;
  divisionCode: string;
}) =>
  as<ApplicationView>(
    call(portalApi.POST('/api/services/applications', { body: { ...body, channel: portalChannel() } })),
  );

export const loadApplications = () =>
  as<{ items: ApplicationView['application'][] }>(call(portalApi.GET('/api/services/applications'))).then(
    (body) => body.items,
  );

export const loadApplication = (id: string) =>
  as<ApplicationView>(call(portalApi.GET('/api/services/applications/{id}', { params: { path: { id } } })));

export const saveDraft = (
  id: string,
  body: { form?: Record<string, unknown>; commitments?: string[]; expectedVersion?: number },
) =>
  as<ApplicationView>(
    call(portalApi.PUT('/api/services/applications/{id}', { params: { path: { id } }, body })),
  );

/** Sends the file as the raw body with its own type; the server checks the bytes. */
export const uploadMaterial = (id: string, key: string, file: File) =>
  as<{ file: StoredFile; application: ApplicationView['application'] }>(
    call(
      portalApi.POST('/api/services/applications/{id}/materials/{key}', {
        params: { path: { id, key }, header: { 'x-file-name': encodeURIComponent(file.name) } },
        body: file as never,
        bodySerializer: (body: unknown) => body as never,
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
      }),
    ),
  );

export const removeMaterial = (id: string, key: string, fileId: string) =>
  as<ApplicationView>(
    call(
      portalApi.DELETE('/api/services/applications/{id}/materials/{key}/{fileId}', {
        params: { path: { id, key, fileId } },
      }),
    ),
  );

export const submitApplication = (id: string) =>
  as<SubmitResult>(
    call(portalApi.POST('/api/services/applications/{id}/submit', { params: { path: { id } } })),
  );

export const supplementCase = (id: string, caseId: string, note: string | null) =>
  as<ApplicationView>(
    call(
      portalApi.POST('/api/services/applications/{id}/cases/{caseId}/supplement', {
        params: { path: { id, caseId } },
        body: { note },
      }),
    ),
  );

type Scores = Record<'overall' | 'efficiency' | 'guide' | 'convenience' | 'platform', number>;

export const rateApplication = (id: string, scores: Record<string, number>, comment: string | null) =>
  as<RateResult>(
    call(
      portalApi.POST('/api/services/applications/{id}/rating', {
        params: { path: { id } },
        body: { scores: scores as Scores, comment },
      }),
    ),
  );

export const loadNotices = () =>
  as<{ items: Notice[] }>(call(portalApi.GET('/api/services/notices'))).then((body) => body.items);

export const trackApplication = (number: string, password: string) =>
  as<Tracking>(call(portalApi.POST('/api/public/services/track', { body: { number, password } })));

export const loadCertificate = (token: string) =>
  as<PublicCertificate>(
    call(portalApi.GET('/api/public/services/certificates/{token}', { params: { path: { token } } })),
  );

export const loadPublishedRatings = () =>
  as<{ items: PublishedRating[]; indicators: { code: string; zh: string; en: string }[] }>(
    call(portalApi.GET('/api/public/services/ratings')),
  );

export const loadTowns = () => call(portalApi.GET('/api/public/region')).then((region) => region.towns);

/** A file of one's own application, opened in a new tab. */
export const fileUrl = (id: string, fileId: string) =>
  `/api/services/applications/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

/** A field or material problem with its own code (problemOf keeps only path and message). */
export interface DetailedError {
  path: string;
  code?: string;
  message: string;
}

function detailedErrors(body: unknown): DetailedError[] | undefined {
  const list = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(list)) return undefined;
  return list
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      path: Array.isArray(e.path) ? e.path.join('.') : String(e.path ?? ''),
      code: typeof e.code === 'string' ? e.code : undefined,
      message: String(e.message ?? ''),
    }));
}

/** Like unwrap, but the thrown problem's errors keep their per-field codes. */
async function call<Data, Failure>(
  pending: Promise<{ data?: Data; error?: Failure; response: Response }>,
): Promise<Data> {
  let result: { data?: Data; error?: Failure; response: Response };
  try {
    result = await pending;
  } catch (error) {
    throw new ApiProblemError(problemOf(error));
  }
  if (!result.response.ok) {
    const problem: Problem = problemOf(result.error, result.response);
    const errors = detailedErrors(result.error);
    throw new ApiProblemError(errors ? { ...problem, errors } : problem);
  }
  return result.data as Data;
}

/** The problem's code and its per-field list, each entry with its own code when the server sent one. */
export function problemDetails(error: unknown): { code: string; errors: DetailedError[] } {
  const problem = problemOf(error);
  return { code: problem.code, errors: (problem.errors ?? []) as DetailedError[] };
}

/** Where notices go: a mobile number (SMS) and an email address; an empty value removes one. */
export const saveContact = (body: { phone?: string | null; email?: string | null }) =>
  call(portalApi.PUT('/api/applicant/contact', { body }));
