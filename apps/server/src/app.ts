import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type Kernel, newId } from '@zhizhi/kernel';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { registerAuthentication } from './plugins/authentication';
import { registerMetrics } from './plugins/metrics';
import { problem, registerProblemHandlers, sendProblem } from './plugins/problem';
import { applicantRoutes } from './routes/applicant';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendar';
import { registryRoutes } from './routes/registry';
import { jobRoutes } from './routes/jobs';
import { orgRoutes } from './routes/org';
import { staffRoutes } from './routes/staff';
import type { Modules } from './modules';
import { caseRoutes } from './routes/cases';
import { dataRoutes } from './routes/data';
import { dataOpenRoutes } from './routes/data-open';
import { dataSharingRoutes } from './routes/data-sharing';
import { dataCollectionRoutes } from './routes/data-collection';
import { fileRoutes } from './routes/files';
import { governanceRoutes } from './routes/governance';
import { notificationRoutes } from './routes/notifications';
import { open311Routes } from './routes/open311';
import { placesRoutes } from './routes/places';
import { cockpitRoutes } from './routes/cockpit';
import { regulationRoutes } from './routes/regulation';
import { regulationPlanRoutes } from './routes/regulation-plans';
import { regulationPublicRoutes } from './routes/regulation-public';
import { servicesRoutes } from './routes/services';
import { publicRoutes } from './routes/public';
import { sensingRoutes } from './routes/sensing';
import { sensingDeviceRoutes } from './routes/sensing-devices';
import { supervisionRoutes } from './routes/supervision';
import { type SystemInfo, systemRoutes } from './routes/system';

export interface BuildAppOptions {
  kernel: Kernel;
  /** The domain modules composed over the kernel (see modules.ts). */
  modules: Modules;
  info: SystemInfo;
  logger?: Logger;
  /** Built web app to serve at `/`; omitted in API-only tests. */
  webDist?: string | null;
  /** Extra route plugins (modules, packs). */
  routes?: ((app: FastifyInstance) => Promise<void>)[];
  trustProxy?: boolean;
  /** Secure cookie flag; 'auto' (default) sets it when the request came over HTTPS (behind a proxy: TRUST_PROXY). */
  secureCookies?: boolean | 'auto';
  sessionTtlHours?: number;
  /** Requests per minute per client address across the API. */
  rateLimitPerMinute?: number;
}

export const BODY_LIMIT = 1024 * 1024;

/** The HTTP face of the platform: Fastify with zod-typed routes, OpenAPI, problem+json errors. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const state = { shuttingDown: false };
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger | undefined,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => newId(),
    // Fastify's own request lines carry the URL with its query string: replaced by our onResponse line.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
  });
  app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is 415
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // Request log without query strings or bodies: they may carry personal data.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // MapLibre runs its tile work in a worker created from a blob.
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: '1 minute',
    allowList: (request) =>
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/open311/') &&
      request.url !== '/catalog.jsonld',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: context.after }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zhizhi 整体智治 API',
        version: options.info.version,
        description:
          'District digital-government platform. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zz_session' },
          applicantSession: { type: 'apiKey', in: 'cookie', name: 'zz_applicant' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => withProblemResponses(jsonSchemaTransformObject(documentObject)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerMetrics(app);
  registerAuthentication(app, options.kernel);

  const { kernel } = options;
  await app.register(systemRoutes(kernel, options.info, state));
  const cookieOptions = {
    secureCookies: options.secureCookies ?? 'auto',
    sessionTtlHours: options.sessionTtlHours ?? 12,
  } as const;
  await app.register(authRoutes(kernel, cookieOptions));
  await app.register(applicantRoutes(kernel, cookieOptions));
  await app.register(orgRoutes(kernel));
  await app.register(staffRoutes(kernel));
  await app.register(auditRoutes(kernel));
  await app.register(jobRoutes(kernel));
  await app.register(calendarRoutes(kernel));
  await app.register(registryRoutes(kernel));
  await app.register(supervisionRoutes(kernel));
  await app.register(notificationRoutes(kernel));
  await app.register(fileRoutes(kernel));
  await app.register(caseRoutes(kernel));
  await app.register(governanceRoutes(kernel, options.modules));
  await app.register(publicRoutes(kernel, options.modules));
  await app.register(open311Routes(kernel, options.modules));
  await app.register(sensingDeviceRoutes(options.modules));
  await app.register(sensingRoutes(kernel, options.modules));
  await app.register(dataRoutes(kernel, options.modules));
  await app.register(dataOpenRoutes(kernel, options.modules));
  await app.register(dataSharingRoutes(kernel, options.modules));
  await app.register(dataCollectionRoutes(kernel, options.modules));
  await app.register(placesRoutes(kernel, options.modules));
  await app.register(servicesRoutes(kernel, options.modules));
  await app.register(regulationRoutes(kernel, options.modules));
  await app.register(regulationPlanRoutes(kernel, options.modules));
  await app.register(cockpitRoutes(kernel, options.modules));
  await app.register(regulationPublicRoutes(kernel, options.modules));
  for (const routes of options.routes ?? []) await app.register(routes);

  registerWeb(app, options.webDist ?? null);
  app.addHook('onClose', async () => {
    state.shuttingDown = true;
  });
  return Object.assign(app as unknown as FastifyInstance, { state });
}

/** Every operation can answer with a problem document; say so once for all of them. */
function withProblemResponses<T>(document: T): T {
  const paths =
    (document as { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> }).paths ??
    {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      operation.responses ??= {};
      operation.responses.default = {
        description: 'Error (RFC 9457 problem+json with a stable `code`)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}

/** Serves the built web app; unknown non-API GETs fall back to index.html (client-side routes). */
function registerWeb(app: FastifyInstance, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const accept = request.headers.accept ?? '*/*';
    const wantsPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/open311/') &&
      (accept.includes('text/html') || accept.includes('*/*'));
    // Built files are routed by @fastify/static at start-up; anything else is a client-side route.
    if (hasWeb && wantsPage) return reply.sendFile('index.html');
    return sendProblem(
      reply,
      problem(404, 'http.not_found', `No route for ${request.method} ${path}.`, { instance: path }),
    );
  });
}

/** The Fastify instance plus its shutdown flag. (Not `Awaited<…>`: a Fastify instance is itself thenable.) */
export type App = FastifyInstance & { state: { shuttingDown: boolean } };
