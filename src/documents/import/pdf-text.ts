import { AppError } from '../../domain/errors.ts';
import type { SourceDocument } from './types.ts';

export async function pdfDocument(_bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  throw new AppError('IMPORT_UNSUPPORTED', `Chưa đọc được tệp PDF ${fileName}.`);
}
