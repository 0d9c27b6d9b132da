import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/db.ts';

export const metaRoutes = (store: Store, demo: boolean): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', { schema: { tags: ['meta'], summary: 'Tình trạng máy chủ và cơ sở dữ liệu' } }, async (_request, reply) => {
    try {
      await store.db.selectFrom('audit_head').select('seq').limit(1).execute();
      return { status: 'ok', db: store.kind, demo };
    } catch {
      return reply.status(503).send({ status: 'error', db: store.kind, demo, error: { code: 'DB_UNAVAILABLE', message: 'Không kết nối được cơ sở dữ liệu.' } });
    }
  });
};
