import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consolidatedModel, cycleConsolidation } from '../../services/consolidation.ts';
import { dashboard } from '../../services/dashboard.ts';
import type { Store } from '../../store/db.ts';
import type { HeavyWork } from '../heavy/pool.ts';
import { requireActor } from '../session.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const Filter = z.object({
  unitKind: z.enum(['xã', 'phường', 'đặc khu']).optional(),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted', 'approved']).optional(),
}).strict();

const DOCS = {
  'consolidated.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'Tong-hop-du-toan-KHCN', format: 'xlsx' },
  'consolidated.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'Bao-cao-tong-hop-KHCN', format: 'docx' },
} as const;

export const dashboardRoutes = (store: Store, heavy: HeavyWork): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/dashboard', {
    schema: { tags: ['dashboard'], summary: 'Số liệu bảng điều khiển của Sở (từ các báo cáo đã tiếp nhận)', querystring: Filter.extend({ cycleId: z.string().max(64).optional() }).strict() },
  }, async (request) => ({ dashboard: await dashboard(store, requireActor(request), request.query.cycleId, { unitKind: request.query.unitKind, status: request.query.status }) }));

  app.get('/api/cycles/:id/consolidation', {
    schema: { tags: ['dashboard'], summary: 'Tổng hợp theo lĩnh vực, loại chi, Khoản, nguồn kinh phí, đơn vị; chỉ số hồ sơ và phân bố', params: IdParams, querystring: Filter },
  }, async (request) => cycleConsolidation(store, requireActor(request), request.params.id, { unitKind: request.query.unitKind, status: request.query.status }));

  for (const [path, doc] of Object.entries(DOCS)) {
    app.get(`/api/cycles/:id/${path}`, {
      schema: { tags: ['dashboard'], summary: path.endsWith('xlsx') ? 'Biểu tổng hợp XLSX của tỉnh/thành phố' : 'Báo cáo tổng hợp của Sở gửi UBND thành phố (DOCX, NĐ 30/2020)', params: IdParams },
    }, async (request, reply) => {
      const model = await consolidatedModel(store, requireActor(request), request.params.id);
      // The model is read here (database); the workbook or report is written in a worker.
      const bytes = await heavy.renderConsolidated(doc.format, model);
      const ext = path.split('.').pop();
      return reply
        .header('content-type', doc.type)
        .header('content-length', String(bytes.byteLength))
        .header('content-disposition', `attachment; filename="${doc.name}-${model.cycle.planYear}.${ext}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }
};
