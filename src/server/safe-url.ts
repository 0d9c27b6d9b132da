import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { textProblem } from '../domain/safe-text.ts';

/**
 * The text rule of safe-text.ts for what arrives in the URL: every path parameter and query value
 * of every API route, present and future, is one line without control characters or lone surrogates.
 * A `%00` in an id used to reach PostgreSQL, which refuses NUL in text: a 500 instead of a 400.
 * Runs before the route's own schema, so an id or a search can never carry one into a query.
 */
export function refuseUnsafeUrlText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // The API's routes; static files answer their own way (static.ts: 400 BAD_URL).
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    for (const [where, values] of [['đường dẫn', request.params], ['tham số truy vấn', request.query]] as const) {
      if (typeof values !== 'object' || values === null) continue;
      for (const value of Object.values(values as Record<string, unknown>)) {
        for (const text of Array.isArray(value) ? value : [value]) {
          if (typeof text !== 'string') continue;
          const problem = textProblem(text, false);
          if (problem) throw new AppError(problem.code, `${where[0]?.toUpperCase()}${where.slice(1)} không hợp lệ: ${problem.message}`, { status: 400 });
        }
      }
    }
  });
}
