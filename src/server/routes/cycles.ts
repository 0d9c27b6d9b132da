import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_TEXT } from '../../domain/limits.ts';
import { SafeText } from '../../domain/safe-text.ts';
import { TIMELINESS_LABELS } from '../../domain/progress.ts';
import { STATUS_LABELS, type ReportStatus } from '../../services/policy.ts';
import { cycleProgress, editCycle, extendDeadline, listCycles, openCycle, setCycleStatus } from '../../services/cycle-admin.ts';
import type { Store } from '../../store/db.ts';
import { requireActor } from '../session.ts';
import { csvCell } from './csv.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.');
const UnitKindFilter = z.enum(['xã', 'phường', 'đặc khu']).optional();

export const cycleRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/cycles', { schema: { tags: ['cycles'], summary: 'Các kỳ báo cáo của tỉnh/thành phố' } }, async (request) => ({ items: await listCycles(store, requireActor(request)) }));

  app.post('/api/cycles', {
    schema: {
      tags: ['cycles'],
      summary: 'Mở kỳ báo cáo (quản trị Sở): năm kế hoạch, văn bản hướng dẫn, hạn nộp, đơn vị phải báo cáo',
      body: z.object({
        planYear: z.number().int().min(2000).max(2100),
        guidanceNumber: SafeText(MAX_TEXT.name, { multiline: false }).min(1),
        guidanceDate: IsoDate.nullable().optional(),
        guidanceIssuer: SafeText(MAX_TEXT.name, { multiline: false }).min(1),
        deadline: IsoDate,
        unitIds: z.array(SafeText(MAX_TEXT.id, { multiline: false }).min(1)).max(5000).optional(),
      }).strict(),
    },
  }, async (request, reply) => reply.status(201).send({ cycle: await openCycle(store, requireActor(request), request.body) }));

  app.patch('/api/cycles/:id', {
    schema: {
      tags: ['cycles'],
      summary: 'Sửa văn bản hướng dẫn (số, ngày, cơ quan ban hành) hoặc hạn nộp chung của kỳ đang mở (quản trị Sở)',
      params: IdParams,
      body: z.object({
        guidanceNumber: SafeText(MAX_TEXT.name, { multiline: false }).min(1).optional(),
        guidanceDate: IsoDate.nullable().optional(),
        guidanceIssuer: SafeText(MAX_TEXT.name, { multiline: false }).min(1).optional(),
        deadline: IsoDate.optional(),
      }).strict(),
    },
  }, async (request) => ({ cycle: await editCycle(store, requireActor(request), request.params.id, request.body) }));

  app.put('/api/cycles/:id/status', {
    schema: {
      tags: ['cycles'],
      summary: 'Đóng kỳ báo cáo (không nhận nộp thêm) hoặc mở lại (quản trị Sở)',
      params: IdParams,
      body: z.object({ status: z.enum(['open', 'closed']) }).strict(),
    },
  }, async (request) => ({ cycle: await setCycleStatus(store, requireActor(request), request.params.id, request.body.status) }));

  app.put('/api/cycles/:id/deadlines/:unitId', {
    schema: {
      tags: ['cycles'],
      summary: 'Gia hạn nộp cho một đơn vị (null: bỏ hạn riêng)',
      params: z.object({ id: z.string().min(1).max(64), unitId: z.string().min(1).max(64) }).strict(),
      body: z.object({ deadline: IsoDate.nullable() }).strict(),
    },
  }, async (request) => {
    await extendDeadline(store, requireActor(request), request.params.id, request.params.unitId, request.body.deadline);
    return { ok: true };
  });

  app.get('/api/cycles/:id/progress', {
    schema: { tags: ['cycles'], summary: 'Tiến độ nộp: số đơn vị phải nộp, đang soạn, đã nộp (đúng hạn/trễ), bị trả lại, đã tiếp nhận; danh sách trễ hạn và cần nhắc', params: IdParams, querystring: z.object({ unitKind: UnitKindFilter }).strict() },
  }, async (request) => cycleProgress(store, requireActor(request), request.params.id, Date.now(), { unitKind: request.query.unitKind }));

  app.get('/api/cycles/:id/reminders.csv', {
    schema: { tags: ['cycles'], summary: 'Danh sách đơn vị cần nhắc nộp (CSV, mở được bằng Excel)', params: IdParams },
  }, async (request, reply) => {
    const p = await cycleProgress(store, requireActor(request), request.params.id);
    const lines = [['STT', 'Đơn vị', 'Trạng thái', 'Hạn nộp', 'Tình hình', 'Số ngày quá hạn'].join(',')];
    p.reminders.forEach((r, i) => lines.push([String(i + 1), `${r.unit.kind} ${r.unit.name}`, STATUS_LABELS[r.status as ReportStatus] ?? r.status, r.deadline, TIMELINESS_LABELS[r.timeliness], String(r.daysLate)].map(csvCell).join(',')));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhac-nop-${p.cycle.planYear}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
};
