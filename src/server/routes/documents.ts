import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getReport } from '../../services/reports.ts';
import type { Store } from '../../store/db.ts';
import { DocumentCache } from '../heavy/document-cache.ts';
import type { HeavyWork } from '../heavy/pool.ts';
import type { DocumentFormat } from '../heavy/tasks.ts';
import { requireActor } from '../session.ts';
import { documentFileName } from '../file-names.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();

const DOCUMENTS = [
  { path: 'document.docx', format: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', summary: 'Báo cáo (DOCX, NĐ 30/2020)' },
  { path: 'appendix.xlsx', format: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', summary: 'Biểu chi tiết dự toán (XLSX)' },
  { path: 'document.pdf', format: 'docx.pdf', type: 'application/pdf', summary: 'Báo cáo (PDF, qua LibreOffice)' },
  { path: 'appendix.pdf', format: 'xlsx.pdf', type: 'application/pdf', summary: 'Biểu chi tiết dự toán (PDF, qua LibreOffice)' },
] as const satisfies readonly { path: string; format: DocumentFormat; type: string; summary: string }[];

/** Statuses whose version is frozen: its body and content hash never change again. */
const FROZEN = new Set(['submitted', 'accepted', 'approved']);

/**
 * A report's official documents, rendered in the worker pools (never on the thread answering
 * requests); those of frozen versions are cached by (report, version, kind, options).
 */
export const documentRoutes = (store: Store, heavy: HeavyWork, cache = new DocumentCache()): FastifyPluginAsyncZod => async (app) => {
  for (const doc of DOCUMENTS) {
    app.get(`/api/reports/:id/${doc.path}`, {
      schema: { tags: ['documents'], summary: doc.summary, params: IdParams, querystring: z.object({ appendix: z.enum(['0', '1']).optional() }).strict() },
    }, async (request, reply) => {
      const { report, meta } = await getReport(store, requireActor(request), request.params.id);
      const frozen = meta.contentHash !== null && FROZEN.has(meta.status) ? meta.contentHash : undefined;
      // A draft or returned report's documents say so on every page; submitted ones are unchanged.
      const draft = meta.status === 'draft' || meta.status === 'returned';
      const options = { appendix: request.query.appendix === '1', ...(frozen ? { contentHash: frozen } : {}), ...(draft ? { draft } : {}) };
      const render = () => heavy.renderDocument(doc.format, report, options);
      const bytes = frozen ? await cache.get([meta.id, meta.version, doc.path, options.appendix ? 1 : 0, frozen].join('|'), render) : await render();
      const name = documentFileName(report, doc.path);
      return reply
        .header('content-type', doc.type)
        .header('content-disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.unicode)}`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }
};
