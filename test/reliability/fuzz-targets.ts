import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { validateReport } from '../../src/domain/checks.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { MAX_BUDGET_DEPTH, MAX_BUDGET_LINES, MAX_PARAGRAPHS, MAX_TEXT } from '../../src/domain/limits.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { parseVietnameseNumber } from '../../src/domain/parse-number.ts';
import { amountInWords, parseAmountWords } from '../../src/domain/words.ts';
import { importReport } from '../../src/documents/import/index.ts';
import { renderDocx } from '../../src/documents/render/index.ts';
import { budgetChain, reportWithLines } from '../helpers/limit-reports.ts';

/**
 * The fuzz targets, shared by the short run in `npm test` and `npm run fuzz`: the importer, the
 * checker, the number parser, amount words, every API route, and PUT bodies near every limit. Each input must end in a result
 * or a coded AppError — never another exception, a 500, or a hang beyond HANG_MS.
 */
// Generous: a slow, busy CI machine must not fail, a hang (or quadratic blow-up) still does.
export const HANG_MS = 5_000;

const SEED_TEXT = readFileSync(new URL('../fixtures/seed-kien-thuy-2026.txt', import.meta.url), 'utf8');
const SEED_REPORT = JSON.parse(readFileSync(new URL('../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')) as unknown;

/** Every path into the seed report, for "change one thing" mutations. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const SEED_PATHS = paths(SEED_REPORT).filter((p) => p.length > 0);

function mutate(path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(SEED_REPORT) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

/** Numbers, Vietnamese number words, markup, formulas, control characters, long runs. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('1.320', '12,5', '-0', '1e309', 'NaN', '9'.repeat(40), 'một tỷ', '<script>alert(1)</script>', "=cmd|' /C calc'!A0", '\u0000\uFFFE\uD800', '%', '..', ',,', '١٢٣'),
  fc.stringMatching(/^-?[\d.,\s]{0,30}$/),
);

const oneMutation = fc.tuple(fc.integer({ min: 0, max: SEED_PATHS.length - 1 }), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString, fc.integer(), fc.double()));

/** An AppError with a stable code (UPPER_SNAKE), or the input was accepted. */
export function assertCoded(e: unknown, where: string): void {
  if (!isAppError(e) || !/^[A-Z][A-Z0-9_]+$/.test(e.code)) throw new Error(`${where}: uncoded failure: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
}

async function bounded<T>(where: string, run: () => Promise<T> | T): Promise<T | undefined> {
  const started = performance.now();
  try {
    return await run();
  } catch (e) {
    assertCoded(e, where);
    return undefined;
  } finally {
    const ms = performance.now() - started;
    if (ms > HANG_MS) throw new Error(`${where}: took ${ms.toFixed(0)} ms (bound ${HANG_MS} ms)`);
  }
}

export interface FuzzTarget {
  name: string;
  run(runs: number, seed?: number): Promise<void>;
}

const settings = (runs: number, seed?: number) => ({ numRuns: runs, ...(seed !== undefined ? { seed } : {}), endOnFailure: true });

export function domainTargets(): FuzzTarget[] {
  let seedDocx: Uint8Array | undefined;
  const lineEdits = fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'replace', 'insert'), fc.nat(), hostileString), { maxLength: 12 });
  return [
    {
      name: 'importer (.txt: random text and edited seed report)',
      run: (runs, seed) => fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), lineEdits), async (input) => {
        let bytes: Uint8Array;
        if (Array.isArray(input)) {
          const lines = SEED_TEXT.split('\n');
          for (const [op, at, text] of input) {
            const i = at % lines.length;
            if (op === 'delete') lines.splice(i, 1);
            else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
            else if (op === 'replace') lines[i] = text;
            else lines.splice(i, 0, text);
          }
          bytes = new TextEncoder().encode(lines.join('\n'));
        } else bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
        await bounded('importReport(.txt)', () => importReport(bytes, 'bao-cao.txt'));
      }), settings(runs, seed)),
    },
    {
      name: 'importer (.docx: random bytes and corrupted seed document)',
      run: async (runs, seed) => {
        if (!seedDocx) {
          const seedReport = validateReport(SEED_REPORT);
          if (!seedReport.ok) throw new Error('the seed report does not validate');
          seedDocx = await renderDocx(seedReport.report);
        }
        const docx = seedDocx;
        await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })), async (input) => {
          let bytes: Uint8Array;
          if (input instanceof Uint8Array) bytes = input;
          else {
            bytes = new Uint8Array(docx);
            for (const [at, value] of input) bytes[at % bytes.length] = value;
          }
          await bounded('importReport(.docx)', () => importReport(bytes, 'bao-cao.docx'));
        }), settings(runs, seed));
      },
    },
    {
      name: 'checker (validateReport: any JSON, and the seed with one value changed)',
      run: (runs, seed) => fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), oneMutation.map(([i, v]) => mutate(SEED_PATHS[i]!, v))), async (input) => {
        const result = await bounded('validateReport', () => validateReport(input));
        if (!result) throw new Error('validateReport threw instead of returning findings');
        for (const f of result.findings) if (typeof f.code !== 'string' || typeof f.message !== 'string') throw new Error(`finding without code/message: ${JSON.stringify(f)}`);
      }), settings(runs, seed)),
    },
    {
      name: 'number parser (parseVietnameseNumber)',
      run: (runs, seed) => fc.assert(fc.asyncProperty(hostileString, async (text) => {
        const value = await bounded('parseVietnameseNumber', () => parseVietnameseNumber(text));
        if (value !== undefined && !Number.isFinite(value)) throw new Error(`"${text}" → ${value}`);
      }), settings(runs, seed)),
    },
    {
      name: 'amount words (amountInWords ∘ parseAmountWords round trip; parseAmountWords on any text)',
      run: (runs, seed) => fc.assert(fc.asyncProperty(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), hostileString, async (amount, text) => {
        const words = await bounded('amountInWords', () => amountInWords(amount));
        if (words === undefined) throw new Error(`amountInWords(${amount}) refused a valid amount`);
        const back = await bounded('parseAmountWords', () => parseAmountWords(words));
        if (back !== amount) throw new Error(`"${words}" reads back as ${String(back)}, not ${amount}`);
        await bounded('parseAmountWords(any)', () => parseAmountWords(text));
      }), settings(runs, seed)),
    },
  ];
}

export interface ApiFuzzContext {
  app: FastifyInstance;
  routes: { method: string; url: string }[];
  session: { cookie: string; csrf: string };
  ownReportId: string;
}

/** Random JSON, headers and query strings to every route, signed in (with CSRF) or not. */
export function apiTarget(ctx: ApiFuzzContext): FuzzTarget {
  const segment = fc.oneof(fc.constant(ctx.ownReportId), fc.string({ maxLength: 40 }), fc.uuid(), fc.constantFrom('1', '0', '-1', '99999999999', '..', '%00'));
  const input = fc.record({
    route: fc.integer({ min: 0, max: ctx.routes.length - 1 }),
    params: fc.array(segment, { minLength: 3, maxLength: 3 }),
    body: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined), fc.string({ maxLength: 50 })),
    query: fc.dictionary(fc.constantFrom('status', 'q', 'cycleId', 'from', 'to', 'appendix', 'x'), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
    ifMatch: fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.nat().map(String)), { nil: undefined }),
    signedIn: fc.boolean(),
    contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'),
  });
  return {
    name: 'API (random bodies, params, queries and headers to every route)',
    run: (runs, seed) => fc.assert(fc.asyncProperty(input, async (c) => {
      const route = ctx.routes[c.route]!;
      let n = 0;
      const url = route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(c.params[n++] ?? ''));
      const query = new URLSearchParams(c.query).toString();
      const headers: Record<string, string> = { 'content-type': c.contentType };
      // Logout would end the shared session: it is fuzzed anonymously.
      if (c.signedIn && route.url !== '/api/auth/logout') Object.assign(headers, { cookie: ctx.session.cookie, 'x-csrf-token': ctx.session.csrf });
      if (c.ifMatch !== undefined) headers['if-match'] = c.ifMatch;
      const options: InjectOptions = { method: route.method as InjectOptions['method'], url: query ? `${url}?${query}` : url, headers, remoteAddress: `10.${c.route}.${n}.${c.params[0]?.length ?? 0}` };
      if (c.body !== undefined && route.method !== 'GET') options.payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      const started = performance.now();
      const res = await ctx.app.inject(options);
      const ms = performance.now() - started;
      const where = `${route.method} ${options.url}`;
      if (ms > HANG_MS) throw new Error(`${where}: took ${ms.toFixed(0)} ms`);
      if (res.statusCode >= 500 && res.statusCode !== 503) throw new Error(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        const code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code;
        if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(code)) throw new Error(`${where} → ${res.statusCode} without an error code: ${res.body.slice(0, 200)}`);
      }
    }), settings(runs, seed)),
  };
}

/** One PUT near a limit: what is sent, and what must come of it (decided here, from the limits as the issue states them). */
type LimitCase =
  | { kind: 'depth'; depth: number; part: 'implementation' | 'plan' }
  | { kind: 'lines'; total: number; inImplementation: number }
  | { kind: 'length'; field: number; over: boolean }
  | { kind: 'items'; over: boolean }
  | { kind: 'char'; field: number; char: string; at: number };

/** Texts of the report, each with its maximum length and whether it may have several lines. */
const LIMIT_FIELDS: { name: string; max: number; multiline: boolean; get(r: Report): string | undefined; set(r: Report, v: string): void }[] = [
  { name: 'budget line title', max: MAX_TEXT.title, multiline: true, get: (r) => r.plan.budget[0]?.children[0]?.title, set: (r, v) => { r.plan.budget[0]!.children[0]!.title = v; } },
  { name: 'budget line note', max: MAX_TEXT.title, multiline: true, get: (r) => r.plan.budget[0]?.children[0]?.note, set: (r, v) => { r.plan.budget[0]!.children[0]!.note = v; } },
  { name: 'funding source', max: MAX_TEXT.short, multiline: true, get: (r) => r.plan.budget[0]?.children[0]?.fundingSource, set: (r, v) => { r.plan.budget[0]!.children[0]!.fundingSource = v; } },
  { name: 'budget line id', max: MAX_TEXT.id, multiline: false, get: (r) => r.plan.budget[0]?.children[0]?.id, set: (r, v) => { r.plan.budget[0]!.children[0]!.id = v; } },
  { name: 'objective paragraph', max: MAX_TEXT.paragraph, multiline: true, get: (r) => r.plan.objectives[0], set: (r, v) => { r.plan.objectives = [v]; } },
  { name: 'document number', max: MAX_TEXT.number, multiline: false, get: (r) => r.document.number, set: (r, v) => { r.document.number = v; } },
  { name: 'signer name', max: MAX_TEXT.name, multiline: false, get: (r) => r.document.signer.name, set: (r, v) => { r.document.signer.name = v; } },
  { name: 'recipient', max: MAX_TEXT.short, multiline: true, get: (r) => r.document.recipients[0], set: (r, v) => { r.document.recipients = [v]; } },
  { name: 'summary', max: MAX_TEXT.title, multiline: true, get: (r) => r.document.summary, set: (r, v) => { r.document.summary = v; } },
];

// The rule of the issue, restated here from its text (not imported from the code under test).
const CONTROL_CHARS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F', '\uFFFE', '\uFFFF'];
const LINE_BREAKS = ['\t', '\n', '\r'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const INVISIBLE = ['\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u061C'];
const isControl = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffe || cp === 0xffff;
const isLineBreak = (cp: number) => cp === 0x09 || cp === 0x0a || cp === 0x0d;
const isLoneSurrogate = (char: string) => char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
const isInvisible = (cp: number) => [0x061c, 0x200b, 0x200e, 0x200f, 0x2060, 0xfeff].includes(cp) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const BASE_TEXT = 'Nâng cấp hạ tầng số';

type Outcome = { ok: true; check?: (r: Report) => string | undefined } | { ok: false; code: string };

/**
 * A chain `depth` levels deep written as JSON text: JSON.stringify itself overflows the stack
 * somewhere past 2.000 levels, long before the server's body limit does.
 */
function deepBudgetJson(report: Report, depth: number, part: 'implementation' | 'plan'): string {
  // The smallest node, so that 100.000 levels fit under the 2 MB body limit (1,3 MB).
  const chain = `${'{"children":['.repeat(depth - 1)}{}${']}'.repeat(depth - 1)}`;
  const text = JSON.stringify(report);
  return part === 'plan' ? text.replace('"budget":[', `"budget":[${chain},`) : text.replace('"lines":[]', `"lines":[${chain}]`);
}

function limitCase(c: LimitCase): { body: Report; payload?: string; outcome: Outcome } {
  if (c.kind === 'depth' && c.depth > 1000) {
    const body = reportWithLines(3);
    return { body, payload: deepBudgetJson(body, c.depth, c.part), outcome: { ok: false, code: 'BUDGET_TOO_DEEP' } };
  }
  if (c.kind === 'depth') {
    const body = reportWithLines(3);
    const chain = budgetChain(c.depth, c.part[0]);
    if (c.part === 'plan') body.plan.budget = [chain];
    else body.implementation.budget.lines = [chain];
    return { body, outcome: c.depth <= MAX_BUDGET_DEPTH ? { ok: true } : { ok: false, code: 'BUDGET_TOO_DEEP' } };
  }
  if (c.kind === 'lines') {
    const inImplementation = Math.min(c.inImplementation, c.total - 1);
    return { body: reportWithLines(c.total - inImplementation, inImplementation), outcome: c.total <= MAX_BUDGET_LINES ? { ok: true } : { ok: false, code: 'BUDGET_TOO_MANY_LINES' } };
  }
  if (c.kind === 'items') {
    const body = reportWithLines(3);
    body.plan.basis = Array.from({ length: MAX_PARAGRAPHS + (c.over ? 1 : 0) }, (_, i) => `Căn cứ ${i + 1}`);
    return { body, outcome: c.over ? { ok: false, code: 'TOO_MANY_ITEMS' } : { ok: true } };
  }
  const field = LIMIT_FIELDS[c.field % LIMIT_FIELDS.length]!;
  const body = reportWithLines(3);
  if (c.kind === 'length') {
    const text = 'đ'.repeat(field.max + (c.over ? 1 : 0));
    field.set(body, text);
    return { body, outcome: c.over ? { ok: false, code: 'TEXT_TOO_LONG' } : { ok: true, check: (r) => (field.get(r) === text ? undefined : `${field.name} stored differently`) } };
  }
  const at = c.at % (BASE_TEXT.length + 1);
  field.set(body, `${BASE_TEXT.slice(0, at)}${c.char}${BASE_TEXT.slice(at)}`);
  const stored = (expected: string) => (r: Report) => (field.get(r) === expected ? undefined : `${field.name}: ${JSON.stringify(field.get(r))} stored, ${JSON.stringify(expected)} expected`);
  const cp = c.char.codePointAt(0) ?? 0;
  if (isControl(cp) || (isLineBreak(cp) && !field.multiline)) return { body, outcome: { ok: false, code: 'TEXT_CONTROL_CHAR' } };
  if (isLoneSurrogate(c.char)) return { body, outcome: { ok: false, code: 'TEXT_INVALID_UNICODE' } };
  if (isInvisible(cp)) return { body, outcome: { ok: true, check: stored(BASE_TEXT) } };
  return { body, outcome: { ok: true, check: stored(`${BASE_TEXT.slice(0, at)}${c.char}${BASE_TEXT.slice(at)}`) } };
}

const limitCases: fc.Arbitrary<LimitCase> = fc.oneof(
  fc.record({ kind: fc.constant('depth' as const), depth: fc.oneof(fc.constantFrom(MAX_BUDGET_DEPTH, MAX_BUDGET_DEPTH + 1, 100_000), fc.integer({ min: 1, max: 3000 })), part: fc.constantFrom('implementation' as const, 'plan' as const) }),
  fc.record({ kind: fc.constant('lines' as const), total: fc.oneof(fc.constantFrom(MAX_BUDGET_LINES, MAX_BUDGET_LINES + 1), fc.integer({ min: MAX_BUDGET_LINES - 5, max: MAX_BUDGET_LINES + 500 })), inImplementation: fc.nat({ max: MAX_BUDGET_LINES }) }),
  fc.record({ kind: fc.constant('length' as const), field: fc.nat(), over: fc.boolean() }),
  fc.record({ kind: fc.constant('items' as const), over: fc.boolean() }),
  fc.record({ kind: fc.constant('char' as const), field: fc.nat(), char: fc.oneof(fc.constantFrom(...CONTROL_CHARS, ...LINE_BREAKS, ...LONE_SURROGATES, ...INVISIBLE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), at: fc.nat() }),
);

/** Every boundary once, whatever the number of runs: fast-check tries examples first. */
const LIMIT_EXAMPLES: [LimitCase][] = [
  ...(['implementation', 'plan'] as const).flatMap((part) => [MAX_BUDGET_DEPTH, MAX_BUDGET_DEPTH + 1, 850, 2682, 100_000].map((depth): [LimitCase] => [{ kind: 'depth', depth, part }])),
  ...[MAX_BUDGET_LINES, MAX_BUDGET_LINES + 1].flatMap((total) => [0, 700].map((inImplementation): [LimitCase] => [{ kind: 'lines', total, inImplementation }])),
  ...LIMIT_FIELDS.flatMap((_, field) => [false, true].map((over): [LimitCase] => [{ kind: 'length', field, over }])),
  [{ kind: 'items', over: false }], [{ kind: 'items', over: true }],
  ...[...CONTROL_CHARS, ...LINE_BREAKS, ...LONE_SURROGATES, ...INVISIBLE].map((char, i): [LimitCase] => [{ kind: 'char', field: i, char, at: i }]),
];

/**
 * PUT bodies right at every limit and just past it (depth, lines, lengths, counts, hostile
 * characters): never a 500; at the limit saved (a new version, the text as sent, invisible
 * formatting removed; or no new version when it is already what is stored); past it a 400 with the limit's code and nothing written (same version,
 * same report).
 */
export function limitsTarget(ctx: ApiFuzzContext): FuzzTarget {
  const headers = { cookie: ctx.session.cookie, 'x-csrf-token': ctx.session.csrf };
  const get = async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/reports/${ctx.ownReportId}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET report → ${res.statusCode}`);
    return res.json() as { report: Report; meta: { version: number } };
  };
  return {
    name: 'API limits (PUT bodies at and past every limit of the report)',
    run: (runs, seed) => fc.assert(fc.asyncProperty(limitCases, async (c) => {
      const { body, payload, outcome } = limitCase(c);
      const before = await get();
      const started = performance.now();
      const res = await ctx.app.inject({ method: 'PUT', url: `/api/reports/${ctx.ownReportId}`, headers: { ...headers, 'content-type': 'application/json', 'if-match': String(before.meta.version) }, payload: payload ?? JSON.stringify(body) });
      const ms = performance.now() - started;
      const where = `PUT ${JSON.stringify(c).slice(0, 120)}`;
      if (ms > HANG_MS) throw new Error(`${where}: took ${ms.toFixed(0)} ms`);
      if (res.statusCode >= 500) throw new Error(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      const after = await get();
      if (outcome.ok) {
        if (res.statusCode !== 200) throw new Error(`${where}: at the limit, refused ${res.statusCode} ${res.body.slice(0, 300)}`);
        // A body identical to the stored version writes nothing (no version): the same case run twice in a row.
        const unchanged = after.meta.version === before.meta.version && JSON.stringify(after.report) === JSON.stringify(before.report);
        if (after.meta.version !== before.meta.version + 1 && !unchanged) throw new Error(`${where}: saved, but version ${after.meta.version} after ${before.meta.version}`);
        const wrong = outcome.check?.(after.report);
        if (wrong) throw new Error(`${where}: ${wrong}`);
      } else {
        const code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code;
        if (res.statusCode !== 400 || code !== outcome.code) throw new Error(`${where}: ${outcome.code} expected, got ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (after.meta.version !== before.meta.version || JSON.stringify(after.report) !== JSON.stringify(before.report)) throw new Error(`${where}: refused, but the report changed`);
      }
    }), { ...settings(runs, seed), examples: LIMIT_EXAMPLES }),
  };
}
