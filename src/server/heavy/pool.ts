import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../../domain/errors.ts';
import type { BudgetLine, Report } from '../../domain/report-schema.ts';
import type { ConsolidatedModel } from '../../documents/consolidated/index.ts';
import type { ImportOptions } from '../../documents/import/index.ts';
import type { RenderOptions } from '../../documents/render/index.ts';
import type { DocumentFormat, HeavyTask, ImportPreview, TaskOutcome } from './tasks.ts';

/**
 * Heavy work (rendering, PDF conversion, import parsing, consolidated documents) runs in worker
 * threads, one pool per kind, so that one user's large document can neither block the event
 * loop that answers everyone else nor take the process down: each worker has a heap limit and
 * each task a deadline (a worker over either is terminated and replaced), each pool a bounded
 * queue (beyond it: 503 with Retry-After), and the workers run at a lower CPU priority than the
 * thread that answers requests.
 */
export type PoolKind = 'render' | 'renderLarge' | 'pdf' | 'import' | 'consolidation';

export interface PoolLimits {
  /** Worker threads, i.e. tasks at a time (for pdf: LibreOffice processes at a time). */
  threads: number;
  /** Tasks that may wait behind the running ones; one more is refused (503, Retry-After). */
  queue: number;
  /** V8 heap of one worker (old generation), in MB; above it the worker is terminated. */
  memoryMb: number;
  /** From the task's arrival (queue wait included) to its result. */
  timeoutMs: number;
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfterSeconds: number;
  /**
   * Added to the workers' Linux nice value (LibreOffice started from a worker inherits it): the
   * long tasks give way to the thread answering requests when the cores are all busy.
   */
  nice: number;
}

export type HeavyLimits = Record<PoolKind, PoolLimits>;
export type HeavyLimitsInput = Partial<Record<PoolKind, Partial<PoolLimits>>>;

const cores = availableParallelism();

/**
 * Measured on the largest report the schema allows (2.000 budget lines, 6 levels): its DOCX with
 * the appendix takes ~6 s and ~600 MB of heap on one idle core (the docx library builds every
 * table cell as an object tree), an ordinary report's ~20 ms. So reports with more than
 * LARGE_REPORT_LINES budget lines render in a pool of their own (one thread, 1 GB, a short
 * queue, a lower priority): however many of them one user asks for, everyone else's documents
 * never wait behind them. At that lower priority on a saturated machine the largest render was
 * measured at 57 s: hence deadlines of minutes. PDF runs LibreOffice (~150 MB each, its own
 * process): two at a time.
 */
export const DEFAULT_LIMITS: HeavyLimits = {
  render: { threads: Math.max(1, Math.floor(cores / 2)), queue: 32, memoryMb: 512, timeoutMs: 60_000, retryAfterSeconds: 5, nice: 0 },
  renderLarge: { threads: 1, queue: 2, memoryMb: 1024, timeoutMs: 120_000, retryAfterSeconds: 30, nice: 10 },
  pdf: { threads: Math.min(2, cores), queue: 4, memoryMb: 1024, timeoutMs: 150_000, retryAfterSeconds: 30, nice: 10 },
  import: { threads: 1, queue: 8, memoryMb: 768, timeoutMs: 30_000, retryAfterSeconds: 10, nice: 5 },
  consolidation: { threads: 1, queue: 4, memoryMb: 1024, timeoutMs: 120_000, retryAfterSeconds: 30, nice: 5 },
};

/** Budget lines (groups included) above which a report renders in the renderLarge pool. */
export const LARGE_REPORT_LINES = 250;

const countLines = (lines: readonly BudgetLine[]): number => lines.reduce((n, l) => n + 1 + countLines(l.children), 0);
const budgetLines = (r: Report): number => countLines(r.plan.budget) + countLines(r.implementation.budget.lines);

/** What each kind of work is called in a message: "Máy chủ đang … cho nhiều người cùng lúc". */
const WHAT: Record<PoolKind, string> = {
  render: 'tạo văn bản',
  renderLarge: 'tạo văn bản có nhiều dòng dự toán',
  pdf: 'chuyển văn bản sang PDF',
  import: 'đọc tệp nhập',
  consolidation: 'lập biểu tổng hợp',
};

/** An AppError the client may retry later: Retry-After goes with it (see retryAfterHook). */
export class RetryLaterError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message, { status: 503 });
  }
}

const WORKER = new URL('./worker.mjs', import.meta.url);
// A worker left idle this long is ended; a new one starts in ~0,5–1 s.
const IDLE_MS = 60_000;

class Pool {
  private piscina: Piscina | undefined;
  private inFlight = 0;

  constructor(
    readonly kind: PoolKind,
    readonly limits: PoolLimits,
  ) {}

  /** Created on first use: an app that never renders starts no thread. */
  private get pool(): Piscina {
    if (!this.piscina) {
      this.piscina = new Piscina({
        filename: WORKER.href,
        minThreads: 0,
        maxThreads: this.limits.threads,
        maxQueue: this.limits.queue,
        idleTimeout: IDLE_MS,
        niceIncrement: this.limits.nice,
        resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      });
      // A worker that dies with no task (it should not) must not become an uncaught 'error' event.
      this.piscina.on('error', (err: unknown) => console.error(`khcn: luồng xử lý (${this.kind}) bị lỗi`, err));
    }
    return this.piscina;
  }

  async run(task: HeavyTask): Promise<unknown> {
    const what = WHAT[this.kind];
    if (this.inFlight >= this.limits.threads + this.limits.queue) throw this.busy();
    this.inFlight += 1;
    let outcome: TaskOutcome;
    try {
      outcome = (await this.pool.run(task, { signal: AbortSignal.timeout(this.limits.timeoutMs) })) as TaskOutcome;
    } catch (e) {
      const err = e as Error & { code?: string; cause?: unknown };
      if (err.name === 'AbortError') {
        throw new RetryLaterError('WORK_TIMEOUT', `Việc ${what} không xong trong ${this.limits.timeoutMs / 1000} giây nên đã dừng; vui lòng thử lại sau ít phút.`, this.limits.retryAfterSeconds);
      }
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AppError('WORK_TOO_LARGE', `Việc ${what} cần nhiều bộ nhớ hơn giới hạn ${this.limits.memoryMb} MB của máy chủ nên đã dừng; tài liệu quá lớn.`, { status: 422 });
      }
      if (err.message === 'Task queue is at limit') throw this.busy();
      throw e;
    } finally {
      this.inFlight -= 1;
    }
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message, { status: outcome.error.status, details: outcome.error.details });
    return outcome.value;
  }

  private busy(): RetryLaterError {
    const wait = this.limits.retryAfterSeconds;
    return new RetryLaterError('SERVER_BUSY', `Máy chủ đang ${WHAT[this.kind]} cho nhiều người cùng lúc; vui lòng thử lại sau khoảng ${wait} giây.`, wait);
  }

  async close(): Promise<void> {
    await this.piscina?.destroy();
    this.piscina = undefined;
  }
}

/** The pools of one server (buildApp makes one; tests may give their own limits). */
export class HeavyWork {
  readonly limits: HeavyLimits;
  private readonly pools: Record<PoolKind, Pool>;

  constructor(limits: HeavyLimitsInput = {}) {
    const merged = Object.fromEntries(
      (Object.keys(DEFAULT_LIMITS) as PoolKind[]).map((k) => [k, { ...DEFAULT_LIMITS[k], ...limits[k] }]),
    ) as HeavyLimits;
    this.limits = merged;
    this.pools = Object.fromEntries((Object.keys(merged) as PoolKind[]).map((k) => [k, new Pool(k, merged[k])])) as Record<PoolKind, Pool>;
  }

  /** A report's DOCX/XLSX (render pools, by size) or its PDF (pdf pool: rendered, then LibreOffice). */
  async renderDocument(format: DocumentFormat, report: Report, options: RenderOptions): Promise<Uint8Array> {
    const pool = format.endsWith('.pdf') ? this.pools.pdf : budgetLines(report) > LARGE_REPORT_LINES ? this.pools.renderLarge : this.pools.render;
    return (await pool.run({ type: 'document', format, report, options })) as Uint8Array;
  }

  /**
   * An uploaded DOCX/DOC/ODT/PDF/TXT read into a report, with what could not be read and the
   * checks. The worker's heap limit and the task deadline bound the JavaScript; the LibreOffice
   * and poppler processes a .doc/.odt/.pdf needs are bounded by their own deadlines (shorter than
   * the task's, their process group killed) and caps (src/documents/import/child.ts), and there is
   * one at a time per import thread.
   */
  async importDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportPreview> {
    // The task's deadline goes with it: the reader stops LibreOffice (and cleans up) before the
    // pool would end the worker (queue wait counts, as in Pool.run).
    const deadline = Date.now() + this.pools.import.limits.timeoutMs;
    return (await this.pools.import.run({ type: 'import', bytes, fileName, options: { ...options, deadline } })) as ImportPreview;
  }

  /** A cycle's consolidated workbook or summary report. */
  async renderConsolidated(format: 'docx' | 'xlsx', model: ConsolidatedModel): Promise<Uint8Array> {
    return (await this.pools.consolidation.run({ type: 'consolidated', format, model })) as Uint8Array;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((p) => p.close()));
  }
}
