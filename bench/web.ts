import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openStore } from '../src/store/db.ts';
import { absoluteFigure, missingFigure, type BenchContext, type Figure } from './lib.ts';
import { startKhcn } from './servers.ts';
import { createSessions } from './sessions.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}web/dist`;
const gz = (bytes: Uint8Array): number => gzipSync(bytes).length;

/** Entry script + modulepreloads of web/dist/index.html: what every first visit downloads before any route code. */
function initialJs(): { bytes: number; files: string[] } {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return { bytes: files.reduce((s, f) => s + gz(readFileSync(`${DIST}${f}`)), 0), files };
}

export async function webFigures(ctx: BenchContext, db: string): Promise<Figure[]> {
  if (!ctx.quick || !existsSync(`${DIST}/index.html`)) {
    ctx.log('vite build…');
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return [missingFigure('web editor first load', '≤ 1000 ms', 'vite build failed')];
  }
  const initial = initialJs();
  const figures: Figure[] = [absoluteFigure('web initial JS (entry + modulepreload, gzip)', 'KB', initial.bytes / 1024, { max: 350 }, initial.files.map((f) => f.replace('/assets/', '')).join(', '))];

  const store = await openStore(db);
  const chairman = await store.db.selectFrom('users').innerJoin('reports', 'reports.unit_id', 'users.unit_id').innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
    .select(['users.id', 'reports.id as reportId']).where('users.username', '=', 'ct31.001').where('cycles.status', '=', 'open').executeTakeFirstOrThrow();
  const session = (await createSessions(store, [chairman.id])).get(chairman.id)!;
  await store.close();

  const server = await startKhcn(db);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    let editorJs = 0;
    const runs = ctx.quick ? 3 : 7;
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: cold HTTP cache, as on a commune PC's first visit.
      const context = await browser.newContext();
      await context.addCookies([{ name: 'khcn_session', value: session.cookie.split('=')[1]!, url: server.url }]);
      const page = await context.newPage();
      let js = 0;
      page.on('response', (res) => {
        if (res.url().endsWith('.js')) void res.body().then((b) => (js += gz(b))).catch(() => undefined);
      });
      const t0 = Date.now();
      await page.goto(`${server.url}/bao-cao/${chairman.reportId}`);
      // Interactive: the editor's tabs are rendered with the report loaded and can take a click.
      await page.getByRole('tab', { name: /Phần I\./ }).waitFor({ timeout: 30_000 });
      times.push(Date.now() - t0);
      await page.waitForLoadState('networkidle');
      editorJs = js;
      await context.close();
    }
    times.sort((a, b) => a - b);
    // The first run also pays for Chromium's own start-up caches; the median is the figure.
    const median = times[Math.floor(times.length / 2)]!;
    figures.push(absoluteFigure('web editor first load to interactive (Chromium, localhost)', 'ms', median, { max: 1000 }, `runs ${times.join(', ')} ms; JS fetched for the editor route ${(editorJs / 1024).toFixed(0)} KB gzip`));
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures;
}
