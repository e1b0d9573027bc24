import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin, Rollup } from 'vite'

/** The dev server's React refresh preamble is an inline script; allow it in development only, never in a build. */
const devOnlyInlineScripts: Plugin = {
  name: 'xinsheng-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
}

/**
 * zod ships `@__PURE__` comments in positions Rollup cannot use, and Rollup says so on every build ("A comment … contains
 * an annotation that Rollup cannot interpret"). Nobody here can act on that, so exactly that warning from zod is
 * dropped; every other warning, including the same code from any other package or from our code, still shows.
 */
export function isZodAnnotationWarning(warning: Rollup.RollupLog): boolean {
  const file = (warning.id ?? warning.loc?.file ?? '').replaceAll('\\', '/')
  return warning.code === 'INVALID_ANNOTATION' && file.includes('/node_modules/zod/')
}

const onwarn: Rollup.RollupOptions['onwarn'] = (warning, forward) => {
  if (!isZodAnnotationWarning(warning)) forward(warning)
}

/**
 * Libraries every screen needs, in chunks of their own: an app update that changes only our code leaves them as they
 * were (cached by the browser), and the browser parses them in parallel. Libraries only some pages use (Mantine's
 * larger inputs, dates, charts, exceljs) are left to Rollup, which puts them with the lazy pages that import them.
 */
const VENDOR_CHUNKS: ReadonlyArray<{ chunk: string; packages: readonly string[] }> = [
  { chunk: 'react', packages: ['react', 'react-dom', 'scheduler', 'react-router', 'use-sync-external-store'] },
  { chunk: 'i18n', packages: ['i18next', 'react-i18next', 'html-parse-stringify', 'void-elements'] },
  { chunk: 'query', packages: ['@tanstack/query-core', '@tanstack/react-query'] },
]

export function vendorChunk(id: string): string | undefined {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'))
  if (!match) return undefined
  return VENDOR_CHUNKS.find((group) => group.packages.includes(match[1]!))?.chunk
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
      // electron-vite leaves the renderer unminified; minified, the first screen has about a third of the code to parse.
      minify: 'esbuild',
      chunkSizeWarningLimit: 2500,
      rollupOptions: {
        input: resolve('renderer/index.html'),
        onwarn,
        // Tiny shared chunks (one Mantine helper each) are merged where that changes no load order: a cold roster
        // fetched 56 scripts before, 36 with this. Kept below the English texts' size, so they stay a chunk of their own.
        output: { manualChunks: vendorChunk, experimentalMinChunkSize: 20_000 },
      },
    },
  },
})
