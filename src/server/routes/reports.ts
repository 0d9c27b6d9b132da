import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Report } from '../../domain/report-schema.ts';
import { REPORT_STATUSES } from '../../domain/status.ts';
import { diffVersions, getChecks, getReport, getReportJson, getVersion, listEvents, listReports, listVersions, restoreVersion, saveReport, submitReport, VersionConflict } from '../../services/reports.ts';
import type { Store } from '../../store/db.ts';
import { IfMatchHeaders, ifMatchVersion } from '../if-match.ts';
import { requireActor } from '../session.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const reportRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/reports', {
    schema: {
      tags: ['reports'],
      summary: 'Các báo cáo người dùng được xem',
      querystring: z.object({ status: z.enum(REPORT_STATUSES).optional(), q: z.string().max(100).optional(), cycleId: z.string().max(64).optional() }).strict(),
    },
  }, async (request) => ({ items: await listReports(store, requireActor(request), request.query) }));

  app.get('/api/reports/:id', { schema: { tags: ['reports'], summary: 'Một báo cáo và trạng thái của nó', params: IdParams } }, async (request, reply) =>
    // Already JSON text: the content type Fastify gives a serialised object.
    reply.type('application/json; charset=utf-8').send(await getReportJson(store, requireActor(request), request.params.id)));

  /** A save or restore: the envelope, or 409 with the current envelope so the client can merge. */
  const versionWrite = async (request: { params: { id: string } } & Parameters<typeof requireActor>[0], reply: FastifyReply, write: () => Promise<unknown>) => {
    try {
      return await write();
    } catch (e) {
      if (e instanceof VersionConflict) {
        const current = await getReport(store, requireActor(request), request.params.id);
        return reply.status(409).send({ error: { code: e.code, message: e.message, currentVersion: e.currentVersion, current } });
      }
      throw e;
    }
  };

  app.put('/api/reports/:id', {
    schema: {
      tags: ['reports'],
      summary: 'Lưu báo cáo (phiên bản mới); If-Match là phiên bản đang sửa; action=import khi lưu nội dung nhập từ tệp',
      params: IdParams,
      querystring: z.object({ action: z.enum(['save', 'import']).default('save') }).strict(),
      headers: IfMatchHeaders,
      body: Report,
    },
  }, async (request, reply) =>
    versionWrite(request, reply, () => saveReport(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.body, request.query.action)));

  app.post('/api/reports/:id/versions/:version/restore', {
    schema: {
      tags: ['reports'],
      summary: 'Khôi phục một phiên bản cũ thành phiên bản mới; If-Match là phiên bản đang sửa',
      params: z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1).max(1e9) }).strict(),
      headers: IfMatchHeaders,
    },
  }, async (request, reply) =>
    versionWrite(request, reply, () => restoreVersion(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.params.version)));

  app.post('/api/reports/:id/submit', {
    schema: {
      tags: ['reports'],
      summary: 'Chủ tịch UBND nộp báo cáo; If-Match là phiên bản đang xem (409 nếu đã có phiên bản mới hơn)',
      params: IdParams,
      headers: IfMatchHeaders,
      body: z.object({ acknowledgeWarnings: z.boolean().default(false) }).strict().default({ acknowledgeWarnings: false }),
    },
  }, async (request) => ({ meta: await submitReport(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.body.acknowledgeWarnings) }));

  app.get('/api/reports/:id/checks', { schema: { tags: ['reports'], summary: 'Kết quả kiểm tra số liệu', params: IdParams } }, async (request) =>
    ({ findings: await getChecks(store, requireActor(request), request.params.id) }));

  app.get('/api/reports/:id/versions', { schema: { tags: ['reports'], summary: 'Lịch sử phiên bản', params: IdParams } }, async (request) =>
    ({ items: await listVersions(store, requireActor(request), request.params.id) }));

  app.get('/api/reports/:id/versions/:version', {
    schema: { tags: ['reports'], summary: 'Một phiên bản', params: z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1).max(1e9) }).strict() },
  }, async (request) => getVersion(store, requireActor(request), request.params.id, request.params.version));

  app.get('/api/reports/:id/diff', {
    schema: { tags: ['reports'], summary: 'So sánh hai phiên bản', params: IdParams, querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict() },
  }, async (request) => ({ changes: await diffVersions(store, requireActor(request), request.params.id, request.query.from, request.query.to) }));

  app.get('/api/reports/:id/events', { schema: { tags: ['reports'], summary: 'Dòng thời gian trạng thái', params: IdParams } }, async (request) =>
    ({ items: await listEvents(store, requireActor(request), request.params.id) }));
};
