/**
 * Release-kind rules (issue 14), table-driven on both sides of every threshold: the deciding organ's notice days, the
 * community-rehab order's months, what each kind needs before confirmation, a release date in the future, and the
 * early-release rule (the organ's decision: an approved early release or its document number).
 */
import { describe, expect, it } from 'vitest'
import { releaseInput } from '../../electron/shared/contract/release'
import { checklistGaps, DEFAULT_RELEASE_RULES, parseDetails, releaseChecklist, RELEASE_KINDS, type ChecklistSubject, type ReleaseKind } from '../../electron/shared/domain/release'

const TODAY = '2026-11-23'
const complete = (kind: ReleaseKind, over: Partial<ChecklistSubject> = {}): ChecklistSubject => ({
  kind,
  releaseDate: '2026-11-20',
  organNotifiedOn: '2026-11-17',
  certificateNo: '解戒〔2026〕12号',
  familyNotifiedOn: '2026-11-18',
  collectedBy: '张父',
  communityRehab: false,
  communityRehabMonths: null,
  communityRehabDocNo: null,
  stationId: null,
  receivingCommunity: kind === 'community_conversion' ? '东城区和平里街道' : null,
  fileHandedOverOn: '2026-11-20',
  fileHandedTo: '东城区禁毒办',
  details: parseDetails(kind, {
    early: { decisionDocNo: '东公（禁）提字〔2026〕3号' },
    community_conversion: { decisionDocNo: '东公（禁）转字〔2026〕1号', reason: '所外就医不宜回所' },
    transfer: { toFacility: '某某强制隔离戒毒所', docNo: '转〔2026〕5号' },
    medical: { hospital: '市第一人民医院', reason: '重病' },
    death: { cause: '疾病', place: '市第一人民医院' },
    on_time: {},
  }[kind]),
  ...over,
})
const gapKeys = (s: ChecklistSubject, earlyReleaseOn: string | null = null, rules = DEFAULT_RELEASE_RULES, today = TODAY) =>
  checklistGaps(releaseChecklist(s, { earlyReleaseOn }, rules, today)).map((g) => g.key)

describe('a complete release of each kind has no gaps', () => {
  it.each(RELEASE_KINDS)('%s', (kind) => expect(gapKeys(complete(kind))).toEqual([]))
})

describe('the deciding organ is notified N days before release ([L2 §34], setting, default 3)', () => {
  it.each([
    ['2026-11-17', 3, []],
    ['2026-11-18', 3, ['organ_notice']],
    ['2026-11-15', 5, []],
    ['2026-11-16', 5, ['organ_notice']],
    ['2026-11-20', 0, []],
    [null, 3, ['organ_notice']],
  ] as const)('notified %s with %i days → gaps %j', (notified, days, gaps) => {
    expect(gapKeys(complete('on_time', { organNotifiedOn: notified }), null, { ...DEFAULT_RELEASE_RULES, organNoticeDays: days })).toEqual(gaps)
  })
  it('names the latest day in its message', () => {
    const item = releaseChecklist(complete('on_time', { organNotifiedOn: '2026-11-19' }), { earlyReleaseOn: null }, DEFAULT_RELEASE_RULES, TODAY).find((i) => i.key === 'organ_notice')!
    expect(item).toMatchObject({ state: 'wrong', messageKey: 'release.organ_notice_late', params: { days: 3, latest: '2026-11-17' } })
  })
  it.each(['transfer', 'medical', 'death'] as const)('%s needs no notice', (kind) => {
    expect(gapKeys(complete(kind, { organNotifiedOn: null, certificateNo: null }))).toEqual([])
  })
})

describe('community-rehab order: 1–36 months ([L1 §48]) and a receiver', () => {
  const base = { personId: undefined, kind: 'on_time', releaseDate: '2026-11-20', communityRehab: true }
  it.each([
    [0, false],
    [1, true],
    [36, true],
    [37, false],
  ])('%i months → accepted %s', (months, accepted) => {
    const parsed = releaseInput.safeParse({ ...base, communityRehabMonths: months })
    expect(parsed.success).toBe(accepted)
    if (!parsed.success) expect(parsed.error.issues[0]).toMatchObject({ path: ['communityRehabMonths'], message: 'v.range|{"min":1,"max":36}' })
  })
  it('an order needs its months and a station or community', () => {
    expect(gapKeys(complete('on_time', { communityRehab: true }))).toEqual(['receiver', 'community_rehab_months'])
    expect(gapKeys(complete('on_time', { communityRehab: true, communityRehabMonths: 36, receivingCommunity: '和平里街道' }))).toEqual([])
  })
})

describe('what each kind needs before confirmation', () => {
  it.each([
    ['on_time', { certificateNo: null }, ['certificate']],
    ['on_time', { collectedBy: null, fileHandedTo: null }, ['collected_by', 'file_handed_to']],
    ['community_conversion', { receivingCommunity: null }, ['receiver']],
    ['community_conversion', { details: parseDetails('community_conversion', { reason: '不宜回所' }) }, ['decision']],
    ['transfer', { details: parseDetails('transfer', { docNo: 'x' }) }, ['to_facility']],
    ['medical', { details: parseDetails('medical', {}) }, ['hospital', 'medical_reason']],
    ['death', { details: parseDetails('death', { cause: '疾病' }) }, ['death_place']],
  ] as const)('%s with %j → %j', (kind, over, gaps) => {
    expect(gapKeys(complete(kind, over as Partial<ChecklistSubject>))).toEqual(gaps)
  })
  it("a death's reports are listed but do not block", () => {
    const items = releaseChecklist(complete('death'), { earlyReleaseOn: null }, DEFAULT_RELEASE_RULES, TODAY)
    expect(items.filter((i) => i.key.startsWith('report_')).map((i) => [i.required, i.state])).toEqual(Array(4).fill([false, 'missing']))
  })
  it("a kind's schema refuses another kind's field", () => {
    const parsed = releaseInput.safeParse({ kind: 'on_time', releaseDate: '2026-11-20', details: { hospital: '医院' } })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['details', 'hospital'], message: 'release.detail_not_of_kind' })
  })
})

describe('the release date may not be in the future for confirmation', () => {
  it.each([
    ['2026-11-23', []],
    ['2026-11-24', ['release_date']],
  ])('%s (today %s) → %j', (date, gaps) => {
    expect(gapKeys(complete('transfer', { releaseDate: date }))).toEqual(gaps)
  })
})

describe('early release needs the deciding organ’s decision', () => {
  const noDoc = () => complete('early', { details: parseDetails('early', {}) })
  it.each([
    ['no approval, no document number', noDoc(), null, ['decision']],
    ['document number only', complete('early'), null, []],
    ['approved early release only', noDoc(), '2026-11-20', []],
    ['approved for a later day than the release', noDoc(), '2026-11-21', ['decision']],
  ] as const)('%s', (_label, subject, earlyReleaseOn, gaps) => {
    expect(gapKeys(subject, earlyReleaseOn)).toEqual(gaps)
  })
})
