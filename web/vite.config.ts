import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.KHCN_API_URL ?? 'http://localhost:3000';
const outDir = join(root, 'dist');

/**
 * Writes file.br and file.gz next to every text file of the build, compressed once at the
 * highest levels: `khcn serve` sends them as they are (src/server/static.ts). The JS and CSS of a
 * first visit shrink to about a third — what a commune's slow link pays for.
 */
function precompress(): Plugin {
  return {
    name: 'khcn-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        // Tiny files gain nothing worth a second request path.
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The commune/Department web UI. Root is web/, output web/dist (served by `khcn serve` with an
 * SPA fallback and a strict CSP: no inline scripts). web/src imports the pure domain from
 * ../../src/domain so checks, totals and words run in the browser.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    // web/src imports the domain relatively (../../src/domain/*.ts); this alias is the same folder
    // for code that prefers a stable name.
    alias: { '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)) },
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    port: Number(process.env.KHCN_WEB_PORT ?? 5173),
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    modulePreload: { polyfill: false },
  },
});
