/** The document renderers: the report model in, the bytes of a file out (no database). */
export { renderDocx, QUOC_HIEU, TIEU_NGU } from './docx.ts';
export { renderAppendixXlsx, MILLIONS_FORMAT } from './xlsx.ts';
export { convertToPdf, isPdfAvailable } from './pdf.ts';
export { appendixTable, type AppendixRow, type AppendixTable } from './appendix-table.ts';
export { DEFAULT_GENERATED_AT, type RenderOptions, type Renderer } from './types.ts';
