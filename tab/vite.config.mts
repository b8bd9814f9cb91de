import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The tab, built by Vite 8 alone: Oxc compiles TSX with React's automatic runtime, so no React
 * plugin is needed. Served by the local host (and in Teams) under `/tab/`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' for React Server Components; meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
