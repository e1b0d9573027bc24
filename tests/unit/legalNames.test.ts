/**
 * Issue 8 item 16: legal names take letters (Han, Latin), the middle dot "·" and single spaces only. The rule is shared:
 * the domain function, the contract schema (used by the form and by the server) and the dispatcher give one answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identitySchema } from '../../electron/shared/contract/people'
import { legalNameProblem, normalizeLegalName } from '../../electron/shared/domain/identityRules'
import { translateField } from '../../electron/shared/i18n/messages'
import { call, count, err, makeWorld, ok, personInput, type World } from './helpers'

const ACCEPTED: [string, string, string][] = [
  ['a Han name', '张三', '张三'],
  ['an Uyghur name with the middle dot', '阿依古丽·买买提', '阿依古丽·买买提'],
  ['a foreign national in Latin letters', 'John Smith', 'John Smith'],
  ['pinyin with a space', 'Zhang San', 'Zhang San'],
  ['Latin letters with accents (NFC)', 'Jose\u0301 Müller', 'José Müller'],
  ['a rare Han character outside the BMP', '𠮷野', '𠮷野'],
  ['leading and trailing spaces are not part of the name', '  张三 ', '张三'],
  ['the Greek ano teleia is the middle dot after NFC', '阿依古丽\u0387买买提', '阿依古丽·买买提'],
]

const REFUSED: [string, string, string][] = [
  ['an emoji', '张三😀', 'name.characters'],
  ['a family emoji (joined by zero-width joiners)', '张三👨‍👩‍👧', 'name.characters'],
  ['digits', '张三2', 'name.characters'],
  ['full-width digits', '张三２', 'name.characters'],
  ['symbols', '张三#', 'name.characters'],
  ['a hyphen', 'Jean-Pierre', 'name.characters'],
  ['a zero-width space (U+200B)', '张\u200B三', 'name.invisible'],
  ['a tab', '张\t三', 'name.invisible'],
  ['a full-width space', '张\u3000三', 'name.invisible'],
  ['a no-break space', 'John\u00A0Smith', 'name.invisible'],
  ['double spaces', 'John  Smith', 'name.separators'],
  ['only the middle dot', '·', 'name.separators'],
  ['a leading middle dot', '·买买提', 'name.separators'],
  ['a dot beside a space', '阿依古丽· 买买提', 'name.separators'],
  ['two dots', '阿依古丽··买买提', 'name.separators'],
  ['a bullet instead of the middle dot', '阿依古丽•买买提', 'name.dot_lookalike|{"found":"•"}'],
  ['a full-width full stop instead of the middle dot', '阿依古丽．买买提', 'name.dot_lookalike|{"found":"．"}'],
  ['a katakana middle dot', '阿依古丽・买买提', 'name.dot_lookalike|{"found":"・"}'],
  ['a full stop', 'John A. Smith', 'name.dot_lookalike|{"found":"."}'],
]

const encode = (p: ReturnType<typeof legalNameProblem>) => (p ? (p.params ? `${p.key}|${JSON.stringify(p.params)}` : p.key) : null)

describe('the legal-name rule (shared domain)', () => {
  it.each(ACCEPTED)('accepts %s', (_what, typed, stored) => {
    expect(normalizeLegalName(typed)).toBe(stored)
    expect(legalNameProblem(normalizeLegalName(typed))).toBeNull()
  })
  it.each(REFUSED)('refuses %s', (_what, typed, key) => {
    expect(encode(legalNameProblem(normalizeLegalName(typed)))).toBe(key)
  })
  it('the message is clear in both languages', () => {
    expect(translateField('zh-CN', 'name.characters')).toBe('姓名只能包含汉字、字母、间隔号“·”和空格')
    expect(translateField('zh-CN', 'name.dot_lookalike|{"found":"•"}')).toBe('间隔号请使用“·”（中文输入法下按数字键 1 左边的键），不要用“•”')
    expect(translateField('en', 'name.characters')).toContain('the middle dot “·” and spaces')
  })
})

describe('the contract schema (what the form checks and the server parses)', () => {
  const base = personInput('00000000-0000-4000-8000-000000000000')
  it.each(ACCEPTED)('accepts %s and stores it normalised', (_what, typed, stored) => {
    const r = identitySchema.safeParse({ ...base, name: typed, emergencyContactName: typed })
    expect(r.success && [r.data.name, r.data.emergencyContactName]).toEqual([stored, stored])
  })
  it.each(REFUSED)('refuses %s on the name and on the emergency contact', (_what, typed, key) => {
    for (const field of ['name', 'emergencyContactName'] as const) {
      const r = identitySchema.safeParse({ ...base, [field]: typed })
      expect(r.success).toBe(false)
      expect(r.error?.issues.find((i) => i.path[0] === field)?.message).toBe(key)
    }
  })
  it('an empty emergency contact stays optional; an empty name is required', () => {
    expect(identitySchema.safeParse({ ...base, emergencyContactName: '' }).data?.emergencyContactName).toBeNull()
    expect(identitySchema.safeParse({ ...base, name: '  ' }).error?.issues[0]?.message).toBe('v.required')
  })
})

describe('the server refuses such a name and writes nothing', () => {
  let w: World
  beforeAll(() => {
    w = makeWorld()
  })
  afterAll(() => w.close())

  it.each(REFUSED.slice(0, 4))('people:create with %s', (_what, typed, key) => {
    const files = count(w.db, 'people')
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: typed }), w.sessions.admin!))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({ name: key })
    expect(count(w.db, 'people')).toBe(files)
  })

  it('people:create with a name in NFC stores the normalised name', () => {
    const created = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: ' Jose\u0301 Müller ' }), w.sessions.admin!))
    expect(ok(call(w.dispatch, 'people:get', { id: created.id }, w.sessions.admin!)).identity.name).toBe('José Müller')
  })
})
