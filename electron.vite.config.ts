import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/** The dev server's React refresh preamble is an inline script; allow it in development only, never in a build. */
const devOnlyInlineScripts: Plugin = {
  name: 'xinsheng-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The back-end worker is its own entry: out/main/backendWorker.js, beside index.js, which starts it.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), backendWorker: resolve('electron/core/worker/entry.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      // Sandboxed preloads must be CommonJS.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // `@shared/…` is electron/shared, the only layer the renderer may import (tsconfig.web.json has the same path).
    resolve: { alias: { '@shared': resolve('electron/shared') } },
    plugins: [react(), devOnlyInlineScripts],
    build: {
      outDir: resolve('out/renderer'),
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
