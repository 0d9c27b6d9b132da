import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Helmet's headers, worked out once. @fastify/helmet rebuilds the helmet middleware (parsing and
 * validating every CSP directive) on every request: ~17 µs, 8% of the CPU of GET /api/reports/:id
 * at national load. The options are static, so are the headers: they are taken from the plugin
 * itself, on a throwaway instance, and set on every response as helmet sets them (on the raw
 * response, same names and order, so a route's own header — swagger-ui's CSP — still wins).
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  const seen: [string, string][] = [];
  let recording = true;
  // Registered before helmet, so its hooks run first: records what helmet sets, as it sets it,
  // until the handler runs (then Fastify's own headers would follow).
  probe.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    const setHeader = raw.setHeader.bind(raw);
    raw.setHeader = (name, value) => {
      if (recording) seen.push([name, String(value)]);
      return setHeader(name, value);
    };
    done();
  });
  await probe.register(helmet, options);
  probe.get('/', () => {
    recording = false;
    return '';
  });
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (seen.length === 0) throw new Error('helmet set no headers');
  return seen;
}

/** Sets the headers on every response, before any route or hook of the app can override them. */
export function addSecurityHeaders(app: FastifyInstance, headers: readonly [string, string][]): void {
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
