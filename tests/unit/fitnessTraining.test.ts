/**
 * Exercise training records (运动戒毒) on a real database through the dispatcher: groups, membership over time,
 * sessions with attendance (all or nothing), edits by version, voids, intensity history and the intensity setting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

let w: World
let trainer: string
let groupId: string
let zhang: string
let li: string

const group = (overrides: Partial<Input<'training:createGroup'>> = {}): Input<'training:createGroup'> => ({
  wardId: w.wards.a, name: '一中队 中强度组', trainerId: w.staffIds.trainer!, intensity: 'medium', ...overrides,
})

/** A session of the group on `date` with everyone present except the given exceptions. */
function session(date: string, people: string[], exceptions: Record<string, Partial<Input<'training:recordSession'>['attendance'][number]>> = {}): Input<'training:recordSession'> {
  return {
    wardId: w.wards.a, groupId, date, startTime: '08:30', durationMinutes: 60, content: '慢跑 + 拉伸', intensity: 'medium',
    attendance: people.map((personId) => ({ personId, present: true, ...exceptions[personId] })),
  }
}

beforeEach(() => {
  w = makeWorld(['trainer', 'counsellor', 'ward_officer'])
  trainer = w.sessions.trainer!
  const admin = w.sessions.admin!
  zhang = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: '2026-06-01' }), admin)).id
  li = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15', admissionDate: '2026-06-01' }), admin)).id
  groupId = ok(call(w.dispatch, 'training:createGroup', group(), trainer)).id
  ok(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: zhang, joinedOn: '2026-10-01' }, trainer))
  ok(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: li, joinedOn: '2026-11-01' }, trainer))
})
afterEach(() => w.close())

describe('groups', () => {
  it('are listed per ward with their trainer and members today; names are unique in a ward', () => {
    const [row] = ok(call(w.dispatch, 'training:groups', { wardId: w.wards.a }, w.sessions.counsellor!))
    expect(row).toMatchObject({ name: '一中队 中强度组', trainerName: 'trainer-staff', memberCount: 2, active: true, revision: 1 })
    expect(ok(call(w.dispatch, 'training:groups', { wardId: w.wards.b }, trainer))).toEqual([])
    expect(err(call(w.dispatch, 'training:createGroup', group(), trainer)).fields).toEqual({ name: 'training.group_name_taken' })
    expect(err(call(w.dispatch, 'training:createGroup', group({ name: '乙组', trainerId: w.staffIds.counsellor! }), trainer)).fields).toEqual({ trainerId: 'training.trainer_role' })
    expect(err(call(w.dispatch, 'training:createGroup', group({ name: '乙组', intensity: 'extreme' }), trainer)).fields).toEqual({ intensity: 'training.unknown_intensity' })
  })

  it('an edit names its version; a stale one is refused and changes nothing', () => {
    const edit = { wardId: w.wards.a, id: groupId, revision: 1, name: '甲组', trainerId: w.staffIds.trainer!, intensity: 'low' }
    expect(ok(call(w.dispatch, 'training:updateGroup', edit, trainer))).toEqual({ revision: 2 })
    expect(err(call(w.dispatch, 'training:updateGroup', { ...edit, name: '丙组' }, trainer)).code).toBe('conflict')
    expect(ok(call(w.dispatch, 'training:groups', { wardId: w.wards.a }, trainer))[0]).toMatchObject({ name: '甲组', intensity: 'low', revision: 2 })
    // Named with another ward, the group is not found (and a ward officer of 一大队 is refused 二大队 by scope).
    expect(err(call(w.dispatch, 'training:updateGroup', { ...edit, revision: 2, wardId: w.wards.b }, trainer)).code).toBe('not_found')
  })

  it('a group with members today cannot be deactivated; an empty one can, and takes no new sessions', () => {
    expect(err(call(w.dispatch, 'training:setGroupActive', { wardId: w.wards.a, id: groupId, revision: 1, active: false }, trainer)).key).toBe('training.group_has_members')
    const empty = ok(call(w.dispatch, 'training:createGroup', group({ name: '空组' }), trainer)).id
    ok(call(w.dispatch, 'training:setGroupActive', { wardId: w.wards.a, id: empty, revision: 1, active: false }, trainer))
    expect(ok(call(w.dispatch, 'training:groups', { wardId: w.wards.a }, trainer)).map((g) => g.name)).toEqual(['一中队 中强度组'])
    expect(ok(call(w.dispatch, 'training:groups', { wardId: w.wards.a, includeInactive: true }, trainer))).toHaveLength(2)
  })

  it('counsellors and ward officers read, only trainers and administrators record', () => {
    expect(err(call(w.dispatch, 'training:createGroup', group({ name: '乙组' }), w.sessions.counsellor!)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li]), w.sessions.ward_officer!)).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'training:members', { wardId: w.wards.a, groupId }, w.sessions.ward_officer!))).toHaveLength(2)
  })
})

describe('membership over time', () => {
  it('a person joins from a date and leaves on a date; stretches cannot overlap', () => {
    expect(err(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: zhang, joinedOn: '2026-11-10' }, trainer)).fields).toEqual({
      joinedOn: 'training.already_member|{"date":"2026-10-01"}',
    })
    const other = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '王五', idNumber: '110101198808080052', birthDate: '1988-08-08' }), w.sessions.admin!)).id
    expect(err(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: other, joinedOn: '2026-11-10' }, trainer)).fields).toEqual({
      personId: 'training.person_other_ward',
    })
    expect(err(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: li, joinedOn: '2026-05-01' }, trainer)).fields?.joinedOn).toMatch(/^v.date_before_admission/)
    const membership = ok(call(w.dispatch, 'training:members', { wardId: w.wards.a, groupId }, trainer)).find((m) => m.personId === li)!
    expect(err(call(w.dispatch, 'training:endMember', { wardId: w.wards.a, membershipId: membership.id, leftOn: '2026-11-01' }, trainer)).fields?.leftOn).toMatch(/^training.left_before_joined/)
    ok(call(w.dispatch, 'training:endMember', { wardId: w.wards.a, membershipId: membership.id, leftOn: '2026-11-15' }, trainer))
    expect(ok(call(w.dispatch, 'training:roster', { wardId: w.wards.a, groupId, date: '2026-11-14' }, trainer)).map((r) => r.name).sort()).toEqual(['张三', '李四'])
    expect(ok(call(w.dispatch, 'training:roster', { wardId: w.wards.a, groupId, date: '2026-11-15' }, trainer)).map((r) => r.name)).toEqual(['张三'])
    expect(err(call(w.dispatch, 'training:endMember', { wardId: w.wards.a, membershipId: membership.id, leftOn: '2026-11-20' }, trainer)).code).toBe('conflict')
    // Rejoining after the stretch ended is a new stretch.
    ok(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: li, joinedOn: '2026-11-20' }, trainer))
    expect(ok(call(w.dispatch, 'training:members', { wardId: w.wards.a, groupId }, trainer))).toHaveLength(3)
  })

  it('a person not in the group that day cannot be marked, and leaving cannot be dated before a recorded session', () => {
    // 李四 joined on 11-01: on 10-20 only 张三 is a member.
    const before = count(w.db, 'training_attendance')
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-10-20', [zhang, li]), trainer)).fields).toEqual({
      'attendance.1.personId': 'training.not_member_on_date|{"date":"2026-10-20"}',
    })
    expect(count(w.db, 'training_sessions')).toBe(0)
    expect(count(w.db, 'training_attendance')).toBe(before)
    ok(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li]), trainer))
    const membership = ok(call(w.dispatch, 'training:members', { wardId: w.wards.a, groupId }, trainer)).find((m) => m.personId === li)!
    expect(err(call(w.dispatch, 'training:endMember', { wardId: w.wards.a, membershipId: membership.id, leftOn: '2026-11-18' }, trainer)).fields).toEqual({
      leftOn: 'training.attended_after|{"date":"2026-11-20"}',
    })
  })
})

describe('sessions with attendance', () => {
  it('records everyone present by default and the exceptions with their reasons, in one call', () => {
    const { id } = ok(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li], { [li]: { present: false, reason: 'sick', note: '感冒' } }), trainer))
    const detail = ok(call(w.dispatch, 'training:getSession', { wardId: w.wards.a, id }, w.sessions.counsellor!))
    expect(detail).toMatchObject({ present: 1, absent: 1, revision: 1, voided: null, groupName: '一中队 中强度组', recordedBy: 'trainer-staff' })
    expect(detail.attendance.find((a) => a.personId === li)).toMatchObject({ present: false, reason: 'sick', reasonText: null, note: '感冒' })
    const page = ok(call(w.dispatch, 'training:sessions', { wardId: w.wards.a, from: '2026-11-01', to: TODAY }, trainer))
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({ id, date: '2026-11-20', startTime: '08:30', present: 1, absent: 1 })
  })

  it('an exception needs a reason, and 其他 needs its text; nothing is written', () => {
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li], { [li]: { present: false } }), trainer)).fields).toEqual({
      'attendance.1.reason': 'training.reason_required',
    })
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li], { [li]: { present: false, reason: 'other' } }), trainer)).fields).toEqual({
      'attendance.1.reasonText': 'training.reason_text_required',
    })
    expect(count(w.db, 'training_sessions')).toBe(0)
    ok(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li], { [li]: { present: false, reason: 'other', reasonText: '外出劳动' } }), trainer))
  })

  it('is all or nothing: a member left out (the roster changed) or a wrong value writes no row at all', () => {
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang]), trainer))).toMatchObject({ code: 'conflict', key: 'training.roster_changed|{"count":1}' })
    expect(err(call(w.dispatch, 'training:recordSession', { ...session('2026-11-20', [zhang, li]), durationMinutes: 500 }, trainer)).fields).toEqual({
      durationMinutes: 'v.range_minutes|{"min":10,"max":240}',
    })
    expect(err(call(w.dispatch, 'training:recordSession', { ...session('2026-11-20', [zhang, li]), startTime: '25:00' }, trainer)).fields).toEqual({ startTime: 'training.time' })
    expect(err(call(w.dispatch, 'training:recordSession', session('2026-11-24', [zhang, li]), trainer)).fields).toEqual({ date: 'v.date_in_future' })
    expect([count(w.db, 'training_sessions'), count(w.db, 'training_attendance'), count(w.db, 'training_session_revisions')]).toEqual([0, 0, 0])
  })

  it('an edit carries its version: a stale one is refused, the current one replaces fields and attendance and keeps the revision', () => {
    const { id } = ok(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li]), trainer))
    const edit = { ...session('2026-11-20', [zhang, li], { [zhang]: { present: false, reason: 'legal' } }), id, revision: 1, durationMinutes: 45 }
    expect(ok(call(w.dispatch, 'training:updateSession', edit, trainer))).toEqual({ revision: 2 })
    const stale = err(call(w.dispatch, 'training:updateSession', { ...edit, durationMinutes: 90 }, trainer))
    expect(stale).toMatchObject({ code: 'conflict', key: 'training.stale_revision' })
    const detail = ok(call(w.dispatch, 'training:getSession', { wardId: w.wards.a, id }, trainer))
    expect(detail).toMatchObject({ durationMinutes: 45, revision: 2, absent: 1 })
    expect(detail.attendance.find((a) => a.personId === zhang)?.reason).toBe('legal')
    expect(count(w.db, 'training_session_revisions')).toBe(2)
  })

  it('a void keeps the row with who, when and why; it is no longer counted and cannot be edited', () => {
    const { id } = ok(call(w.dispatch, 'training:recordSession', session('2026-11-20', [zhang, li]), trainer))
    expect(err(call(w.dispatch, 'training:voidSession', { wardId: w.wards.a, id, reason: 'x' }, trainer)).fields).toEqual({ reason: 'v.reason_required' })
    ok(call(w.dispatch, 'training:voidSession', { wardId: w.wards.a, id, reason: '组别记错' }, trainer))
    const row = ok(call(w.dispatch, 'training:sessions', { wardId: w.wards.a, from: '2026-11-01', to: TODAY }, trainer)).rows[0]!
    expect(row.voided).toMatchObject({ by: 'trainer-staff', reason: '组别记错' })
    expect(count(w.db, 'training_attendance')).toBe(2)
    expect(ok(call(w.dispatch, 'training:person', { personId: zhang }, trainer)).totals).toEqual({ attended: 0, missed: 0, minutes: 0 })
    expect(err(call(w.dispatch, 'training:updateSession', { ...session('2026-11-20', [zhang, li]), id, revision: 1 }, trainer)).key).toBe('training.session_voided')
    expect(err(call(w.dispatch, 'training:voidSession', { wardId: w.wards.a, id, reason: '再次作废' }, trainer)).key).toBe('training.session_voided')
  })
})

describe("a person's training", () => {
  it('sums sessions attended and missed and minutes per month', () => {
    ok(call(w.dispatch, 'training:recordSession', session('2026-10-20', [zhang]), trainer))
    ok(call(w.dispatch, 'training:recordSession', session('2026-11-18', [zhang, li]), trainer))
    ok(call(w.dispatch, 'training:recordSession', { ...session('2026-11-20', [zhang, li], { [zhang]: { present: false, reason: 'contraindication' } }), durationMinutes: 40 }, trainer))
    const mine = ok(call(w.dispatch, 'training:person', { personId: zhang }, w.sessions.counsellor!))
    expect(mine.months).toEqual([
      { month: '2026-11', attended: 1, missed: 1, minutes: 60 },
      { month: '2026-10', attended: 1, missed: 0, minutes: 60 },
    ])
    expect(mine.totals).toEqual({ attended: 2, missed: 1, minutes: 120 })
    expect(mine.recent[0]).toMatchObject({ date: '2026-11-20', present: false, reason: 'contraindication' })
    expect(mine.memberships).toMatchObject([{ groupName: '一中队 中强度组', joinedOn: '2026-10-01', leftOn: null }])
  })

  it('keeps the intensity group as a history; each entry names the one it follows', () => {
    ok(call(w.dispatch, 'training:setIntensity', { personId: zhang, fromDate: '2026-07-01', intensity: 'low', seen: null }, trainer))
    const first = ok(call(w.dispatch, 'training:person', { personId: zhang }, trainer)).intensity!
    expect(first).toMatchObject({ intensity: 'low', fromDate: '2026-07-01', setBy: 'trainer-staff' })
    expect(err(call(w.dispatch, 'training:setIntensity', { personId: zhang, fromDate: '2026-09-01', intensity: 'medium', seen: null }, trainer)).key).toBe('training.intensity_stale')
    expect(err(call(w.dispatch, 'training:setIntensity', { personId: zhang, fromDate: '2026-06-15', intensity: 'medium', seen: first.id }, trainer)).fields).toEqual({
      fromDate: 'training.intensity_before_latest|{"date":"2026-07-01"}',
    })
    expect(err(call(w.dispatch, 'training:setIntensity', { personId: zhang, fromDate: '2026-09-01', intensity: 'extreme', seen: first.id }, trainer)).fields).toEqual({
      intensity: 'training.unknown_intensity',
    })
    ok(call(w.dispatch, 'training:setIntensity', { personId: zhang, fromDate: '2026-09-01', intensity: 'medium', seen: first.id }, trainer))
    const after = ok(call(w.dispatch, 'training:person', { personId: zhang }, trainer))
    expect(after.intensity?.intensity).toBe('medium')
    expect(after.intensityHistory.map((h) => [h.fromDate, h.intensity])).toEqual([['2026-09-01', 'medium'], ['2026-07-01', 'low']])
    expect(ok(call(w.dispatch, 'training:roster', { wardId: w.wards.a, groupId, date: '2026-10-15' }, trainer)).find((r) => r.personId === zhang)?.intensity).toBe('medium')
  })
})

describe('the intensity groups setting (fitness.intensityGroups)', () => {
  it('is read by everyone with fitness.read, changed by administrators with its version, validated field by field', () => {
    const current = ok(call(w.dispatch, 'training:settings', {}, trainer))
    expect(current.intensityGroups.map((g) => g.key)).toEqual(['low', 'medium', 'high'])
    const groups = [...current.intensityGroups, { key: 'rehab', name: '康复组', description: '术后或慢病' }]
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: groups, version: current.version }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: [...groups, { key: 'low', name: '另一低强度', description: null }], version: current.version }, w.sessions.admin!)).fields).toEqual({
      'intensityGroups.4.key': 'training.duplicate_key',
    })
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: [{ key: 'Low Group', name: '低', description: null }], version: current.version }, w.sessions.admin!)).fields).toEqual({
      'intensityGroups.0.key': 'training.intensity_key',
    })
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: [], version: current.version }, w.sessions.admin!)).fields).toEqual({ intensityGroups: 'v.required' })
    ok(call(w.dispatch, 'training:updateSettings', { intensityGroups: groups, version: current.version }, w.sessions.admin!))
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: groups, version: current.version }, w.sessions.admin!)).key).toBe('settings.stale')
  })

  it('a group still named by a record cannot be removed, only renamed', () => {
    const current = ok(call(w.dispatch, 'training:settings', {}, trainer))
    const withoutMedium = current.intensityGroups.filter((g) => g.key !== 'medium')
    expect(err(call(w.dispatch, 'training:updateSettings', { intensityGroups: withoutMedium, version: current.version }, w.sessions.admin!)).fields).toEqual({
      intensityGroups: 'training.intensity_in_use|{"name":"中强度"}',
    })
    const renamed = current.intensityGroups.map((g) => (g.key === 'medium' ? { ...g, name: '中等强度' } : g)).filter((g) => g.key !== 'high')
    ok(call(w.dispatch, 'training:updateSettings', { intensityGroups: renamed, version: current.version }, w.sessions.admin!))
  })
})
