/** RFC 9457 problem details as the Zhizhi server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine-readable code, e.g. `identity.login.locked`. */
  code: string;
  /** Field-level validation errors; `path` names the input field. */
  errors?: { path: string; message: string }[];
}

/** Code used when the request never reached the server (offline, DNS, CORS). */
export const NETWORK_ERROR_CODE = 'client.network';

/** Code used when the server answered with something that is not problem+json. */
export const UNKNOWN_ERROR_CODE = 'client.unknown';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function errorsOf(value: unknown): Problem['errors'] {
  if (!Array.isArray(value)) return undefined;
  const errors = value.filter(isRecord).map((item) => ({
    path: Array.isArray(item.path) ? item.path.join('.') : String(item.path ?? ''),
    message: String(item.message ?? ''),
  }));
  return errors.length > 0 ? errors : undefined;
}

/**
 * Turns whatever a failed call produced (a parsed problem body, a text body, a thrown error)
 * into a Problem, so callers have one shape to show.
 */
export function problemOf(error: unknown, response?: Response): Problem {
  if (error instanceof ApiProblemError) return error.problem;
  const status = response?.status ?? 0;
  if (isRecord(error) && (typeof error.title === 'string' || typeof error.code === 'string')) {
    return {
      type: typeof error.type === 'string' ? error.type : 'about:blank',
      title: typeof error.title === 'string' ? error.title : (response?.statusText ?? ''),
      status: typeof error.status === 'number' ? error.status : status,
      detail: typeof error.detail === 'string' ? error.detail : undefined,
      code: typeof error.code === 'string' ? error.code : UNKNOWN_ERROR_CODE,
      errors: errorsOf(error.errors),
    };
  }
  if (!response) {
    const detail = error instanceof Error ? error.message : undefined;
    return { type: 'about:blank', title: 'Network error', status: 0, detail, code: NETWORK_ERROR_CODE };
  }
  const detail = typeof error === 'string' && error.length > 0 && error.length < 500 ? error : undefined;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${status}`,
    status,
    detail,
    code: UNKNOWN_ERROR_CODE,
  };
}

/** Thrown by `unwrap` when a call fails; carries the normalised problem. */
export class ApiProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblemError';
    this.problem = problem;
  }
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws ApiProblemError.
 * Network failures become a problem with code `client.network`.
 */
export async function unwrap<Data, Failure>(
  pending: Promise<{ data?: Data; error?: Failure; response: Response }>,
): Promise<Data> {
  let result: { data?: Data; error?: Failure; response: Response };
  try {
    result = await pending;
  } catch (error) {
    throw new ApiProblemError(problemOf(error));
  }
  if (!result.response.ok) throw new ApiProblemError(problemOf(result.error, result.response));
  return result.data as Data;
}
