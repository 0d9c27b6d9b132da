import { COMMENT_MAX_LENGTH } from '../../domain/comment-limits.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_TEXT } from '../../domain/limits.ts';
import { SafeText } from '../../domain/safe-text.ts';
import { acceptReport, addComment, COMMENT_SECTIONS, deleteComment, editComment, listComments, returnReport, reviewBundle, reviewQueue } from '../../services/review.ts';
import type { Store } from '../../store/db.ts';
import { IfMatchHeaders, ifMatchVersion } from '../if-match.ts';
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
        path: z.enum(COMMENT_SECTIONS, { error: () => 'Mục góp ý không phải là một mục của báo cáo.' }),
        lineId: SafeText(MAX_TEXT.id, { multiline: false }).min(1).optional(),
        body: SafeText(COMMENT_MAX_LENGTH).min(1, 'Nội dung góp ý không được để trống.'),
      }).strict(),
    },
  }, async (request, reply) => reply.status(201).send({ comment: await addComment(store, requireActor(request), request.params.id, request.body) }));

  app.patch('/api/reports/:id/comments/:commentId', {
    schema: {
      tags: ['review'],
      summary: 'Sửa góp ý của chính mình (trước khi báo cáo được trả lại, tiếp nhận hoặc nộp lại)',
      params: CommentParams,
      body: z.object({ body: SafeText(COMMENT_MAX_LENGTH).min(1, 'Nội dung góp ý không được để trống.') }).strict(),
    },
  }, async (request) => ({ comment: await editComment(store, requireActor(request), request.params.id, request.params.commentId, request.body.body) }));

  app.delete('/api/reports/:id/comments/:commentId', {
    schema: { tags: ['review'], summary: 'Xóa góp ý của chính mình (trước khi báo cáo được trả lại, tiếp nhận hoặc nộp lại)', params: CommentParams },
  }, async (request) => {
    await deleteComment(store, requireActor(request), request.params.id, request.params.commentId);
    return { ok: true };
  });

  app.post('/api/reports/:id/return', {
    schema: { tags: ['review'], summary: 'Trả lại báo cáo kèm lý do; If-Match là phiên bản đang xem', params: IdParams, headers: IfMatchHeaders, body: z.object({ reason: SafeText(COMMENT_MAX_LENGTH).min(1, 'Cần ghi lý do trả lại.') }).strict() },
  }, async (request) => ({ meta: await returnReport(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.body.reason) }));

  app.post('/api/reports/:id/accept', {
    schema: { tags: ['review'], summary: 'Tiếp nhận báo cáo; If-Match là phiên bản đang xem', params: IdParams, headers: IfMatchHeaders, body: z.object({ note: SafeText(COMMENT_MAX_LENGTH).optional() }).strict().default({}) },
  }, async (request) => ({ meta: await acceptReport(store, requireActor(request), request.params.id, ifMatchVersion(request.headers), request.body.note) }));
};
