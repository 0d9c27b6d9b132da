import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { validateReport } from '../../src/domain/checks.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { parseVietnameseNumber } from '../../src/domain/parse-number.ts';
import { amountInWords, parseAmountWords } from '../../src/domain/words.ts';
import { importReport } from '../../src/documents/import/index.ts';
import { renderDocx } from '../../src/documents/render/index.ts';

/**
 * The fuzz targets, shared by the short run in `npm test` and `npm run fuzz`: the importer, the
 * checker, the number parser, amount words and every API route. Each input must end in a result
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
