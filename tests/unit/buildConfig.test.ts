/** The build silences exactly one warning nobody can act on (zod's misplaced annotations) and forwards the rest. */
import { describe, expect, it } from 'vitest'
import config, { isZodAnnotationWarning } from '../../electron.vite.config'

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
