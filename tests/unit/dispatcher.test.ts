/**
 * The dispatcher (design.md, Boundaries): unknown input → session → zod parse → permission → service in a transaction
 * → audit row in the same transaction → `{ok, value}` or `{ok:false, error}`. Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import type { Db } from '../../electron/core/db/open'
import { ROLES, type Role } from '../../electron/shared/domain/roles'
import { call, count, err, fixedClock, makeWorld, ok, personInput, STAFF_PASSWORD, type World } from './helpers'

let w: World
let db: Db

beforeAll(() => {
  w = makeWorld(['counsellor', 'trainer', 'vocational', 'ward_officer'])
  db = w.db
})
afterAll(() => w.close())

const sid = (role: Role) => w.sessions[role]!

/** People and audit rows, to show a refused call wrote nothing. */
const snapshot = () => ({
  people: count(db, 'people'),
  revisions: count(db, 'person_revisions'),
  wardAssignments: count(db, 'ward_assignments'),
  periodMoves: count(db, 'period_moves'),
  audit: count(db, 'audit_log'),
})

describe('routing and sessions', () => {
  it('answers an unknown method with unknown_method', () => {
    for (const name of ['people:explode', '', 'toString', '__proto__', 42, null]) {
      const e = err(w.dispatch(name, {}, sid('admin')))
      expect(e.code).toBe('unknown_method')
      expect(e.message).toBe('未知的操作')
    }
  })

  it.each([
    ['people:list', {}],
    ['people:create', {}],
    ['staff:list', {}],
    ['audit:verify', {}],
    ['auth:logout', {}],
    ['facility:get', {}],
  ])('refuses %s without a session: unauthenticated', (method, input) => {
    const before = snapshot()
    expect(err(w.dispatch(method, input, null))).toEqual({ code: 'unauthenticated', key: 'err.unauthenticated', message: '请先登录' })
    expect(err(w.dispatch(method, input, 'not-a-real-session'))).toMatchObject({ code: 'unauthenticated' })
    expect(snapshot()).toEqual(before)
  })

  it('lets public methods through without a session', () => {
    expect(ok(call(w.dispatch, 'setup:status', {}, null))).toEqual({ initialized: true, facilityName: '测试强制隔离戒毒所', previouslyUsed: false })
    expect(ok(call(w.dispatch, 'auth:me', {}, null))).toBeNull()
  })

  it('refuses a second set-up', () => {
    const e = err(
      call(w.dispatch, 'setup:initialize', {
        facilityName: 'X',
        wards: [{ name: 'Z', capacity: 1 }],
        admin: { username: 'other', displayName: 'O', password: 'Other#2026pw' },
      }, null),
    )
    expect(e.code).toBe('conflict')
    expect(e.message).toBe('系统已完成初始化')
  })

  it('auth:me tells who is signed in', () => {
    const me = ok(call(w.dispatch, 'auth:me', {}, sid('trainer')))
    expect(me).toMatchObject({
      username: 'trainer',
      role: 'trainer',
      permissions: ['people.read', 'wards.read', 'fitness.read', 'fitness.record', 'vocational.read', 'assessment.read', 'duework.read', 'release.read', 'stats.read'],
      wardIds: [w.wards.a, w.wards.b],
      reach: { read: 'all', write: 'own' },
    })
  })
})

describe('input validation', () => {
  it('names each bad field and writes nothing', () => {
    const before = snapshot()
    const { name: _name, ...noName } = personInput(w.wards.a)
    const e = err(
      w.dispatch('people:create', { ...noName, birthDate: '1990-02-30', sex: 'X', wardId: 'not-a-uuid', admissionDate: '2026/06/01' }, sid('admin')),
    )
    expect(e.code).toBe('invalid_input')
    expect(e.message).toBe('输入有误，请检查标红的项目')
    expect(e.fields).toEqual({
      name: 'v.required',
      birthDate: 'v.date',
      admissionDate: 'v.date',
      sex: 'v.required',
      wardId: 'v.id',
    })
    expect(snapshot()).toEqual(before)
  })

  it.each([
    ['name', { name: '   ' }, 'v.required'],
    ['name', { name: '张'.repeat(31) }, 'v.too_long|{"max":30}'],
    ['decisionDate', { decisionDate: '2026-13-01' }, 'v.date'],
    ['ethnicity', { ethnicity: '火星族' }, 'v.required'],
    ['emergencyContactPhone', { emergencyContactPhone: 'call me' }, 'v.phone'],
    ['idNumber', { idNumber: '' }, 'v.required'],
    ['idNumber', { idNumber: '1101011990030700111' }, 'id.wrong_length'],
  ])('field %s: %j → %s, nothing written', (field, patch, key) => {
    const before = snapshot()
    const e = err(w.dispatch('people:create', { ...personInput(w.wards.a), ...patch }, sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.[field]).toBe(key)
    expect(snapshot()).toEqual(before)
  })

  it('treats a missing input as an empty object', () => {
    const e = err(w.dispatch('people:create', undefined, sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.name).toBe('v.required')
  })

  it('refuses input that is not an object', () => {
    const e = err(w.dispatch('people:create', 'drop table people', sid('admin')))
    expect(e.code).toBe('invalid_input')
  })

  it.each([
    // 11010119900307001 → S=154, mod 11 = 0 → '1'; '2' is wrong
    ['110101199003070012', 'id.wrong_check_digit'],
    ['110101900307001', 'id.legacy_15_digit'],
    ['11010119900230001X', 'id.impossible_birth_date'], // 1990-02-30; the date is checked before the check character
    ['110101202611240015', 'id.birth_date_in_future'], // born 2026-11-24, today is 2026-11-23
    ['11010119900307001Z', 'id.bad_characters'],
  ])('ID number %s → fields.idNumber = %s, nothing written', (idNumber, key) => {
    const before = snapshot()
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { idNumber }), sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.idNumber).toBe(key)
    expect(snapshot()).toEqual(before)
  })

  it('cross-checks birth date and sex against a valid ID number', () => {
    const before = snapshot()
    // ID 110101199003070011: born 1990-03-07, 17th digit 1 → male
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { birthDate: '1990-03-08', sex: 'F' }), sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.birthDate?.startsWith('person.birth_mismatch')).toBe(true)
    expect(e.fields?.birthDate).toBe('person.birth_mismatch|{"expected":"1990-03-07"}')
    expect(e.fields?.sex).toBe('person.sex_mismatch|{"expected":"男"}')
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['birthDate', 'sex'])
    expect(snapshot()).toEqual(before)
  })

  it.each([
    [{ decisionDate: '2026-11-24' }, 'decisionDate', 'person.decision_in_future'],
    [{ decisionDate: '1989-01-01', admissionDate: '1989-02-01' }, 'decisionDate', 'person.decision_before_birth'],
    [{ admissionDate: '2026-11-24' }, 'admissionDate', 'person.admission_in_future'],
    [{ admissionDate: '2026-02-28' }, 'admissionDate', 'person.admission_before_decision'],
  ])('date order %j → fields.%s = %s', (patch, field, key) => {
    const before = snapshot()
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, patch), sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.[field]).toBe(key)
    expect(snapshot()).toEqual(before)
  })
})

describe('permissions', () => {
  it.each<[Role, string, unknown]>([
    ['trainer', 'people:create', null],
    ['trainer', 'staff:list', {}],
    ['trainer', 'audit:list', {}],
    ['trainer', 'audit:verify', {}],
    ['trainer', 'wards:create', { name: '新大队', capacity: 10 }],
    ['counsellor', 'people:create', null],
    ['vocational', 'people:create', null],
    ['ward_officer', 'staff:list', {}],
    ['ward_officer', 'audit:list', {}],
    ['ward_officer', 'facility:update', { name: '改名', version: 'default' }],
    ['ward_officer', 'staff:create', { username: 'sneaky', displayName: 'S', role: 'admin', password: 'Sneaky#2026pw' }],
  ])('%s calling %s → forbidden, nothing written but the security event', (role, method, input) => {
    const before = { ...snapshot(), staff: count(db, 'staff'), wards: count(db, 'wards') }
    // valid input, so the refusal is the permission and not the schema
    const body = input ?? personInput(w.wards.a, { idNumber: '530102198510155677', birthDate: '1985-10-15', name: '无权者' })
    const e = err(w.dispatch(method, body, sid(role)))
    expect(e).toEqual({ code: 'forbidden', key: 'err.forbidden', message: '您没有执行此操作的权限' })
    expect({ ...snapshot(), staff: count(db, 'staff'), wards: count(db, 'wards') }).toEqual({ ...before, audit: before.audit + 1 })
    const last = db.prepare('SELECT method, actor_name AS actor, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ method: 'security:forbidden', actor: `${role}-staff`, detail: JSON.stringify({ method }) })
  })

  it.each<[Role, string, unknown]>([
    ['trainer', 'staff:create', {}],
    ['trainer', 'staff:create', { username: 42 }],
    ['ward_officer', 'people:void', { id: 'not-an-id' }],
    ['counsellor', 'wards:update', null],
  ])('%s calling %s with bad input → forbidden, not which fields are wrong', (role, method, input) => {
    expect(err(w.dispatch(method, input, sid(role)))).toEqual({ code: 'forbidden', key: 'err.forbidden', message: '您没有执行此操作的权限' })
  })

  it.each(ROLES)('%s may read the people list', (role) => {
    expect(call(w.dispatch, 'people:list', {}, sid(role)).ok).toBe(true)
  })

  it('a ward officer can create a file; the write appends exactly one audit row naming the record', () => {
    const before = snapshot()
    // 44010619900307123 → S=242, mod 11 = 0 → '1'; 17th digit 3 → male
    const { id } = ok(
      call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '王五', idNumber: '440106199003071231' }), sid('ward_officer')),
    )
    expect(snapshot()).toEqual({
      people: before.people + 1,
      revisions: before.revisions + 1,
      wardAssignments: before.wardAssignments + 1,
      periodMoves: before.periodMoves + 1,
      audit: before.audit + 1,
    })
    const last = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, unknown>
    expect(last).toMatchObject({
      seq: before.audit + 1,
      at: '2026-11-23T02:00:00.000Z',
      method: 'people:create',
      record_type: 'person',
      record_id: id,
      actor_id: w.staffIds.ward_officer,
      actor_name: 'ward_officer-staff',
    })
  })

  it('a duplicate ID number is refused with id.duplicate', () => {
    const before = snapshot()
    // the same number as 王五's file
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '王五二', idNumber: '440106199003071231' }), sid('admin')))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({ idNumber: 'id.duplicate' })
    expect(snapshot()).toEqual(before)
  })

  it('a duplicate is recognised whatever the case of the X', () => {
    // 44010619900307124 → S=244, mod 11 = 2 → X; 17th digit 4 → female
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '赵六', sex: 'F', idNumber: '44010619900307124X' }), sid('admin')))
    const before = snapshot()
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '赵六', sex: 'F', idNumber: '44010619900307124x' }), sid('admin')))
    expect(e.fields).toEqual({ idNumber: 'id.duplicate' })
    expect(snapshot()).toEqual(before)
  })

  it('people:get is a sensitive read: it appends one audit row', () => {
    const { rows } = ok(call(w.dispatch, 'people:list', { q: '王五' }, sid('counsellor')))
    const id = rows[0]!.id
    const before = count(db, 'audit_log')
    const file = ok(call(w.dispatch, 'people:get', { id }, sid('counsellor')))
    expect(file.identity.name).toBe('王五')
    expect(count(db, 'audit_log')).toBe(before + 1)
    const last = db.prepare('SELECT method, record_type, record_id, actor_name FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ method: 'people:get', record_type: 'person', record_id: id, actor_name: 'counsellor-staff' })
  })

  it('plain lookups (people:list, wards:list) do not write to the audit log', () => {
    const before = count(db, 'audit_log')
    ok(call(w.dispatch, 'people:list', {}, sid('admin')))
    ok(call(w.dispatch, 'wards:list', {}, sid('admin')))
    expect(count(db, 'audit_log')).toBe(before)
  })

  it('a missing record is not_found, and a failed read writes no audit row', () => {
    const before = count(db, 'audit_log')
    const e = err(call(w.dispatch, 'people:get', { id: '00000000-0000-4000-8000-000000000000' }, sid('admin')))
    expect(e).toEqual({ code: 'not_found', key: 'err.not_found', message: '记录不存在' })
    expect(count(db, 'audit_log')).toBe(before)
  })
})

describe('messages', () => {
  it('are Chinese by default and English when asked', () => {
    const en = createDispatcher({ db, clock: fixedClock, locale: 'en' })
    expect(err(en('nope:nope', {}, null)).message).toBe('Unknown operation')
    expect(err(en('people:list', {}, null)).message).toBe('Please sign in')
    expect(err(w.dispatch('nope:nope', {}, null)).message).toBe('未知的操作')
  })
})

describe('the facility date', () => {
  it.each([
    ['2026-11-23T15:59:59Z', '2026-11-23'], // 23:59:59 in Beijing
    ['2026-11-23T16:00:00Z', '2026-11-24'], // midnight in Beijing, still the 23rd in UTC
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('at %s the facility is on %s (Asia/Shanghai)', (instant, date) => {
    const d = createDispatcher({ db, clock: { now: () => new Date(instant) } })
    const session = ok(call(d, 'auth:login', { username: 'trainer', password: STAFF_PASSWORD }, null)).sessionId
    expect(ok(call(d, 'facility:get', {}, session)).today).toBe(date)
  })
})

describe('login', () => {
  beforeAll(() => {
    for (const username of ['locky', 'resetty']) {
      ok(call(w.dispatch, 'staff:create', { username, displayName: username, role: 'counsellor', wardIds: [w.wards.a], password: STAFF_PASSWORD }, sid('admin')))
    }
  })

  const login = (username: string, password: string, dispatch = w.dispatch) => call(dispatch, 'auth:login', { username, password }, null)

  const FAILED = { code: 'unauthenticated', key: 'auth.bad_credentials', message: '登录失败：用户名或密码不正确，或账号已锁定、已停用。如需帮助请联系管理员' }
  const lastEvents = (n: number) =>
    (db.prepare('SELECT method, record_id AS recordId, detail FROM audit_log ORDER BY seq DESC LIMIT ?').all(n) as Array<{ method: string; recordId: string | null; detail: string }>)
      .reverse()
      .map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }))
  const staffId = (username: string) => (db.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: string }).id

  it('a wrong password gets the one failure answer; the security event is in the audit log', () => {
    const before = count(db, 'audit_log')
    expect(err(login('resetty', 'wrong-password'))).toEqual(FAILED)
    expect(count(db, 'audit_log')).toBe(before + 1)
    expect(lastEvents(1)).toEqual([{ method: 'auth:loginFailed', recordId: staffId('resetty'), detail: { username: 'resetty', reason: 'bad_password' } }])
  })

  it('an unknown user gets the same answer as a wrong password', () => {
    expect(err(login('nobody-here', 'whatever1'))).toEqual(FAILED)
    expect(lastEvents(1)).toEqual([{ method: 'auth:loginFailed', recordId: null, detail: { username: 'nobody-here', reason: 'unknown_user' } }])
  })

  it('fewer than 5 failures do not lock, and a good login resets the count', () => {
    ok(login('resetty', STAFF_PASSWORD)) // start from zero failures
    for (let i = 0; i < 4; i++) expect(err(login('resetty', 'wrong-password'))).toEqual(FAILED)
    expect((db.prepare("SELECT failed_logins FROM staff WHERE username = 'resetty'").get() as { failed_logins: number }).failed_logins).toBe(4)
    expect(ok(login('resetty', STAFF_PASSWORD)).user.username).toBe('resetty')
    expect((db.prepare("SELECT failed_logins FROM staff WHERE username = 'resetty'").get() as { failed_logins: number }).failed_logins).toBe(0)
  })

  it('a successful login is audited', () => {
    const before = count(db, 'audit_log')
    const r = ok(login('resetty', STAFF_PASSWORD))
    expect(count(db, 'audit_log')).toBe(before + 1)
    const last = db.prepare('SELECT method, record_id FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ method: 'auth:login', record_id: r.user.id })
  })

  it('5 wrong passwords lock the account for 10 minutes, even against the right password, with the same answer', () => {
    const session = ok(login('locky', STAFF_PASSWORD)).sessionId
    for (let i = 0; i < 5; i++) expect(err(login('locky', 'wrong-password'))).toEqual(FAILED)
    expect(lastEvents(2).map((e) => e.method)).toEqual(['auth:loginFailed', 'auth:locked'])
    // The lock ends the account's open sessions.
    expect(err(call(w.dispatch, 'people:list', {}, session)).code).toBe('unauthenticated')
    expect(err(login('locky', STAFF_PASSWORD))).toEqual(FAILED)
    expect(lastEvents(1)[0]!.detail).toEqual({ username: 'locky', reason: 'locked' })

    // 9 minutes later: still locked
    const later = (ms: number) => createDispatcher({ db, clock: { now: () => new Date(fixedClock.now().getTime() + ms) } })
    expect(err(login('locky', STAFF_PASSWORD, later(9 * 60_000)))).toEqual(FAILED)
    // 10 minutes and 1 second later: unlocked
    expect(ok(login('locky', STAFF_PASSWORD, later(10 * 60_000 + 1000))).user.username).toBe('locky')
  })

  it('logout ends the session', () => {
    const session = ok(login('resetty', STAFF_PASSWORD)).sessionId
    expect(ok(call(w.dispatch, 'auth:me', {}, session))?.username).toBe('resetty')
    expect(ok(call(w.dispatch, 'people:list', {}, session)).total).toBeGreaterThan(0)
    expect(ok(call(w.dispatch, 'auth:logout', {}, session))).toBeNull()
    expect(ok(call(w.dispatch, 'auth:me', {}, session))).toBeNull()
    expect(err(call(w.dispatch, 'people:list', {}, session)).code).toBe('unauthenticated')
    // other sessions are untouched
    expect(call(w.dispatch, 'people:list', {}, sid('trainer')).ok).toBe(true)
  })

  it('a disabled account loses its sessions at once', () => {
    const id = ok(call(w.dispatch, 'staff:create', { username: 'leaving', displayName: 'L', role: 'trainer', wardIds: [w.wards.a], password: STAFF_PASSWORD }, sid('admin'))).id
    const session = ok(login('leaving', STAFF_PASSWORD)).sessionId
    ok(call(w.dispatch, 'staff:update', { id, revision: 1, displayName: 'L', role: 'trainer', active: false }, sid('admin')))
    expect(err(call(w.dispatch, 'people:list', {}, session)).code).toBe('unauthenticated')
    expect(err(login('leaving', STAFF_PASSWORD))).toEqual(FAILED)
    expect(lastEvents(1)[0]!.detail).toEqual({ username: 'leaving', reason: 'inactive' })
  })
})
