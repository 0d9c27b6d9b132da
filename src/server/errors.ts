import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { formatPath } from '../domain/checks.ts';
import { isAppError } from '../domain/errors.ts';
import { formatNumber } from '../domain/format.ts';
import { limitCodeOf, MAX_FINDINGS } from '../domain/limits.ts';

/**
 * Every error leaves as `{ error: { code, message, ...details } }` with a Vietnamese message.
 * Expected failures are AppErrors or framework errors mapped here; anything else is a 500 whose
 * details go to the log, not to the client.
 */
const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY', 'Thiếu dữ liệu gửi lên.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'Độ dài dữ liệu không hợp lệ.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'FILE_TOO_LARGE', 'Tệp tải lên quá lớn (tối đa 10 MB).'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'NOT_MULTIPART', 'Hãy gửi tệp theo dạng multipart/form-data.'],
  FST_FILES_LIMIT: [413, 'TOO_MANY_FILES', 'Chỉ gửi một tệp mỗi lần.'],
  FST_PARTS_LIMIT: [413, 'TOO_MANY_PARTS', 'Quá nhiều phần dữ liệu.'],
  FST_ERR_BAD_URL: [400, 'BAD_URL', 'Đường dẫn không hợp lệ.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URL_TOO_LONG', 'Đường dẫn quá dài.'],
  // @fastify/static refusing `..` outside the root or a NUL byte: a bad path, not a server fault.
  FST_STATIC_FORBIDDEN_PATH: [400, 'BAD_URL', 'Đường dẫn không hợp lệ.'],
};

/**
 * Any other 4xx a plugin raises (multipart, static, rate limit, a future one) keeps its status and
 * gets a code and a Vietnamese message from the status alone: a client's mistake is never a 500
 * and never an English message in another shape.
 */
const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'Yêu cầu không hợp lệ.'],
  401: ['UNAUTHENTICATED', 'Bạn cần đăng nhập.'],
  403: ['FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['NOT_FOUND', 'Không tìm thấy đường dẫn.'],
  405: ['METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ ở đường dẫn này.'],
  406: ['NOT_ACCEPTABLE', 'Dữ liệu gửi lên không đúng dạng được chấp nhận.'],
  408: ['REQUEST_TIMEOUT', 'Yêu cầu gửi quá chậm nên đã bị ngắt; vui lòng thử lại.'],
  411: ['LENGTH_REQUIRED', 'Thiếu độ dài dữ liệu gửi lên.'],
  413: ['BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
  414: ['URL_TOO_LONG', 'Đường dẫn quá dài.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'],
  416: ['RANGE_NOT_SATISFIABLE', 'Phạm vi dữ liệu yêu cầu không hợp lệ.'],
  429: ['RATE_LIMITED', 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.'],
  431: ['HEADERS_TOO_LARGE', 'Phần tiêu đề của yêu cầu quá lớn.'],
};

const clientError = (status: number): { error: { code: string; message: string } } => {
  const [code, message] = CLIENT_ERRORS[status] ?? CLIENT_ERRORS[400]!;
  return { error: { code, message } };
};

/**
 * Fastify's `frameworkErrors`: a URL its router cannot decode (`/%`, a broken UTF-8 escape) or an
 * over-long parameter is answered before any route or error handler runs, so it is mapped here.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const mapped = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (mapped) void reply.status(mapped[0]).send({ error: { code: mapped[1], message: mapped[2] } });
  else void reply.status(400).send(clientError(400));
}

/**
 * Node's `clientError`: a request the HTTP parser itself refuses (an unknown method, a malformed
 * request line, headers over the limit, a timeout). No request object exists yet, so the answer is
 * written on the socket, as Fastify's default does, in our shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(clientError(status));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      const details = error.details && typeof error.details === 'object' ? error.details : {};
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, ...details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A limit broken (depth, lines, length, characters) names itself, in each finding and in `code`.
      const findings = error.validation.slice(0, MAX_FINDINGS).map((v) => ({
        code: limitCodeOf(v) ?? 'VALIDATION',
        path: formatPath((v.instancePath || '').split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))),
        message: v.message ?? 'Giá trị không hợp lệ.',
      }));
      const where = error.validationContext === 'querystring' ? 'tham số truy vấn' : error.validationContext === 'params' ? 'đường dẫn' : error.validationContext === 'headers' ? 'tiêu đề' : 'dữ liệu gửi lên';
      const code = findings.find((f) => f.code !== 'VALIDATION')?.code ?? 'VALIDATION';
      return reply.status(400).send({ error: { code, message: `Có ${formatNumber(error.validation.length)} lỗi trong ${where}: ${findings.map((f) => `${f.path || 'gốc'}: ${f.message}`).slice(0, 3).join('; ')}`, findings } });
    }
    const mapped = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (mapped) return reply.status(mapped[0]).send({ error: { code: mapped[1], message: mapped[2] } });
    // A truncated or malformed multipart body (busboy's errors carry no code): the client's fault.
    if (request.isMultipart() && !error.code && /multipart|part header|boundary|end of form/i.test(error.message)) {
      return reply.status(400).send({ error: { code: 'MULTIPART_INVALID', message: 'Dữ liệu tải lên bị hỏng hoặc không trọn vẹn; hãy gửi lại tệp.' } });
    }
    const status = error.statusCode ?? 0;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'client error');
      return reply.status(status).send(clientError(status));
    }
    if (error instanceof SyntaxError) return reply.status(400).send(clientError(400));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị.' } });
  });
}
