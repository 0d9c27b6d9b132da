import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import budgetCodes from '../../../data/budget-codes.json' with { type: 'json' };
import { listUnits } from '../../services/units.ts';
import type { Store } from '../../store/db.ts';
import { requireActor } from '../session.ts';

export const unitRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/units', {
    schema: { tags: ['units'], summary: 'Các đơn vị hành chính cấp xã trong phạm vi của người dùng (tìm không dấu)', querystring: z.object({ q: z.string().max(100).optional() }).strict() },
  }, async (request) => ({ items: await listUnits(store, requireActor(request), request.query.q) }));

  app.get('/api/budget-codes', { schema: { tags: ['units'], summary: 'Mã Khoản Loại 100 (TT 130/2025/TT-BTC)' } }, async (request) => {
    requireActor(request);
    return budgetCodes;
  });
};
