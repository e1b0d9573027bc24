/**
 * Diagnostic assessment on a real database through the dispatcher: template versions kept, evidence suggestions and
 * requests, field-level refusals, stale edits, and the proposal-and-decision log changing the term.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import beijing from '../../resources/assessment-templates/beijing-2021.json'
import { call, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

let world: World
let admin: string
let personId: string

beforeEach(() => {
  world = makeWorld()
  admin = world.sessions.admin!
  // Decision 2025-06-01: one year executed on 2026-06-01, before today (2026-11-23).
  personId = ok(call(world.dispatch, 'people:create', personInput(world.wards.a, { decisionDate: '2025-06-01', admissionDate: '2025-09-01' }), admin)).id
})
afterEach(() => world.close())

const DETOX = ['drug_test_negative', 'no_withdrawal_medication', 'acute_withdrawal_resolved', 'no_protracted_withdrawal', 'no_drug_psychosis']
const detoxItems = (met: number) => DETOX.map((itemId, i) => ({ component: 'detox' as const, itemId, points: i < met ? 20 : 0, note: null }))
const record = (extra: Partial<Parameters<typeof call<'assessment:record'>>[2]> = {}) =>
  call(world.dispatch, 'assessment:record', {
    personId, point: 'detox', assessedOn: TODAY, status: 'final', items: detoxItems(5), recommendation: 'none', assessors: '王警官、李医生', ...extra,
  }, admin)

describe('assessments keep their template version', () => {
  it('scores Beijing 生理脱毒: 4 items → 80 不合格, 5 → 100 合格', () => {
    const fail = ok(record({ items: detoxItems(4) }))
    const pass = ok(record())
    const detoxOf = (id: string) => ok(call(world.dispatch, 'assessment:get', { id }, admin)).components.find((c) => c.id === 'detox')
    expect(detoxOf(fail.id)).toMatchObject({ points: 80, result: 'fail' })
    expect(detoxOf(pass.id)).toMatchObject({ points: 100, result: 'pass' })
  })

  it('a new template version loaded later leaves an earlier assessment on its version', () => {
    const first = ok(record())
    const v1 = ok(call(world.dispatch, 'assessment:get', { id: first.id }, admin))
    const edited = JSON.parse(JSON.stringify(beijing)) as typeof beijing
    edited.version = '2021-修订'
    edited.components[0]!.items[0]!.points = 40
    edited.components[0]!.items[0]!.label.zh = '毒品检测（修订）'
    const loaded = ok(call(world.dispatch, 'assessment:importTemplate', { json: JSON.stringify(edited) }, admin))
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.version.version).toBe(v1.templateVersion + 1)
    const again = ok(call(world.dispatch, 'assessment:get', { id: first.id }, admin))
    expect(again.templateVersion).toBe(v1.templateVersion)
    expect(again.template.components[0]!.items[0]!).toMatchObject({ points: 20, label: { zh: '毒品检测结果呈阴性' } })
    // A new assessment uses the new version; its all-or-nothing item is now worth 40.
    const second = ok(record({ items: DETOX.map((itemId, i) => ({ component: 'detox' as const, itemId, points: i === 0 ? 40 : 20, note: null })) }))
    expect(ok(call(world.dispatch, 'assessment:get', { id: second.id }, admin))).toMatchObject({ templateVersion: loaded.version.version })
    const list = ok(call(world.dispatch, 'assessment:templates', {}, admin))
    expect(list.templates.find((t) => t.templateId === 'beijing-2021')!.versions.map((v) => v.version)).toEqual([loaded.version.version, v1.templateVersion])
  })

  it('a bad template is refused with field paths and nothing is saved', () => {
    const bad = JSON.parse(JSON.stringify(beijing)) as { components: Array<{ items: Array<{ points: number }> }> }
    bad.components[0]!.items[1]!.points = 0
    const result = ok(call(world.dispatch, 'assessment:importTemplate', { json: JSON.stringify(bad) }, admin))
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ path: 'components.0.items.1.points' })] })
    expect(world.db.prepare("SELECT count(*) AS n FROM config_versions WHERE kind = 'assessmentTemplate'").get()).toEqual({ n: 0 })
    expect(ok(call(world.dispatch, 'assessment:importTemplate', { json: '{not json' }, admin))).toMatchObject({ ok: false })
  })
})

describe('evidence from the records, linked', () => {
  it('behaviour points from the ward records: missing → request; a sanction → 0 suggested; rewards → full', () => {
    const conduct = () => ok(call(world.dispatch, 'assessment:prepare', { personId, point: 'stage' }, admin)).items.find((i) => i.itemId === 'conduct_points')!
    expect(conduct()).toMatchObject({ suggested: null, evidence: { kind: 'conduct', met: null, recordId: null } })
    ok(call(world.dispatch, 'wardwork:recordConduct', { personId, kind: 'sanction', category: 'warning', points: -1, on: '2026-11-01', reason: '迟到' }, admin))
    expect(conduct()).toMatchObject({ suggested: 0, evidence: { kind: 'conduct', met: false, recordType: 'conduct', on: '2026-11-01' } })
    ok(call(world.dispatch, 'wardwork:recordConduct', { personId, kind: 'reward', category: 'praise', points: 1, on: '2026-11-10', reason: '内务整洁' }, admin))
    expect(conduct()).toMatchObject({ suggested: 40, evidence: { met: true, summary: '0 (+1 / -1)' } })
  })
})

describe('field-level refusals and stale edits', () => {
  it.each([
    [{ items: [{ component: 'detox' as const, itemId: 'drug_test_negative', points: 10, note: null }] }, 'items.0.points', 'assessment.points_all_or_nothing'],
    [{ items: [{ component: 'detox' as const, itemId: 'nope', points: 10, note: null }] }, 'items.0.itemId', 'assessment.unknown_item'],
    [{ status: 'final' as const, items: detoxItems(5).slice(0, 4) }, 'items', 'assessment.final_needs_all'],
    [{ point: 'stage' as const, stagePeriod: null }, 'stagePeriod', 'assessment.stage_period_required'],
    [{ assessedOn: '2025-08-31' }, 'assessedOn', 'assessment.before_admission'],
    [{ assessedOn: '2099-01-01' }, 'assessedOn', 'v.date_in_future'],
  ])('%j → %s', (extra, field, key) => {
    const before = world.db.prepare('SELECT count(*) AS n FROM diag_assessments').get()
    const e = err(record(extra))
    expect(e.fields?.[field]).toContain(key)
    expect(world.db.prepare('SELECT count(*) AS n FROM diag_assessments').get()).toEqual(before)
  })

  it('a draft with missing evidence opens a request; the stale edit is refused; voiding keeps the row', () => {
    const rehab = { component: 'rehab' as const, itemId: 'fitness', points: null, note: null }
    const draft = ok(record({ point: 'stage', stagePeriod: 'detox', status: 'draft', items: [rehab] }))
    const person = ok(call(world.dispatch, 'assessment:person', { personId }, admin))
    expect(person.openEvidenceRequests.map((r) => `${r.component}.${r.itemId}`)).toEqual(expect.arrayContaining(['rehab.fitness', 'rehab.depression', 'rehab.knowledge']))
    const update = (revision: number) =>
      call(world.dispatch, 'assessment:update', {
        id: draft.id, revision, point: 'stage', stagePeriod: 'detox', assessedOn: TODAY, status: 'draft',
        items: [{ ...rehab, points: 20, note: '体测纸质记录' }], recommendation: 'none', assessors: '王警官',
      }, admin)
    expect(ok(update(1)).revision).toBe(2)
    expect(err(update(1)).code).toBe('conflict')
    const after = ok(call(world.dispatch, 'assessment:person', { personId }, admin)).openEvidenceRequests
    expect(after.map((r) => r.itemId)).not.toContain('fitness')
    expect(ok(call(world.dispatch, 'assessment:void', { id: draft.id, revision: 2, reason: '录入错误' }, admin))).toBeNull()
    expect(ok(call(world.dispatch, 'assessment:get', { id: draft.id }, admin)).voided).toMatchObject({ reason: '录入错误' })
    expect(ok(call(world.dispatch, 'assessment:person', { personId }, admin)).openEvidenceRequests.filter((r) => r.assessmentId === draft.id)).toEqual([])
  })

  it('an override of the evidence needs a note', () => {
    // No knowledge test: nothing suggested, so no note needed; a manual item never needs one.
    ok(record())
    const items = [{ component: 'rehab' as const, itemId: 'knowledge', points: 20, note: null }]
    expect(ok(record({ point: 'stage', stagePeriod: 'detox', status: 'draft', items }))).toMatchObject({ revision: 1 })
  })
})

describe('proposals and decisions change the term', () => {
  const propose = (input: Partial<Parameters<typeof call<'assessment:propose'>>[2]>) =>
    call(world.dispatch, 'assessment:propose', { personId, kind: 'early_release', proposedOn: TODAY, decidingOrgan: '北京市公安局东城分局', ...input }, admin)
  const file = () => ok(call(world.dispatch, 'people:get', { id: personId }, admin))

  it.each([
    ['2026-05-31', 'assessment.early_release_too_soon'],
    ['2026-06-01', null],
  ] as const)('early release on %s → %s', (date, key) => {
    const result = propose({ proposedDate: date, proposedOn: '2026-05-20' })
    if (key) expect(err(result).fields?.proposedDate).toContain(key)
    else ok(result)
  })

  it('a proposed release date before the proposal itself is refused', () => {
    expect(err(propose({ proposedDate: '2026-07-01' })).fields?.proposedDate).toContain('assessment.release_before_proposal')
  })

  it('an escape bars early release (message at kind), and so does a recorded §38 bar', () => {
    ok(call(world.dispatch, 'people:addTermEvent', { id: personId, kind: 'escape', fromDate: '2025-10-01', toDate: '2025-10-05', note: null, docNo: null }, admin))
    expect(err(propose({ proposedDate: '2026-07-01' })).fields?.kind).toContain('assessment.early_release_escape')
    const other = ok(call(world.dispatch, 'people:create', personInput(world.wards.a, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15', decisionDate: '2025-06-01', admissionDate: '2025-09-01' }), admin)).id
    ok(call(world.dispatch, 'people:setEarlyReleaseBar', { id: other, seen: null, reason: '拒绝社区康复后再次强制隔离戒毒' }, admin))
    expect(err(call(world.dispatch, 'assessment:propose', { personId: other, kind: 'early_release', proposedOn: TODAY, proposedDate: '2026-07-01', decidingOrgan: '某局' }, admin)).fields?.kind).toContain('assessment.early_release_bar')
  })

  it('extensions: 12 months in total allowed, 13 refused; an approval adds a term event and moves the last day', () => {
    expect(err(propose({ kind: 'extension', months: 13 })).fields?.months).toBeDefined()
    const first = ok(propose({ kind: 'extension', months: 8 }))
    ok(call(world.dispatch, 'assessment:decide', { id: first.id, revision: 1, outcome: 'approved', decisionDate: TODAY, documentNumber: '东公（禁）延字〔2026〕1号' }, admin))
    expect(file().term.result).toMatchObject({ extensionMonths: 8, lastDay: '2028-01-31' })
    expect(file().termEvents.filter((e) => e.kind === 'extension')).toHaveLength(1)
    expect(err(propose({ kind: 'extension', months: 5 })).fields?.months).toContain('assessment.extension_total')
    const second = ok(propose({ kind: 'extension', months: 4 }))
    ok(call(world.dispatch, 'assessment:decide', { id: second.id, revision: 1, outcome: 'approved', decisionDate: TODAY, documentNumber: '东公（禁）延字〔2026〕2号' }, admin))
    expect(file().term.result).toMatchObject({ extensionMonths: 12 })
    // Voiding the approved proposal takes its extension back out.
    ok(call(world.dispatch, 'assessment:voidProposal', { id: second.id, revision: 2, reason: '决定书录错' }, admin))
    expect(file().term.result).toMatchObject({ extensionMonths: 8 })
  })

  it('an approved early release sets the release date in the term with a step; a stale decision is refused', () => {
    const p = ok(propose({ proposedDate: '2026-12-01' }))
    expect(err(call(world.dispatch, 'assessment:decide', { id: p.id, revision: 2, outcome: 'approved', decisionDate: TODAY, documentNumber: 'X' }, admin)).code).toBe('conflict')
    expect(err(call(world.dispatch, 'assessment:decide', { id: p.id, revision: 1, outcome: 'approved', decisionDate: '2026-01-01', documentNumber: 'X' }, admin)).fields?.decisionDate).toBeDefined()
    ok(call(world.dispatch, 'assessment:decide', { id: p.id, revision: 1, outcome: 'approved', decisionDate: TODAY, documentNumber: '东公（禁）提字〔2026〕3号' }, admin))
    const term = file().term.result!
    expect(term.lastDay).toBe('2026-11-30')
    expect(term.steps.at(-1)).toEqual({ kind: 'early_release_approved', releaseOn: '2026-12-01', date: '2026-11-30' })
    expect(world.db.prepare('SELECT last_day AS d FROM people WHERE id = ?').get(personId)).toEqual({ d: '2026-11-30' })
    const log = ok(call(world.dispatch, 'assessment:person', { personId }, admin)).proposals
    expect(log[0]).toMatchObject({ outcome: 'approved', documentNumber: '东公（禁）提字〔2026〕3号', decisionDate: TODAY })
  })
})
