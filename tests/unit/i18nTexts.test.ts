import { describe, expect, it } from 'vitest'
import { contract } from '../../electron/shared/contract'
import { messages, translate, translateField } from '../../electron/shared/i18n/messages'
import { flatten, zhCN } from '../../renderer/src/i18n/texts'
import { en, enPlurals, textParts } from '../../renderer/src/i18n/texts.en'

/**
 * The interface texts live per feature; these checks back the compile-time ones (each English part is typed against
 * its Chinese) with what types cannot see: two parts declaring one namespace, plurals of missing keys at run time.
 */
describe('interface texts', () => {
  it.each(Object.entries(textParts))('%s: English has exactly the Chinese keys', (_name, part) => {
    expect(Object.keys(flatten(part.en)).sort()).toEqual(Object.keys(flatten(part.zhCN)).sort())
  })

  it('no namespace is declared by two parts (a later part would hide the earlier one)', () => {
    const owners = new Map<string, string[]>()
    for (const [name, part] of Object.entries(textParts)) {
      for (const namespace of Object.keys(part.zhCN)) owners.set(namespace, [...(owners.get(namespace) ?? []), name])
    }
    expect([...owners].filter(([, parts]) => parts.length > 1)).toEqual([])
    expect(Object.keys(zhCN).sort()).toEqual([...owners.keys()].sort())
  })

  it('the assembled trees have the same keys in both languages, and every plural form has its plain key', () => {
    const zhKeys = Object.keys(flatten(zhCN)).sort()
    expect(Object.keys(flatten(en)).sort()).toEqual(zhKeys)
    const orphans = Object.keys(enPlurals).filter((k) => !zhKeys.includes(k.replace(/_(one|other)$/, '')))
    expect(orphans).toEqual([])
  })

  it('API messages have the same keys in both languages', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort())
  })

  it('every placeholder in texts and API messages is {{name}}: a single-brace {name} would be shown as typed', () => {
    const lone = /(?<!\{)\{\w+\}(?!\})/
    const all = { ...messages['zh-CN'], ...prefixed('en', messages.en), ...flatten(zhCN), ...prefixed('ui.en', flatten(en)) }
    expect(Object.entries(all).filter(([, text]) => lone.test(text))).toEqual([])
  })

  it('each placeholder of a message is filled from its parameters', () => {
    expect(translate('zh-CN', 'v.date_before_admission', { admission: '2026-06-01' })).toBe('日期不能早于入所日期（2026-06-01）')
    expect(translateField('en', 'staff.username_lookalike|{"existing":"admin"}')).toContain('"admin"')
  })
})

describe('audit log labels', () => {
  // Every method that writes an audit row is shown by name on the audit page and offered in its method filter.
  const audited = Object.entries(contract)
    .filter(([, spec]) => spec.audit.kind !== 'none')
    .map(([name]) => name)

  it.each(audited)('%s has a label in both languages', (name) => {
    expect((zhCN.methods as Record<string, string>)[name], 'zh-CN').toBeTruthy()
    expect((en.methods as Record<string, string>)[name], 'en').toBeTruthy()
  })
})

function prefixed(prefix: string, table: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}:${k}`, v]))
}
