import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleExecution, getExecution, recordApproval, recordDisbursement } from '../../services/approval.ts';
import type { Store } from '../../store/db.ts';
import { requireActor } from '../session.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.');
const Dong = z.number().int('Số tiền phải là số nguyên đồng.').min(0).max(Number.MAX_SAFE_INTEGER);

export const approvalRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/reports/:id/execution', {
    schema: { tags: ['approval'], summary: 'Quyết định phê duyệt, dự toán được duyệt theo dòng và giải ngân', params: IdParams },
  }, async (request) => getExecution(store, requireActor(request), request.params.id));

  app.post('/api/reports/:id/approval', {
    schema: {
      tags: ['approval'],
      summary: 'Ghi nhận quyết định phê duyệt của UBND thành phố (quản trị Sở); số liệu được khóa làm gốc',
      params: IdParams,
      body: z.object({
        decisionNumber: z.string().min(1).max(200),
        decisionDate: IsoDate,
        lines: z.array(z.object({ lineId: z.string().min(1).max(64), approved: Dong }).strict()).max(2000).optional(),
      }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await recordApproval(store, requireActor(request), request.params.id, request.body)));

  app.post('/api/reports/:id/disbursements', {
    schema: {
      tags: ['approval'],
      summary: 'Xã ghi nhận giải ngân theo dòng dự toán được duyệt',
      params: IdParams,
      body: z.object({ lineId: z.string().min(1).max(64), amount: Dong, date: IsoDate, note: z.string().max(1000).optional() }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await recordDisbursement(store, requireActor(request), request.params.id, request.body)));

  app.get('/api/cycles/:id/execution', {
    schema: { tags: ['approval'], summary: 'Giải ngân so với dự toán được duyệt, theo xã và lĩnh vực (Sở)', params: IdParams },
  }, async (request) => cycleExecution(store, requireActor(request), request.params.id));
};
