/**
 * The handover sheet (issue 14): only the chosen sections, the ID number masked, printed only after the privacy review
 * of its current revision (an edit clears the review), each print audited; the contact card reads the setting.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { call, err, makeWorld, ok, personInput } from './helpers'

const world = makeWorld(['counsellor', 'ward_officer'])
afterAll(() => world.close())
const admin = world.sessions.admin!
const counsellor = world.sessions.counsellor!
const officer = world.sessions.ward_officer!
const personId = ok(call(world.dispatch, 'people:create', personInput(world.wards.a), admin)).id
const printAudits = () => (world.db.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'release:printHandover'").get() as { n: number }).n

describe('handover sheet', () => {
  it('previews every section but the risk notes before one is saved, the ID number masked', () => {
    const view = ok(call(world.dispatch, 'release:handover', { personId }, counsellor))
    expect(view.sheet).toBeNull()
    expect(view.content.person.idNumberMasked).toBe('110101********0011')
    expect(view.content).toMatchObject({ assessment: [], fitness: { tests: 0, latest: null }, training: [], certificates: [], employment: [], riskNotes: null })
  })
  it('prints only after the review of the current revision', () => {
    const saved = ok(call(world.dispatch, 'release:saveHandover', { personId, sections: ['risk', 'fitness'], recipient: '和平里街道社区康复指导站', riskNotes: '情绪易激动，建议家属陪同' }, counsellor))
    expect(saved.revision).toBe(1)
    const view = ok(call(world.dispatch, 'release:handover', { personId }, counsellor))
    expect(view.sheet).toMatchObject({ sections: ['fitness', 'risk'], reviewedAt: null })
    expect(view.content).toMatchObject({ assessment: null, training: null, riskNotes: '情绪易激动，建议家属陪同' })
    expect(err(call(world.dispatch, 'release:printHandover', { id: saved.id, revision: 1 }, officer)).key).toBe('release.handover_not_reviewed')
    expect(printAudits()).toBe(0)
    expect(err(call(world.dispatch, 'release:reviewHandover', { id: saved.id, revision: 1 }, counsellor)).code).toBe('forbidden')
    ok(call(world.dispatch, 'release:reviewHandover', { id: saved.id, revision: 1, note: '已删去病史描述' }, officer))
    expect(ok(call(world.dispatch, 'release:printHandover', { id: saved.id, revision: 1 }, officer)).sheet).toMatchObject({ printCount: 1, reviewedByName: 'ward_officer-staff' })
    expect(printAudits()).toBe(1)
  })
  it('an edit clears the review; a stale revision is refused', () => {
    const { sheet } = ok(call(world.dispatch, 'release:handover', { personId }, counsellor))
    expect(err(call(world.dispatch, 'release:saveHandover', { personId, id: sheet!.id, revision: 9, sections: ['fitness'] }, counsellor)).key).toBe('release.handover_stale')
    ok(call(world.dispatch, 'release:saveHandover', { personId, id: sheet!.id, revision: 1, sections: ['fitness'] }, counsellor))
    expect(err(call(world.dispatch, 'release:printHandover', { id: sheet!.id, revision: 2 }, officer)).key).toBe('release.handover_not_reviewed')
    expect(err(call(world.dispatch, 'release:saveHandover', { personId, id: sheet!.id, revision: 2, sections: [] }, counsellor)).fields).toEqual({ sections: 'release.handover_no_section' })
  })
})

describe('contact card', () => {
  it("prints the facility's own wording", () => {
    const { version } = ok(call(world.dispatch, 'release:settings', {}, admin))
    ok(call(world.dispatch, 'release:saveSettings', { version, rules: { organNoticeDays: 3, upcomingDays: 30 }, contactCard: { title: '爱心服务指导联系卡', hotline: '010-12345678', text: '有困难，请联系我们' } }, admin))
    expect(ok(call(world.dispatch, 'release:contactCard', { personId }, counsellor))).toMatchObject({
      card: { hotline: '010-12345678' }, facilityName: '测试强制隔离戒毒所', personName: '张三', station: null,
    })
  })
})
