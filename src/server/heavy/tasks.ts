import { isAppError } from '../../domain/errors.ts';
import type { Report } from '../../domain/report-schema.ts';
import { renderConsolidatedDocx, renderConsolidatedXlsx, type ConsolidatedModel } from '../../documents/consolidated/index.ts';
import { importReport, type ImportOptions, type ImportSource, type ImportWarning, type SourceTable } from '../../documents/import/index.ts';
import { convertToPdf, renderAppendixXlsx, renderDocx, type RenderOptions } from '../../documents/render/index.ts';

/**
 * The work that runs in the worker threads (see pool.ts): rendering, PDF conversion, import
 * parsing and the consolidated documents. Plain data in and out (structured clone), no database.
 */
export type DocumentFormat = 'docx' | 'xlsx' | 'docx.pdf' | 'xlsx.pdf';

export type HeavyTask =
  | { type: 'document'; format: DocumentFormat; report: Report; options: RenderOptions }
  | { type: 'import'; bytes: Uint8Array; fileName: string; options?: ImportOptions }
  | { type: 'consolidated'; format: 'docx' | 'xlsx'; model: ConsolidatedModel };

/** What was read from an upload; the route then names the unit from the register and checks it. */
export interface ImportPreview {
  report: Report;
  warnings: ImportWarning[];
  lines: string[];
  tables: SourceTable[];
  sources: ImportSource[];
}

/** An AppError does not survive structured cloning as itself: it crosses as this. */
export interface TaskFailure {
  code: string;
  message: string;
  status: number;
  details?: unknown;
}

export type TaskOutcome = { ok: true; value: Uint8Array | ImportPreview } | { ok: false; error: TaskFailure };

async function perform(task: HeavyTask): Promise<Uint8Array | ImportPreview> {
  switch (task.type) {
    case 'document': {
      const { report, options } = task;
      if (task.format === 'docx') return renderDocx(report, options);
      if (task.format === 'xlsx') return renderAppendixXlsx(report, options);
      if (task.format === 'docx.pdf') return convertToPdf(await renderDocx(report, options), 'docx');
      return convertToPdf(await renderAppendixXlsx(report, options), 'xlsx');
    }
    case 'import': {
      const result = await importReport(task.bytes, task.fileName, task.options);
      return { report: result.report, warnings: result.warnings, lines: result.lines, tables: result.tables, sources: result.sources };
    }
    case 'consolidated':
      return task.format === 'xlsx' ? renderConsolidatedXlsx(task.model) : renderConsolidatedDocx(task.model);
  }
}

/** Runs one task; expected failures come back as data, anything else is rethrown (a bug). */
export async function runTask(task: HeavyTask): Promise<TaskOutcome> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, error: { code: e.code, message: e.message, status: e.status, ...(e.details === undefined ? {} : { details: e.details }) } };
  }
}
