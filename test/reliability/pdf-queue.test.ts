import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { signIn, type Client } from '../helpers/api.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 13, point 3: 8 concurrent PDF downloads started 9 LibreOffice processes. Now the PDF
 * pool runs at most `threads` conversions at a time, queues `queue` more and refuses the rest
 * with 503 + Retry-After. LibreOffice is replaced by a script that takes one second and records
 * how many copies of itself run at once: what is tested is our queue, not LibreOffice.
 */
const dir = mkdtempSync(join(tmpdir(), 'khcn-fake-soffice-'));
const FAKE = join(dir, 'soffice');
writeFileSync(
  FAKE,
  `#!/bin/sh
[ "$1" = "--version" ] && { echo "LibreOffice (giả lập)"; exit 0; }
for a; do last="$a"; done
out=$(dirname "$last")
touch "${dir}/running.$$"
ls "${dir}"/running.* | wc -l >> "${dir}/concurrency"
sleep 1
printf '%%PDF-1.4 giả lập' > "$out/document.pdf"
rm -f "${dir}/running.$$"
`,
);
chmodSync(FAKE, 0o755);

describe('PDF conversions are queued and capped (issue 13, point 3)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let reportId: string;
  const previous = process.env.KHCN_SOFFICE;

  beforeAll(async () => {
    // Read by the PDF workers when they start (they inherit this environment).
    process.env.KHCN_SOFFICE = FAKE;
    t = await freshDatabase('sqlite');
    await seedDemo(t.store);
    app = await buildApp({ store: t.store, demo: true, heavyLimits: { pdf: { threads: 2, queue: 4 } } });
    officer = await signIn(app, 'kienthuy.canbo');
    reportId = ((await officer.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    if (previous === undefined) delete process.env.KHCN_SOFFICE;
    else process.env.KHCN_SOFFICE = previous;
    await app?.close();
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('8 concurrent PDF downloads: 2 conversions at a time, 4 queued, 2 refused with 503 SERVER_BUSY and Retry-After', async () => {
    const paths = ['document.pdf', 'appendix.pdf'];
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => officer.request('GET', `/api/reports/${reportId}/${paths[i % 2]}`)));
    const ok = answers.filter((a) => a.statusCode === 200);
    const busy = answers.filter((a) => a.statusCode === 503);
    expect([ok.length, busy.length]).toEqual([6, 2]);
    for (const a of ok) {
      expect(a.headers['content-type']).toBe('application/pdf');
      expect(a.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const a of busy) {
      expect(a.json()).toEqual({ error: { code: 'SERVER_BUSY', message: 'Máy chủ đang chuyển văn bản sang PDF cho nhiều người cùng lúc; vui lòng thử lại sau khoảng 30 giây.' } });
      expect(a.headers['retry-after']).toBe('30');
    }
    const counts = readFileSync(join(dir, 'concurrency'), 'utf8').trim().split('\n').map(Number);
    expect(counts).toHaveLength(6);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    // Once the queue has drained, the next download is served again.
    expect((await officer.request('GET', `/api/reports/${reportId}/document.pdf`)).statusCode).toBe(200);
  }, 120_000);
});
