/**
 * The access matrix, generated from the contract and the role map (issue 10, least privilege): every method × every
 * role × an anonymous caller. A role without the method's permission (roles.ts `roleHas`) is refused with 'forbidden'
 * and nothing changes but the security event that records the refusal; a role with it is never refused; public
 * methods answer anonymous callers and every other method answers them 'unauthenticated'. A method or role added later
 * joins the matrix by itself.
 *
 * The ward dimension (包队责任制): every method that acts on a person, a record or a ward × every staff role allowed it ×
 * a target in the caller's own ward and one in another ward. Under the default policy a role whose reach for the call's
 * mode (read, or write for audited writes) is 'own' is refused the other ward with err.ward_forbidden — before its
 * fields are looked at — and is never refused its own; a reach of 'all' is refused neither. Every permission-gated
 * method must declare its scope, so a method added later joins this dimension or states that it acts on no ward.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { SECURITY_EVENTS } from '../../electron/core/audit/securityEvents'
import { contract, type MethodName } from '../../electron/shared/contract'
import { SCOPED_RECORDS, type ScopedRecord, type WardScopeSpec } from '../../electron/shared/contract/define'
import { roleHas, ROLES, type Role } from '../../electron/shared/domain/roles'
import { DEFAULT_WARD_SCOPE } from '../../electron/shared/domain/wardScope'
import { insertDiagRecords } from './assessmentFixtures'
import { insertCourseRecords } from './coursesFixtures'
import { insertReferral } from './vocationalStatsFixtures'
import { insertDueExemption } from './dueworkFixtures'
import { insertHandoverSheet, insertPlannedRelease } from './releaseFixtures'
import { auditMethodsSince, snapshotTables } from './fixtures/tableChecksum'
import { ADMIN, call, makeWorld, ok, personInput, STAFF_PASSWORD, TODAY } from './helpers'

const METHODS = Object.keys(contract) as MethodName[]
const STAFF_ROLES = ROLES.filter((r) => r !== 'admin')

/**
 * What each call sends: an empty object, the smallest input (lists and lookups accept it and run; the rest get past
 * access and stop at validation). `backup:run` gets a string instead, which its schema refuses after access is checked:
 * an empty object would start a real copy of the database on disk.
 */
const PROBE_INPUT: Partial<Record<MethodName, unknown>> = { 'backup:run': 'probe' }
const inputFor = (method: MethodName): unknown => (Object.hasOwn(PROBE_INPUT, method) ? PROBE_INPUT[method] : {})

function allowed(method: MethodName, role: Role): boolean {
  const access = contract[method].access
  return access === 'public' || access === 'authenticated' || roleHas(role, access)
}

const world = makeWorld(STAFF_ROLES)
world.dispatch('people:create', personInput(world.wards.a), world.sessions.admin!)
afterAll(() => world.close())

/** A call that ends the caller's session (auth:logout) must not turn the next rows of the matrix into anonymous calls. */
function sessionOf(role: Role): string {
  const sid = world.sessions[role]!
  const me = world.dispatch('auth:me', {}, sid)
  if (me.ok && me.value) return sid
  world.sessions[role] = world.login(role === 'admin' ? ADMIN.username : role, role === 'admin' ? ADMIN.password : STAFF_PASSWORD)
  return world.sessions[role]!
}

const cells = METHODS.flatMap((method) => ROLES.map((role) => [method, role, allowed(method, role)] as const))

describe('access matrix: method × role', () => {
  it('covers the whole contract and every role', () => {
    expect(cells).toHaveLength(METHODS.length * ROLES.length)
    // Each staff role is refused something and allowed something, or the role map says nothing.
    for (const role of STAFF_ROLES) {
      expect(METHODS.some((m) => !allowed(m, role)), role).toBe(true)
      expect(METHODS.some((m) => allowed(m, role) && contract[m].access !== 'authenticated' && contract[m].access !== 'public'), role).toBe(true)
    }
  })

  it.each(cells)('%s as %s (allowed: %s)', (method, role, isAllowed) => {
    const session = sessionOf(role)
    const before = snapshotTables(world.db)
    const result = world.dispatch(method, inputFor(method), session)
    if (isAllowed) {
      if (!result.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(result.error.code)
      return
    }
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden')
    // The refusal says nothing about the method's fields.
    expect(result.ok ? undefined : result.error.fields).toBeUndefined()
    const after = snapshotTables(world.db, {}, before.auditSeq)
    expect(after.tables).toEqual(before.tables)
    expect(auditMethodsSince(world.db, before)).toEqual([SECURITY_EVENTS.forbidden])
  })
})

describe('access matrix: anonymous callers', () => {
  it.each(METHODS.map((m) => [m, contract[m].access] as const))('%s (%s)', (method, access) => {
    const before = snapshotTables(world.db)
    const result = world.dispatch(method, inputFor(method), null)
    if (access === 'public') {
      if (!result.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(result.error.code)
      return
    }
    expect(result.ok ? 'ok' : result.error.code).toBe('unauthenticated')
    expect(result.ok ? undefined : result.error.fields).toBeUndefined()
    expect(snapshotTables(world.db, {}, before.auditSeq).tables).toEqual(before.tables)
    expect(auditMethodsSince(world.db, before)).toEqual([])
  })
})

describe('access matrix: every permission-gated method declares where it acts', () => {
  it.each(METHODS.filter((m) => contract[m].access !== 'public' && contract[m].access !== 'authenticated'))('%s', (method) => {
    expect(contract[method].scope, `${method} must declare scope (person, ward, record, 'filtered' or 'facility')`).toBeDefined()
  })
})

/** The input field a scope reads (one per method): found by handing the scope a probe that notes what it reads. */
function fieldReadBy(scope: Exclude<WardScopeSpec<unknown>, string>): string {
  const read: string[] = []
  const probe = new Proxy({}, { get: (_target, key) => (read.push(String(key)), 'probe') })
  if ('person' in scope) scope.person(probe)
  else if ('ward' in scope) scope.ward(probe)
  else scope.id(probe)
  expect(read).toHaveLength(1)
  return read[0]!
}

describe('access matrix: method × role × own ward / other ward', () => {
  // Every staff member of this world is responsible for 一大队 only.
  const wardWorld = makeWorld(STAFF_ROLES)
  afterAll(() => wardWorld.close())
  wardWorld.db.prepare('DELETE FROM staff_wards WHERE ward_id = ?').run(wardWorld.wards.b)
  const admin = wardWorld.sessions.admin!
  const NOTE = { presentingIssue: '睡眠差', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' }
  /** A kiosk sitting of a one-item paper for the person (knowledge tests). */
  const knowledgeSitting = (personId: string): string => {
    const item = ok(call(wardWorld.dispatch, 'knowledge:createItem', { kind: 'single', stem: '国际禁毒日是哪一天？', options: ['6月26日', '12月1日'], answer: ['A'], tags: ['禁毒知识'] }, admin)).id
    const paperId = ok(call(wardWorld.dispatch, 'knowledge:createPaper', { title: '矩阵卷', purpose: '禁毒知识', source: { method: 'picked', itemIds: [item] } }, admin)).id
    return ok(call(wardWorld.dispatch, 'knowledge:startSitting', { paperId, personId }, admin)).attemptId
  }
  const targets = (['a', 'b'] as const).map((ward) => {
    const wardId = wardWorld.wards[ward]
    const person = ok(call(wardWorld.dispatch, 'people:create', personInput(wardId, ward === 'a' ? {} : { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15' }), admin)).id
    const assessment = ok(call(wardWorld.dispatch, 'psych:submitAssessment', {
      personId: person, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
    }, admin))
    const courseRecords = insertCourseRecords(wardWorld.db, person, TODAY)
    const records: Record<ScopedRecord, string> = {
      ...courseRecords,
      ...insertDiagRecords(wardWorld.db, person, TODAY),
      referral: insertReferral(wardWorld.db, { personId: person, referredOn: TODAY }),
      dueExemption: insertDueExemption(wardWorld.db, person),
      release: insertPlannedRelease(wardWorld.db, person, TODAY),
      handoverSheet: insertHandoverSheet(wardWorld.db, person),
      assessment: assessment.id,
      task: assessment.taskIds[0]!,
      crisis: ok(call(wardWorld.dispatch, 'psych:raiseCrisis', { personId: person, riskLevel: 'low', reason: '观察', raisedOn: TODAY }, admin)).id,
      session: ok(call(wardWorld.dispatch, 'psych:createSession', { kind: 'individual', date: TODAY, durationMinutes: 30, participantIds: [person], topic: '适应', note: NOTE }, admin)).id,
      certificate: ok(call(wardWorld.dispatch, 'certificates:create', {
        personId: person, number: ward === 'a' ? 'S000011100001265000001' : 'S000011100001265000002', evaluationBody: '某职业技能评价中心', issuedOn: TODAY,
        occupation: '中式面点师', level: 5, idType: 'passport', idNumber: 'E12345678', name: ward === 'a' ? '张三' : '李四',
      }, admin)).id,
      knowledgeAttempt: knowledgeSitting(person),
    }
    expect(Object.keys(records).sort()).toEqual([...SCOPED_RECORDS].sort())
    return { wardId, person, records }
  })

  const scoped = METHODS.flatMap((method) => {
    const scope = contract[method].scope as WardScopeSpec<unknown> | undefined
    return scope === undefined || typeof scope === 'string' ? [] : [[method, scope] as const]
  })
  const cells = scoped.flatMap(([method, scope]) =>
    STAFF_ROLES.filter((role) => allowed(method, role)).flatMap((role) => (['own', 'other'] as const).map((where) => [method, role, where, scope] as const)),
  )

  it('covers person, ward and record scopes', () => {
    const kinds = new Set(scoped.map(([, scope]) => ('person' in scope ? 'person' : 'ward' in scope ? 'ward' : 'record')))
    expect([...kinds].sort()).toEqual(['person', 'record', 'ward'])
    const refusedCells = cells.filter(([method, role, where]) => where === 'other' && DEFAULT_WARD_SCOPE[role][contract[method].audit.kind === 'write' ? 'write' : 'read'] === 'own')
    // The officer is refused reads and writes elsewhere; counsellors at least their writes.
    expect(refusedCells.some(([, role]) => role === 'ward_officer')).toBe(true)
    expect(refusedCells.some(([, role]) => role === 'counsellor')).toBe(true)
  })

  it.each(cells.map(([m, r, w, s]) => [m, r, w, s] as const))('%s as %s in the %s ward', (method, role, where, scope) => {
    const target = targets[where === 'own' ? 0 : 1]!
    const id = 'person' in scope ? target.person : 'ward' in scope ? target.wardId : target.records[scope.record]
    const mode = contract[method].audit.kind === 'write' ? 'write' : 'read'
    const refused = where === 'other' && DEFAULT_WARD_SCOPE[role][mode] === 'own'
    const before = snapshotTables(wardWorld.db)
    const result = wardWorld.dispatch(method, { [fieldReadBy(scope)]: id }, wardWorld.sessions[role]!)
    if (!refused) {
      if (!result.ok) expect(result.error.key, JSON.stringify(result.error)).not.toBe('err.ward_forbidden')
      return
    }
    expect(result.ok ? 'ok' : result.error.key).toBe('err.ward_forbidden')
    expect(result.ok ? undefined : result.error.fields).toBeUndefined()
    expect(snapshotTables(wardWorld.db, {}, before.auditSeq).tables).toEqual(before.tables)
    expect(auditMethodsSince(wardWorld.db, before)).toEqual([SECURITY_EVENTS.forbidden])
  })
})
