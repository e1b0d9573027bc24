/**
 * Issue 8 item 9: the audit page's per-method detail renderer turns the stored JSON into zh-CN / English sentences,
 * with period, field, role and ward names, and people's names instead of ids. It never shows raw JSON or a UUID.
 */
import { describe, expect, it } from 'vitest'
import type { AuditNames } from '../../electron/shared/contract'
import { messages } from '../../electron/shared/i18n/messages'
import { describeDetail, type Translate } from '../../renderer/src/features/audit/auditDetail'
import { flatten, zhCN } from '../../renderer/src/i18n/texts'
import { en } from '../../renderer/src/i18n/texts.en'

function translator(tree: object, apiMessages: Record<string, string>): { t: Translate; has: (k: string) => boolean } {
  const texts = { ...apiMessages, ...flatten(tree) }
  const t: Translate = (key, params = {}) => (texts[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''))
  return { t, has: (k) => k in texts }
}

const PERSON = '6f1c2b1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'
const WARD_A = '0b7d5c1e-2f3a-4b5c-9d6e-7f8a9b0c1d2e'
const WARD_B = '1c8e6d2f-3a4b-4c6d-8e7f-8a9b0c1d2e3f'
const names: AuditNames = { people: { [PERSON]: { name: '张三', voided: false } }, staff: {}, wards: { [WARD_A]: '一大队', [WARD_B]: '二大队' } }
const zh = translator(zhCN, messages['zh-CN'])
const english = translator(en, messages.en)
const describe_ = (method: string, detail: unknown, tr = zh) => describeDetail({ method, detail: JSON.stringify(detail) }, names, tr.t, tr.has)

describe('audit details in words', () => {
  it.each([
    ['people:update', { changed: ['householdAddress', 'idNumber'] }, '修改了：户籍地址、公民身份号码'],
    ['people:movePeriod', { from: 'detox', to: 'education', effectiveDate: '2026-11-20', correction: false }, '生理脱毒期 → 教育适应期，自 2026-11-20 起'],
    ['people:assignWard', { from: WARD_A, to: WARD_B, effectiveDate: '2026-11-20' }, '一大队 → 二大队，自 2026-11-20 起'],
    ['people:addTermEvent', { eventId: PERSON, kind: 'extension' }, '类型：延长期限'],
    ['staff:update', { role: 'counsellor', active: true, wardId: WARD_A }, '岗位：心理咨询师；负责大队：一大队；启用'],
    ['staff:update', { role: 'counsellor', active: true, wardIds: [WARD_A, WARD_B], wardsBefore: [WARD_A] }, '岗位：心理咨询师；负责大队：一大队、二大队；启用'],
    ['staff:update', { role: 'ward_officer', active: false, wardIds: [] }, '岗位：大队民警；负责大队：—；停用'],
    ['psych:raiseCrisis', { personId: PERSON, riskLevel: 'high' }, '张三 · 风险等级：高'],
    ['psych:handleTask', { outcome: 'dismissed' }, '处理结果：不需处理'],
    ['psych:createSession', { kind: 'group', participants: 4 }, '团体咨询 · 4 人'],
  ])('%s in Chinese', (method, detail, text) => {
    expect(describe_(method, detail)).toBe(text)
  })

  it('in English', () => {
    expect(describe_('people:movePeriod', { from: 'detox', to: 'education', effectiveDate: '2026-11-20' }, english)).toMatch(/^Detox.* → .*, from 2026-11-20$/)
    expect(describe_('people:assignWard', { from: WARD_A, to: WARD_B, effectiveDate: '2026-11-20' }, english)).toBe('一大队 → 二大队, from 2026-11-20')
    expect(describe_('people:update', { changed: ['householdAddress', 'emergencyContactPhone'] }, english)).toMatch(/^Changed: [^、]+, [^、]+$/)
  })

  it('never shows a UUID or raw JSON: unknown ids, unknown methods and unparsable details say so in words', () => {
    const unknown = '9a9a9a9a-1111-4222-8333-444455556666'
    expect(describe_('psych:raiseCrisis', { personId: unknown, riskLevel: 'low' })).toBe('（未知人员） · 风险等级：低')
    expect(describe_('people:assignWard', { from: null, to: unknown, effectiveDate: '2026-11-20' })).toBe('无 → （未知大队），自 2026-11-20 起')
    expect(describe_('some:future', { id: unknown })).toBe('有附加数据')
    expect(describeDetail({ method: 'people:update', detail: 'not json' }, names, zh.t, zh.has)).toBe('有附加数据')
    expect(describeDetail({ method: 'people:get', detail: null }, names, zh.t, zh.has)).toBeNull()
  })
})
