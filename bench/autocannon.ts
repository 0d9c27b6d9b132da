import { createRequire } from 'node:module';

/** The part of autocannon's programmatic API the bench uses (the package ships no types). */
export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => Promise<CannonResult>;

export const cannon = (opts: CannonOptions): Promise<CannonResult> => autocannon(opts);
