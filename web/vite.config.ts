import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.KHCN_API_URL ?? 'http://localhost:3000';

/**
 * The commune/Department web UI. Root is web/, output web/dist (served by `khcn serve` with an
 * SPA fallback and a strict CSP: no inline scripts). web/src imports the pure domain from
 * ../../src/domain so checks, totals and words run in the browser.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
