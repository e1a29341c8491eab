import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is served by the API at /app/ from dist/web (apps/deal-api/src/web).
// Preact's JSX goes through Vite's own esbuild transform, so no framework plugin is needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Keep the page small: fail loudly if the script grows past 100 kB.
    chunkSizeWarningLimit: 100,
  },
  logLevel: 'warn',
});
