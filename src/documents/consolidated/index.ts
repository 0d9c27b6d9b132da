export { renderConsolidatedDocx } from './docx.ts';
export { renderConsolidatedXlsx, writeConsolidatedXlsx, SHEET } from './xlsx.ts';
export type { ConsolidatedModel } from './model.ts';
