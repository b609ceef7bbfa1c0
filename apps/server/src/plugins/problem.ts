import { isKernelError } from '@zhizhi/kernel';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

// Field messages follow Accept-Language (the web app sends its chosen locale); detail texts stay English.
const zhCN = z.locales.zhCN();
function chineseMessage(code: string, params: Record<string, unknown>): string | undefined {
  const localised = zhCN.localeError({ ...params, code } as never);
  return typeof localised === 'string' ? localised : localised?.message;
}
function prefersChinese(request: FastifyRequest): boolean {
  return /^zh\b/i.test(request.headers['accept-language'] ?? '');
}

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  /** Set on a failed check digit: the client may confirm the document and resend. */
  overridable?: boolean;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:zhizhi:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(p));
}

// Fastify's own 4xx errors, mapped to stable codes. Their messages never carry user data.
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'http.malformed_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'http.empty_body', 'The request body is empty but JSON was declared.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'http.body_too_large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'http.unsupported_media_type', 'Send JSON (application/json).'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'http.bad_content_length',
    'Content-Length does not match the body.',
  ],
  FST_ERR_CTP_INVALID_TYPE: [400, 'http.bad_content_type', 'The Content-Type header is invalid.'],
  FST_ERR_BAD_URL: [400, 'http.bad_url', 'The URL is malformed.'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'http.bad_request', 'The request could not be routed.'],
};

export function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = request.url.split('?')[0];
  if (hasZodFastifySchemaValidationErrors(error)) {
    const chinese = prefersChinese(request);
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/^body\/?/, '/') || '/',
      message: (chinese ? chineseMessage(v.keyword, v.params) : undefined) ?? v.message ?? 'invalid',
    }));
    return problem(
      400,
      'http.validation_failed',
      `The ${error.validationContext ?? 'request'} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`.slice(
        0,
        1000,
      ),
      { errors, instance },
    );
  }
  if (isKernelError(error)) {
    const errors = Array.isArray(error.details?.errors)
      ? (error.details!.errors as Problem['errors'])
      : undefined;
    const overridable =
      typeof error.details?.overridable === 'boolean' ? { overridable: error.details.overridable } : {};
    // A service may give its own Chinese wording (e.g. a 12345 file's missing columns).
    const detail =
      prefersChinese(request) && typeof error.details?.messageZh === 'string'
        ? error.details.messageZh
        : error.message;
    return problem(error.status, error.code, detail, {
      instance,
      ...(errors ? { errors } : {}),
      ...overridable,
    });
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return problem(known[0], known[1], known[2], { instance });
  if (error.statusCode === 429)
    return problem(429, 'http.rate_limited', 'Too many requests; slow down and retry later.', { instance });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error instanceof SyntaxError)
      return problem(400, 'http.malformed_json', 'The request body is not valid JSON.', { instance });
    return problem(error.statusCode, 'http.bad_request', 'The request could not be processed.', { instance });
  }
  return problem(500, 'internal', `Something went wrong on our side. Reference: ${request.id}.`, {
    instance,
  });
}

/** Every error leaves as problem+json; 5xx are logged by name and message only (no stack, no body). */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const p = toProblem(error, request);
    if (p.status >= 500)
      request.log.error(
        { errName: error.name, errMessage: error.message, code: error.code },
        'request failed',
      );
    return sendProblem(reply, p);
  });
}
