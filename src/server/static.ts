import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const notFound = { error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn.' } };

/**
 * The built web UI (web/dist) with an SPA fallback; without it, every unknown path is a JSON 404.
 * The web build writes .br and .gz next to each text asset (web/vite.config.ts): they are served
 * as they are to browsers that accept them — about a third of the bytes, and no CPU spent
 * compressing per request.
 */
export async function registerWebUi(app: FastifyInstance, dist: string | undefined): Promise<void> {
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(notFound));
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    // Vite names assets by content hash: cache them for good; index.html must be revalidated so
    // a new release reaches every office at the next load.
    setHeaders: (res, path) => {
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') return reply.status(404).send(notFound);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
