/**
 * Release through the API (issue 14): plan → confirm refused field by field → confirm; the person leaves the roster
 * (people:roster no longer lists them, people:search still finds the file), the ward assignment ends on the release
 * date; void of a confirmed release (administrators only) returns the person to the ward left; the file is read-only
 * until reopened.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { closedPersonIds, releaseOfPerson } from '../../electron/core/release/releaseQueries'
import { recordRelease } from '../../electron/core/release/releaseService'
import { call, err, makeWorld, ok, personInput, TODAY } from './helpers'

const world = makeWorld(['ward_officer', 'counsellor'])
afterAll(() => world.close())
const admin = world.sessions.admin!
const officer = world.sessions.ward_officer!

function newPerson(name: string, idNumber: string, birthDate: string) {
  return ok(call(world.dispatch, 'people:create', personInput(world.wards.a, { name, idNumber, birthDate }), admin)).id
}
const personId = newPerson('出所甲', '110101198506150035', '1985-06-15')
const onTime = {
  kind: 'on_time' as const,
  releaseDate: TODAY,
  organNotifiedOn: '2026-11-20',
  certificateNo: '解戒〔2026〕12号',
  familyNotifiedOn: '2026-11-21',
  collectedBy: '张父',
  fileHandedOverOn: TODAY,
  fileHandedTo: '东城区禁毒办',
}
const liveSlots = (releaseId: string) =>
  (world.db.prepare('SELECT count(*) AS n FROM followup_slots WHERE release_id = ? AND voided_at IS NULL').get(releaseId) as { n: number }).n
const rosterIds = () => ok(call(world.dispatch, 'people:roster', { wardId: world.wards.a }, admin)).rows.map((r) => r.id)

describe('plan and confirm', () => {
  let releaseId = ''
  it('plans with gaps, and confirmation names each missing field', () => {
    releaseId = ok(call(world.dispatch, 'release:plan', { personId, kind: 'on_time', releaseDate: TODAY, organNotifiedOn: '2026-11-21' }, officer)).id
    const view = ok(call(world.dispatch, 'release:get', { personId }, officer))
    expect(view.release).toMatchObject({ status: 'planned', revision: 1 })
    const e = err(call(world.dispatch, 'release:confirm', { id: releaseId, revision: 1 }, officer))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({
      organNotifiedOn: 'release.organ_notice_late|{"days":3,"latest":"2026-11-20"}',
      certificateNo: 'release.item_missing',
      familyNotifiedOn: 'release.item_missing',
      collectedBy: 'release.item_missing',
      fileHandedOverOn: 'release.item_missing',
      fileHandedTo: 'release.item_missing',
    })
    expect(rosterIds()).toContain(personId)
  })
  it('refuses a second live release and a stale revision', () => {
    expect(err(call(world.dispatch, 'release:plan', { personId, kind: 'on_time', releaseDate: TODAY }, officer)).code).toBe('conflict')
    expect(err(call(world.dispatch, 'release:update', { id: releaseId, revision: 9, ...onTime }, officer)).key).toBe('release.stale_revision')
  })
  it('refuses done dates after today and rehab fields without an order', () => {
    const e = err(call(world.dispatch, 'release:update', { id: releaseId, revision: 1, ...onTime, familyNotifiedOn: '2026-11-24', communityRehabMonths: 12 }, officer))
    expect(e.fields).toEqual({ familyNotifiedOn: 'release.done_in_future|{"today":"2026-11-23"}', communityRehabMonths: 'release.no_rehab_order' })
  })
  it('confirms once complete: off the roster, still found by search, assignment ended, file closed', () => {
    ok(call(world.dispatch, 'release:update', { id: releaseId, revision: 1, ...onTime }, officer))
    expect(ok(call(world.dispatch, 'release:confirm', { id: releaseId, revision: 2 }, officer))).toEqual({ revision: 3 })
    expect(rosterIds()).not.toContain(personId)
    expect(ok(call(world.dispatch, 'people:search', { q: '出所甲' }, admin)).map((r) => r.id)).toContain(personId)
    const file = ok(call(world.dispatch, 'people:get', { id: personId }, admin))
    expect(file).toMatchObject({ wardId: null, period: null })
    expect(file.wards.at(-1)).toMatchObject({ endDate: TODAY })
    const view = ok(call(world.dispatch, 'release:get', { personId }, admin))
    expect(view).toMatchObject({ fileClosed: true, release: { status: 'released', fromWardId: world.wards.a, fromPeriod: 'detox' } })
    // The aftercare follow-up plan is made in the same transaction (an on-time release is a covered kind).
    expect(liveSlots(releaseId)).toBeGreaterThan(0)
  })
  it('keeps kind and date once released; the checklist may still be corrected', () => {
    // A released file lies in no ward: the officer's own-ward reach no longer covers it; an administrator corrects it.
    expect(err(call(world.dispatch, 'release:update', { id: releaseId, revision: 3, ...onTime, fileHandedTo: '和平里街道' }, officer)).key).toBe('err.ward_forbidden')
    expect(err(call(world.dispatch, 'release:update', { id: releaseId, revision: 3, ...onTime, kind: 'early' }, admin)).fields).toEqual({ kind: 'release.fixed_once_released' })
    expect(ok(call(world.dispatch, 'release:update', { id: releaseId, revision: 3, ...onTime, fileHandedTo: '和平里街道' }, admin))).toEqual({ revision: 4 })
  })
  it('lists it among recent releases, by ward and month', () => {
    const recent = ok(call(world.dispatch, 'release:list', { view: 'recent', wardId: world.wards.a, month: TODAY.slice(0, 7) }, admin))
    expect(recent.rows.map((r) => r.personId)).toContain(personId)
    expect(ok(call(world.dispatch, 'release:list', { view: 'recent', month: '2026-10' }, admin)).total).toBe(0)
  })
})

describe('the read-only file', () => {
  const update = () => call(world.dispatch, 'people:update', { ...personInput(world.wards.a, { name: '出所甲', idNumber: '110101198506150035', birthDate: '1985-06-15' }), id: personId, revision: 1, emergencyContactPhone: '13900000000', changeNote: null }, admin)
  it('refuses a write, is reopened by an administrator with a reason, then takes it, and closes again', () => {
    expect(err(update())).toMatchObject({ code: 'conflict', key: 'person.file_closed' })
    expect(err(call(world.dispatch, 'release:reopenFile', { personId, reason: '更正联系电话' }, officer)).code).toBe('forbidden')
    ok(call(world.dispatch, 'release:reopenFile', { personId, reason: '更正联系电话' }, admin))
    expect(ok(call(world.dispatch, 'release:get', { personId }, admin))).toMatchObject({ fileClosed: false, openReopening: { reason: '更正联系电话', openedByName: '管理员甲' } })
    expect(ok(update())).toEqual({ revision: 2 })
    ok(call(world.dispatch, 'release:closeFile', { personId }, admin))
    expect(ok(call(world.dispatch, 'release:get', { personId }, admin)).fileClosed).toBe(true)
    expect(err(call(world.dispatch, 'release:closeFile', { personId }, admin)).key).toBe('release.no_open_reopening')
  })
})

describe('void', () => {
  it('a confirmed release is voided only by an administrator; the person returns to the ward left', () => {
    const view = ok(call(world.dispatch, 'release:get', { personId }, admin))
    const { id, revision } = view.release!
    expect(err(call(world.dispatch, 'release:void', { id, revision, reason: '误操作' }, officer)).code).toBe('forbidden')
    const counsellorLike = world.sessions.counsellor!
    expect(err(call(world.dispatch, 'release:void', { id, revision, reason: '误操作' }, counsellorLike)).code).toBe('forbidden')
    ok(call(world.dispatch, 'release:void', { id, revision, reason: '误操作' }, admin))
    expect(rosterIds()).toContain(personId)
    expect(liveSlots(id)).toBe(0)
    const file = ok(call(world.dispatch, 'people:get', { id: personId }, admin))
    expect(file).toMatchObject({ wardId: world.wards.a, period: 'detox', periodSince: '2026-06-01' })
    expect(file.wards.filter((w) => w.endDate === null)).toHaveLength(1)
    const after = ok(call(world.dispatch, 'release:get', { personId }, admin))
    expect(after).toMatchObject({ release: null, fileClosed: false, voided: [{ id, reason: '误操作' }] })
  })
  it('a planned release is voided by the officer and the person stays', () => {
    const id = ok(call(world.dispatch, 'release:plan', { personId, kind: 'transfer', releaseDate: TODAY }, officer)).id
    ok(call(world.dispatch, 'release:void', { id, revision: 1, reason: '计划取消' }, officer))
    expect(rosterIds()).toContain(personId)
  })
})

describe('a past file with no release record is closed too', () => {
  it('refuses writes and cannot be planned', () => {
    const legacy = newPerson('往期乙', '110101198001010010', '1980-01-01')
    world.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(legacy)
    expect(ok(call(world.dispatch, 'release:get', { personId: legacy }, admin))).toMatchObject({ release: null, fileClosed: true, pastStay: true })
    expect(err(call(world.dispatch, 'release:plan', { personId: legacy, kind: 'on_time', releaseDate: TODAY }, admin)).key).toBe('release.not_on_roster')
    expect(err(call(world.dispatch, 'people:void', { id: legacy, reason: '重复建档' }, admin)).key).toBe('person.file_closed')
  })
})

describe('recordRelease (the demo generator’s writer)', () => {
  it('plans and confirms in one go with every side effect, and refuses what the API refuses', () => {
    const p = newPerson('演示丙', '110101197512120030', '1975-12-12')
    const change = { at: '2026-11-23T02:00:00.000Z', by: world.staffIds.ward_officer! }
    expect(() => recordRelease(world.db, { personId: p, kind: 'transfer', releaseDate: TODAY, details: {} }, change)).toThrow()
    const { releaseId } = recordRelease(world.db, { personId: p, kind: 'transfer', releaseDate: TODAY, details: { toFacility: '某某戒毒所', docNo: '转〔2026〕9号' }, familyNotifiedOn: TODAY, fileHandedOverOn: TODAY, fileHandedTo: '某某戒毒所' }, change)
    expect(releaseOfPerson(world.db, p)).toMatchObject({ id: releaseId, status: 'released', fromWardId: world.wards.a })
    expect(closedPersonIds(world.db, [p, personId])).toEqual(new Set([p]))
  })
})
