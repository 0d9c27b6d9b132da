import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/db.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './errors.ts';
import { HeavyWork, RetryLaterError, type HeavyLimitsInput } from './heavy/pool.ts';
import { authRoutes } from './routes/auth.ts';
import { importRoutes } from './routes/import.ts';
import { metaRoutes } from './routes/meta.ts';
import { reportRoutes } from './routes/reports.ts';
import { documentRoutes } from './routes/documents.ts';
import { unitRoutes } from './routes/units.ts';
import { approvalRoutes } from './routes/approval.ts';
import { cycleRoutes } from './routes/cycles.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { reviewRoutes } from './routes/review.ts';
import { addSecurityHeaders, securityHeaders } from './security-headers.ts';
import { databaseRateStore } from './rate-limit-store.ts';
import { refuseUnsafeUrlText } from './safe-url.ts';
import { registerSessions } from './session.ts';
import type { TrustProxy } from './trust-proxy.ts';
import { registerWebUi } from './static.ts';

export interface AppOptions {
  store: Store;
  demo?: boolean;
  /** Built web UI to serve (web/dist); absent in API-only tests. */
  webDist?: string;
  logger?: boolean;
  /** The reverse proxies whose X-Forwarded-* to believe (server/trust-proxy.ts); none by default. */
  trustProxy?: TrustProxy;
  /** Told of every route as it is registered: the isolation tests enumerate the API with it. */
  onRoute?: (route: RouteOptions) => void;
  /** Limits of the heavy-work pools (rendering, PDF, import, consolidation); defaults in heavy/pool.ts. */
  heavyLimits?: HeavyLimitsInput;
}

export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

/** The HTTP app: route → validate (zod) → authorise and act (services) → present. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Warnings and errors by default; LOG_LEVEL=info logs every request (for operators).
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'warn' } : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const heavy = new HeavyWork(options.heavyLimits);
  app.addHook('onClose', () => heavy.close());
  // A refused or timed-out heavy task tells the client when to come back.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
  });

  addSecurityHeaders(app, await securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // The legacy twin of frame-ancestors 'none' (helmet's default is SAMEORIGIN).
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  }));
  await app.register(cookie);
  // Counted in the database, shared by every process (server/rate-limit-store.ts).
  await app.register(rateLimit, { global: false, store: databaseRateStore(options.store) });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'khcn API', description: 'Kế hoạch, dự toán và báo cáo KH,CN,ĐMST&CĐS cấp xã', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'khcn_session' }, csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Its own CSP would allow framing by the same origin and force HTTPS on a plain-HTTP LAN install.
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;/, ''),
  });
  // API answers carry one commune's data: never kept in a (shared office) browser's or proxy's cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  registerSessions(app, options.store);
  refuseUnsafeUrlText(app);
  await app.register(metaRoutes(options.store, options.demo ?? false));
  await app.register(authRoutes(options.store));
  await app.register(unitRoutes(options.store));
  await app.register(reportRoutes(options.store));
  await app.register(documentRoutes(options.store, heavy));
  await app.register(importRoutes(options.store, heavy));
  await app.register(cycleRoutes(options.store));
  await app.register(reviewRoutes(options.store));
  await app.register(dashboardRoutes(options.store, heavy));
  await app.register(approvalRoutes(options.store));

  await registerWebUi(app, options.webDist);
  return app;
}
