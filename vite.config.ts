// Builds the workbench app (src/present/web) into web-dist/, which `faultline serve` serves.
// Everything is bundled (world-atlas shapes, cytoscape): nothing is fetched from elsewhere.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src/present/web'),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: here('./web-dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // modulepreload polyfill is inlined into the entry; no inline <script> in index.html
    modulePreload: { polyfill: false },
  },
});
