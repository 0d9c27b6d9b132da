import { COMMENT_MAX_LENGTH } from '../../domain/comment-limits.ts';
import { formatNumber } from '../../domain/format.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptReport, addComment, deleteComment, editComment, listComments, returnReport, reviewBundle, reviewQueue } from '../../services/review.ts';
import type { Store } from '../../store/db.ts';
import { requireActor } from '../session.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const CommentParams = z.object({ id: z.string().min(1).max(64), commentId: z.string().min(1).max(64) }).strict();

export const reviewRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/cycles/:id/queue', {
    schema: {
      tags: ['review'],
      summary: 'Hàng chờ thẩm định: báo cáo đã nộp của kỳ (nộp trước xếp trước)',
      params: IdParams,
      querystring: z.object({ status: z.enum(['submitted', 'returned', 'accepted', 'approved', 'draft']).default('submitted') }).strict(),
    },
  }, async (request) => ({ items: await reviewQueue(store, requireActor(request), request.params.id, request.query.status) }));

  app.get('/api/reports/:id/review', {
    schema: { tags: ['review'], summary: 'Báo cáo kèm kiểm tra, dòng thời gian, góp ý, thay đổi từ lần trả lại và so sánh với năm trước', params: IdParams },
  }, async (request) => reviewBundle(store, requireActor(request), request.params.id));

  app.get('/api/reports/:id/comments', { schema: { tags: ['review'], summary: 'Góp ý của Sở trên báo cáo', params: IdParams } }, async (request) =>
    ({ items: await listComments(store, requireActor(request), request.params.id) }));

  app.post('/api/reports/:id/comments', {
    schema: {
      tags: ['review'],
      summary: 'Góp ý một mục hoặc một dòng dự toán',
      params: IdParams,
      body: z.object({
        path: z.string().min(1).max(200).regex(/^(document|implementation|plan)(\.[A-Za-z]+)*$/, 'Mục góp ý không hợp lệ.'),
        lineId: z.string().min(1).max(64).optional(),
        body: z.string().min(1, 'Nội dung góp ý không được để trống.').max(COMMENT_MAX_LENGTH, `Góp ý dài quá ${formatNumber(COMMENT_MAX_LENGTH)} ký tự.`),
      }).strict(),
    },
  }, async (request, reply) => reply.status(201).send({ comment: await addComment(store, requireActor(request), request.params.id, request.body) }));

  app.patch('/api/reports/:id/comments/:commentId', {
    schema: {
      tags: ['review'],
      summary: 'Sửa góp ý của chính mình (trước khi báo cáo được trả lại, tiếp nhận hoặc nộp lại)',
      params: CommentParams,
      body: z.object({ body: z.string().min(1, 'Nội dung góp ý không được để trống.').max(COMMENT_MAX_LENGTH, `Góp ý dài quá ${formatNumber(COMMENT_MAX_LENGTH)} ký tự.`) }).strict(),
    },
  }, async (request) => ({ comment: await editComment(store, requireActor(request), request.params.id, request.params.commentId, request.body.body) }));

  app.delete('/api/reports/:id/comments/:commentId', {
    schema: { tags: ['review'], summary: 'Xóa góp ý của chính mình (trước khi báo cáo được trả lại, tiếp nhận hoặc nộp lại)', params: CommentParams },
  }, async (request) => {
    await deleteComment(store, requireActor(request), request.params.id, request.params.commentId);
    return { ok: true };
  });

  app.post('/api/reports/:id/return', {
    schema: { tags: ['review'], summary: 'Trả lại báo cáo kèm lý do', params: IdParams, body: z.object({ reason: z.string().min(1, 'Cần ghi lý do trả lại.').max(5000) }).strict() },
  }, async (request) => ({ meta: await returnReport(store, requireActor(request), request.params.id, request.body.reason) }));

  app.post('/api/reports/:id/accept', {
    schema: { tags: ['review'], summary: 'Tiếp nhận báo cáo', params: IdParams, body: z.object({ note: z.string().max(5000).optional() }).strict().default({}) },
  }, async (request) => ({ meta: await acceptReport(store, requireActor(request), request.params.id, request.body.note) }));
};
