/** The build silences exactly one warning nobody can act on (zod's misplaced annotations) and forwards the rest. */
import { describe, expect, it } from 'vitest'
import config, { isZodAnnotationWarning, vendorChunk } from '../../electron.vite.config'

const zodAnnotation = {
  code: 'INVALID_ANNOTATION',
  id: '/work/main/node_modules/zod/v4/core/util.js',
  message: 'A comment … contains an annotation that Rollup cannot interpret due to the position of the comment.',
}

describe('renderer build warnings', () => {
  it('recognises the zod annotation warning, with POSIX or Windows paths', () => {
    expect(isZodAnnotationWarning(zodAnnotation)).toBe(true)
    expect(isZodAnnotationWarning({ ...zodAnnotation, id: 'C:\\app\\node_modules\\zod\\v4\\core\\regexes.js' })).toBe(true)
  })

  it('keeps the same warning from any other package or from our own code', () => {
    expect(isZodAnnotationWarning({ ...zodAnnotation, id: '/work/main/node_modules/zod-extra/index.js' })).toBe(false)
    expect(isZodAnnotationWarning({ ...zodAnnotation, id: '/work/app/renderer/src/main.tsx' })).toBe(false)
    expect(isZodAnnotationWarning({ ...zodAnnotation, id: undefined })).toBe(false)
  })

  it('keeps every other warning from zod', () => {
    expect(isZodAnnotationWarning({ ...zodAnnotation, code: 'CIRCULAR_DEPENDENCY' })).toBe(false)
  })

  it('the renderer build drops the zod warning and forwards another one', () => {
    const renderer = (config as { renderer?: { build?: { rollupOptions?: { onwarn?: unknown } } } }).renderer
    const onwarn = renderer?.build?.rollupOptions?.onwarn as (w: object, forward: (w: object) => void) => void
    const forwarded: object[] = []
    onwarn(zodAnnotation, (w) => forwarded.push(w))
    const other = { code: 'EVAL', id: '/work/app/renderer/src/x.ts', message: 'Use of eval' }
    onwarn(other, (w) => forwarded.push(w))
    expect(forwarded).toEqual([other])
  })
})

describe('renderer vendor chunks', () => {
  it('puts the libraries every screen needs in their own chunks, by package', () => {
    expect(vendorChunk('/work/main/node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react')
    expect(vendorChunk('/work/main/node_modules/react-router/dist/production/index.mjs')).toBe('react')
    expect(vendorChunk('C:\\app\\node_modules\\i18next\\dist\\esm\\i18next.js')).toBe('i18n')
    expect(vendorChunk('/work/main/node_modules/@tanstack/query-core/build/modern/index.js')).toBe('query')
  })

  it('leaves page-only libraries and our own code to the lazy chunks that import them', () => {
    expect(vendorChunk('/work/main/node_modules/zod/v4/core/util.js')).toBeUndefined()
    expect(vendorChunk('/work/main/node_modules/chart.js/dist/chart.js')).toBeUndefined()
    expect(vendorChunk('/work/main/node_modules/react-number-format/dist/react-number-format.es.js')).toBeUndefined()
    expect(vendorChunk('/work/wt/app/renderer/src/features/wards/WardRosterPage.tsx')).toBeUndefined()
  })
})
