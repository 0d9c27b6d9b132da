import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { formatPath } from '../domain/checks.ts';
import { isAppError } from '../domain/errors.ts';

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
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      const details = error.details && typeof error.details === 'object' ? error.details : {};
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, ...details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const findings = error.validation.map((v) => ({
        code: 'VALIDATION',
        path: formatPath((v.instancePath || '').split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))),
        message: v.message ?? 'Giá trị không hợp lệ.',
      }));
      const where = error.validationContext === 'querystring' ? 'tham số truy vấn' : error.validationContext === 'params' ? 'đường dẫn' : error.validationContext === 'headers' ? 'tiêu đề' : 'dữ liệu gửi lên';
      return reply.status(400).send({ error: { code: 'VALIDATION', message: `Có ${findings.length} lỗi trong ${where}: ${findings.map((f) => `${f.path || 'gốc'}: ${f.message}`).slice(0, 3).join('; ')}`, findings } });
    }
    const mapped = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (mapped) return reply.status(mapped[0]).send({ error: { code: mapped[1], message: mapped[2] } });
    // A truncated or malformed multipart body (busboy's errors carry no code): the client's fault.
    if (request.isMultipart() && !error.code && /multipart|part header|boundary|end of form/i.test(error.message)) {
      return reply.status(400).send({ error: { code: 'MULTIPART_INVALID', message: 'Dữ liệu tải lên bị hỏng hoặc không trọn vẹn; hãy gửi lại tệp.' } });
    }
    if (error.statusCode === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.' } });
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị.' } });
  });
}
