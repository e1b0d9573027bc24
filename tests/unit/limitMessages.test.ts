/**
 * Issue 8 item 11: every length and range message states its limit. The contract is enumerated (every method's input
 * schema and every setting), so a bound added to any method later is covered without touching this test: each string
 * or array maximum and each number minimum and maximum is violated on its own schema, and the message it yields must be
 * a known key whose Chinese and English texts contain the limit.
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract } from '../../electron/shared/contract'
import { messages, translateField } from '../../electron/shared/i18n/messages'
import { SETTING_DEFINITIONS } from '../../electron/shared/settings'

interface Bound {
  where: string
  kind: 'string max' | 'array max' | 'number min' | 'number max'
  limit: number
  schema: z.ZodType
}

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] } & Record<string, unknown>
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def

/** Walks a zod 4 schema tree and collects the bounds declared by checks, with the schema they sit on. */
function collect(schema: unknown, where: string, out: Bound[], seen = new Set<unknown>()): Bound[] {
  if (!schema || seen.has(schema)) return out
  seen.add(schema)
  const def = defOf(schema)
  for (const check of def.checks ?? []) {
    const c = check._zod.def
    const s = schema as z.ZodType
    if (c.check === 'max_length') out.push({ where, kind: def.type === 'array' ? 'array max' : 'string max', limit: c.maximum as number, schema: s })
    if (c.check === 'less_than') out.push({ where, kind: 'number max', limit: c.value as number, schema: s })
    if (c.check === 'greater_than') out.push({ where, kind: 'number min', limit: c.value as number, schema: s })
  }
  const children: [string, unknown][] = []
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape as object)) children.push([`${where}.${k}`, v])
  for (const k of ['innerType', 'in', 'out', 'element', 'left', 'right', 'keyType', 'valueType']) if (def[k]) children.push([where, def[k]])
  for (const k of ['options', 'items']) if (Array.isArray(def[k])) (def[k] as unknown[]).forEach((o) => children.push([where, o]))
  if (def.type === 'lazy') children.push([where, (def.getter as () => unknown)()])
  for (const [w, child] of children) collect(child, w, out, seen)
  return out
}

const bounds: Bound[] = []
for (const [name, spec] of Object.entries(contract)) collect(spec.input, name, bounds)
for (const [key, definition] of Object.entries(SETTING_DEFINITIONS)) collect(definition.schema, `setting ${key}`, bounds)

/** A value just past the bound; the other checks on the schema may complain too, but the bound's issue is looked for. */
function violating(b: Bound): unknown {
  if (b.kind === 'string max') return 'x'.repeat(b.limit + 1)
  if (b.kind === 'array max') return Array.from({ length: b.limit + 1 }, () => null)
  return b.kind === 'number max' ? b.limit + 1 : b.limit - 1
}

const standalone = (n: number) => new RegExp(`(?<![\\d.])${n}(?![\\d.])`)

describe('every length and range message states its limit', () => {
  it('finds the bounds of the whole contract (the walk reaches nested and wrapped schemas)', () => {
    expect(bounds.length).toBeGreaterThan(60)
    const seen = (where: string, kind: Bound['kind'], limit: number) =>
      bounds.some((b) => b.where === where && b.kind === kind && b.limit === limit)
    expect(seen('people:create.name', 'string max', 30)).toBe(true)
    expect(seen('people:addTermEvent.months', 'number max', 12)).toBe(true)
    expect(seen('psych:createSession.durationMinutes', 'number min', 5)).toBe(true)
    expect(seen('setup:initialize.wards', 'array max', 50)).toBe(true)
  })

  it.each(bounds.map((b) => [`${b.where} ${b.kind} ${b.limit}`, b] as const))('%s', (_label, b) => {
    const result = b.schema.safeParse(violating(b))
    expect(result.success).toBe(false)
    const code = b.kind.endsWith('max') ? 'too_big' : 'too_small'
    const issue = result.error!.issues.find((i) => i.code === code && i.path.length === 0)
    expect(issue, 'the bound yields its own issue').toBeDefined()
    const raw = issue!.message
    const key = raw.split('|')[0]!
    expect(Object.keys(messages['zh-CN']), `"${raw}" is a message key`).toContain(key)
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = translateField(locale, raw)
      expect(text, `${locale}: "${text}" states ${b.limit}`).toMatch(standalone(b.limit))
      expect(text).not.toMatch(/\{\{/)
    }
  })

  it('reads naturally: 不能超过 30 个字, 应为 1–12 个月', () => {
    const name = bounds.find((b) => b.where === 'people:create.name' && b.kind === 'string max')!
    expect(translateField('zh-CN', name.schema.safeParse('张'.repeat(31)).error!.issues[0]!.message)).toBe('不能超过 30 个字')
    expect(translateField('en', name.schema.safeParse('张'.repeat(31)).error!.issues[0]!.message)).toBe('At most 30 characters')
    const months = bounds.find((b) => b.where === 'people:addTermEvent.months')!
    expect(translateField('zh-CN', months.schema.safeParse(13).error!.issues[0]!.message)).toBe('延长期限为 1–12 个月')
  })
})
