import { isIP } from 'node:net';
import { AppError } from '../domain/errors.ts';

/**
 * Which `X-Forwarded-For` hops to believe: the reverse proxies' addresses or CIDR ranges, never
 * "everyone" — a client that can reach the app directly would then choose its own address per
 * request and step round the per-address sign-in limit (issue 13, point 5). Fastify (proxy-addr)
 * walks `X-Forwarded-For` from the right, past the hops it trusts: the first one it does not
 * trust is the client. A chain of proxies is trusted by listing them all (or their range).
 *
 * A hop count ("the 1 proxy in front") is refused as well: it trusts whatever connects first,
 * so a client that reaches the app directly forges its address just as with "everyone".
 * Fastify 5.12 itself treats a numeric trustProxy as "trust nothing" for that reason, which
 * would silently count every user of a proxy as one address; saying so at start is better.
 */
export type TrustProxy = readonly string[];

/** proxy-addr's named ranges: loopback (127.0.0.1/8, ::1), linklocal, uniquelocal (private LANs). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const USAGE =
  '--trust-proxy cần địa chỉ IP (hoặc dải CIDR) của các reverse proxy, cách nhau bởi dấu phẩy — ví dụ --trust-proxy 127.0.0.1 (proxy trên cùng máy) ' +
  'hoặc --trust-proxy 10.0.0.5,10.0.1.0/24. Không tin "mọi địa chỉ" hay "N proxy bất kỳ": khi đó ai kết nối thẳng tới ứng dụng cũng tự khai được địa chỉ của mình trong X-Forwarded-For.';

const refuse = (why: string): never => {
  throw new AppError('BAD_USAGE', `${why} ${USAGE}`);
};

function checkEntry(entry: string): string {
  if (NAMED_RANGES.has(entry)) return entry;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return refuse(`"${entry}" không phải địa chỉ IP hay dải CIDR.`);
  if (prefix === undefined) return entry;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || bits > max) return refuse(`"${entry}": độ dài tiền tố phải từ 1 đến ${max}.`);
  if (bits === 0) return refuse(`"${entry}" là mọi địa chỉ.`);
  return entry;
}

/**
 * Reads the value of `khcn serve --trust-proxy`. `undefined` (the option absent) trusts no proxy;
 * an empty value (a bare `--trust-proxy`) is refused rather than guessed at, because either guess
 * is wrong for someone: "everyone" is unsafe, and "loopback" would silently count every client of
 * a proxy on another machine as one address (one shared sign-in limit for a whole province).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  if (text === '') return refuse('Thiếu giá trị cho --trust-proxy.');
  if (/^\d+$/.test(text)) return refuse(`"${value}" là số proxy, không phải địa chỉ của proxy.`);
  if (['true', 'yes', 'all', '*'].includes(text)) return refuse(`"${value}" nghĩa là tin mọi địa chỉ.`);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return refuse('Thiếu giá trị cho --trust-proxy.');
  return entries.map(checkEntry);
}

/**
 * A bare `--trust-proxy` followed by another option: `parseArgs` would refuse it in English as
 * "ambiguous"; it is the missing value, said as such.
 */
export function refuseBareTrustProxy(args: readonly string[]): void {
  args.forEach((arg, i) => {
    const next = args[i + 1];
    if (arg === '--trust-proxy' && (next === undefined || next.startsWith('-'))) parseTrustProxy('');
  });
}
