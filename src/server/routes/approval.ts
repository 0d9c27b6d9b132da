import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_BUDGET_LINES, MAX_TEXT } from '../../domain/limits.ts';
import { SafeText } from '../../domain/safe-text.ts';
import { correctApproval, cycleExecution, getExecution, recordApproval } from '../../services/approval.ts';
import { correctDisbursement, recordDisbursement } from '../../services/disbursement.ts';
import type { Store } from '../../store/db.ts';
import { IfMatchHeaders, ifMatchVersion } from '../if-match.ts';
import { requireActor } from '../session.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.');
const Dong = z.number().int('Số tiền phải là số nguyên đồng.').min(0).max(Number.MAX_SAFE_INTEGER);
const Reason = SafeText(2000);
const ApprovalBody = {
  decisionNumber: SafeText(MAX_TEXT.name, { multiline: false }).min(1),
  decisionDate: IsoDate,
  lines: z.array(z.object({ lineId: SafeText(MAX_TEXT.id, { multiline: false }).min(1), approved: Dong }).strict()).max(MAX_BUDGET_LINES).optional(),
  /** Required when a line is approved above its request (422 ABOVE_REQUEST_NEEDS_REASON otherwise). */
  aboveRequest: z.object({ confirmed: z.literal(true), reason: Reason }).strict().optional(),
};

export const approvalRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/reports/:id/execution', {
    schema: { tags: ['approval'], summary: 'Quyết định phê duyệt (phiên bản mới nhất và lịch sử), dự toán được duyệt theo dòng và giải ngân', params: IdParams },
  }, async (request) => getExecution(store, requireActor(request), request.params.id));

  app.post('/api/reports/:id/approval', {
    schema: {
      tags: ['approval'],
      summary: 'Ghi nhận quyết định phê duyệt của UBND thành phố (quản trị Sở); dòng duyệt cao hơn đề nghị cần xác nhận kèm lý do; If-Match là phiên bản đang xem',
      params: IdParams,
      headers: IfMatchHeaders,
      body: z.object(ApprovalBody).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await recordApproval(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.body)));

  app.post('/api/reports/:id/approval/versions', {
    schema: {
      tags: ['approval'],
      summary: 'Điều chỉnh phê duyệt đã ghi (quản trị Sở): một phiên bản mới kèm lý do, các phiên bản cũ giữ nguyên',
      params: IdParams,
      body: z.object({ ...ApprovalBody, expectedVersion: z.number().int().min(1), reason: Reason.min(1, 'Cần ghi lý do điều chỉnh.') }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await correctApproval(store, requireActor(request), request.params.id, request.body)));

  app.post('/api/reports/:id/disbursements', {
    schema: {
      tags: ['approval'],
      summary: 'Xã ghi nhận giải ngân theo dòng dự toán được duyệt',
      params: IdParams,
      body: z.object({ lineId: SafeText(MAX_TEXT.id, { multiline: false }).min(1), amount: Dong, date: IsoDate, note: SafeText(1000).optional() }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await recordDisbursement(store, requireActor(request), request.params.id, request.body)));

  app.post('/api/reports/:id/disbursements/:disbursementId/corrections', {
    schema: {
      tags: ['approval'],
      summary: 'Xã điều chỉnh một lần giải ngân đã ghi: bản ghi mới thay thế (0 để hủy), bản cũ giữ lại trong lịch sử',
      params: z.object({ id: z.string().min(1).max(64), disbursementId: z.string().min(1).max(64) }).strict(),
      body: z.object({ amount: Dong, date: IsoDate, note: SafeText(1000).optional(), reason: Reason.min(1, 'Cần ghi lý do điều chỉnh.') }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await correctDisbursement(store, requireActor(request), request.params.id, request.params.disbursementId, request.body)));

  app.get('/api/cycles/:id/execution', {
    schema: { tags: ['approval'], summary: 'Giải ngân so với dự toán được duyệt, theo xã và lĩnh vực (Sở)', params: IdParams },
  }, async (request) => cycleExecution(store, requireActor(request), request.params.id));
};
