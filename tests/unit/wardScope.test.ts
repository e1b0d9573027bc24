/**
 * Ward scoping (包队责任制, issue 10 "least privilege"): the rule table-driven, then on a real facility: what an officer of
 * 一大队 reaches and what he is refused in 二大队, counsellors who record only for their wards, lists cut to the caller's
 * wards, the policy changed by an administrator, staff responsible for several wards, and the refusal's security event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECURITY_EVENTS } from '../../electron/core/audit/securityEvents'
import { DEFAULT_WARD_SCOPE, needsWards, reachOf, wardAllowed, type RoleReach } from '../../electron/shared/domain/wardScope'
import { auditMethodsSince, snapshotTables } from './fixtures/tableChecksum'
import { call, err, makeWorld, ok, personInput, STAFF_PASSWORD, TODAY, type World, seenPeriod, seenWard } from './helpers'

const OWN: RoleReach = { read: 'own', write: 'own' }
const READ_ALL: RoleReach = { read: 'all', write: 'own' }
const ALL: RoleReach = { read: 'all', write: 'all' }

describe('the rule', () => {
  it.each([
    // reach, mode, ward, expected
    [OWN, 'read', 'w-own', true],
    [OWN, 'read', 'w-other', false],
    [OWN, 'write', 'w-other', false],
    [OWN, 'read', null, false], // a past file has no ward: only a facility-wide reach covers it
    [READ_ALL, 'read', 'w-other', true],
    [READ_ALL, 'read', null, true],
    [READ_ALL, 'write', 'w-other', false],
    [READ_ALL, 'write', 'w-own', true],
    [READ_ALL, 'write', null, false],
    [ALL, 'write', 'w-other', true],
    [ALL, 'write', null, true],
  ] as const)('%#: %o %s in %s → %s', (reach, mode, ward, expected) => {
    expect(wardAllowed(reach, mode, ['w-own'], ward)).toBe(expected)
  })

  it('administrators reach every ward whatever the policy says; the default follows the duty system', () => {
    expect(reachOf({ ...DEFAULT_WARD_SCOPE, admin: OWN }, 'admin')).toEqual(ALL)
    expect(reachOf(DEFAULT_WARD_SCOPE, 'ward_officer')).toEqual(OWN)
    for (const role of ['counsellor', 'trainer'] as const) expect(reachOf(DEFAULT_WARD_SCOPE, role)).toEqual(READ_ALL)
    // A course takes its students from every ward: vocational staff record facility-wide and need no ward.
    expect(reachOf(DEFAULT_WARD_SCOPE, 'vocational')).toEqual(ALL)
    expect(needsWards(DEFAULT_WARD_SCOPE, 'vocational')).toBe(false)
    expect(needsWards(DEFAULT_WARD_SCOPE, 'admin')).toBe(false)
    expect(needsWards(DEFAULT_WARD_SCOPE, 'counsellor')).toBe(true)
    expect(needsWards({ ...DEFAULT_WARD_SCOPE, counsellor: ALL }, 'counsellor')).toBe(false)
  })
})

describe('on a facility with 一大队 and 二大队', () => {
  let w: World
  let inA: string
  let inB: string
  let past: string
  const admin = () => w.sessions.admin!
  const officer = () => w.sessions.ward_officer!
  const counsellor = () => w.sessions.counsellor!

  beforeAll(() => {
    w = makeWorld(['ward_officer', 'counsellor'])
    inA = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin())).id
    inB = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15' }), admin())).id
    past = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '王五', idNumber: '11010119900307002X', sex: 'F' }), admin())).id
    // A past stay keeps its file but has no ward (people.ward_id NULL), as a release leaves it.
    w.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(past)
  })
  afterAll(() => w.close())

  it("an officer reads and writes his own ward's files", () => {
    expect(ok(call(w.dispatch, 'people:get', { id: inA }, officer())).identity.name).toBe('张三')
    expect(call(w.dispatch, 'people:roster', { wardId: w.wards.a }, officer()).ok).toBe(true)
    expect(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer()).ok).toBe(true)
  })

  it.each([
    ['people:get', () => ({ id: inB })],
    ['people:get', () => ({ id: past })],
    ['people:history', () => ({ id: inB })],
    ['people:revealIdNumber', () => ({ id: inB, reason: '核对身份' })],
    ['people:roster', () => ({ wardId: w.wards.b })],
    ['psych:wardScreen', () => ({ wardId: w.wards.b })],
    ['people:movePeriod', () => ({ id: inB, seen: seenPeriod(w.db, inB), to: 'education', effectiveDate: TODAY })],
    ['people:create', () => personInput(w.wards.b, { name: '赵六', idNumber: '110101198808080052', birthDate: '1988-08-08' })],
    // Before validation, like a missing permission: the refusal says nothing about the method's fields.
    ['people:update', () => ({ id: inB })],
  ] as const)("an officer is refused %s in another ward or a past file, with a security event and nothing changed", (method, input) => {
    const before = snapshotTables(w.db)
    const refused = err(w.dispatch(method, input(), officer()))
    expect(refused.code).toBe('forbidden')
    expect(refused.key).toBe('err.ward_forbidden')
    expect(refused.fields).toBeUndefined()
    expect(snapshotTables(w.db, {}, before.auditSeq).tables).toEqual(before.tables)
    expect(auditMethodsSince(w.db, before)).toEqual([SECURITY_EVENTS.forbidden])
    const event = w.db.prepare('SELECT detail FROM audit_log WHERE seq > ? ORDER BY seq').get(before.auditSeq) as { detail: string }
    expect(JSON.parse(event.detail)).toEqual({ method, ward: true })
  })

  it("lists show an officer his wards' files only", () => {
    expect(ok(call(w.dispatch, 'wards:list', {}, officer())).map((x) => x.id)).toEqual([w.wards.a])
    expect(ok(call(w.dispatch, 'wards:list', {}, counsellor())).map((x) => x.id).sort()).toEqual([w.wards.a, w.wards.b].sort())
    const all = ok(call(w.dispatch, 'people:list', {}, officer()))
    expect(all.rows.map((r) => r.id)).toEqual([inA])
    expect(all.total).toBe(1)
    expect(ok(call(w.dispatch, 'people:list', { stay: 'past' }, officer())).rows).toEqual([])
    expect(ok(call(w.dispatch, 'people:list', { q: '李' }, officer())).rows).toEqual([])
    expect(err(call(w.dispatch, 'people:list', { wardId: w.wards.b }, officer())).key).toBe('err.ward_forbidden')
    expect(ok(call(w.dispatch, 'people:search', { q: '张' }, officer())).map((r) => r.id)).toEqual([inA])
    expect(ok(call(w.dispatch, 'people:search', { q: 'ls' }, officer()))).toEqual([])
    expect(ok(call(w.dispatch, 'people:search', { q: 'ls' }, counsellor())).map((r) => r.id)).toEqual([inB])
    // The whole facility for an administrator, past files included.
    expect(ok(call(w.dispatch, 'people:list', {}, admin())).rows.map((r) => r.id).sort()).toEqual([inA, inB, past].sort())
  })

  it('psychology work lists are cut to the wards an officer may read', () => {
    for (const personId of [inA, inB]) {
      ok(call(w.dispatch, 'psych:raiseCrisis', { personId, riskLevel: 'medium', reason: '情绪低落', raisedOn: TODAY }, counsellor()))
      ok(call(w.dispatch, 'psych:submitAssessment', {
        personId, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
      }, counsellor()))
    }
    expect(ok(call(w.dispatch, 'psych:crises', {}, officer())).map((c) => c.personId)).toEqual([inA])
    expect(ok(call(w.dispatch, 'psych:tasks', {}, officer())).map((t) => t.personId)).toEqual([inA])
    expect(err(call(w.dispatch, 'psych:crises', { personId: inB }, officer())).key).toBe('err.ward_forbidden')
    expect(err(call(w.dispatch, 'psych:tasks', { wardId: w.wards.b }, officer())).key).toBe('err.ward_forbidden')
    expect(ok(call(w.dispatch, 'psych:crises', {}, counsellor())).map((c) => c.personId).sort()).toEqual([inA, inB].sort())
  })

  it('the reach follows the person: moved to 二大队, the file leaves the officer of 一大队', () => {
    const moved = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '钱七', idNumber: '110101198808080052', birthDate: '1988-08-08' }), admin())).id
    expect(call(w.dispatch, 'people:get', { id: moved }, officer()).ok).toBe(true)
    ok(call(w.dispatch, 'people:assignWard', { id: moved, seen: seenWard(w.db, moved), wardId: w.wards.b, effectiveDate: TODAY }, admin()))
    expect(err(call(w.dispatch, 'people:get', { id: moved }, officer())).key).toBe('err.ward_forbidden')
  })

  describe('a counsellor responsible for 一大队 only (default policy: reads everywhere, records in his wards)', () => {
    let limited: string
    beforeAll(() => {
      ok(call(w.dispatch, 'staff:create', { username: 'xinli_a', displayName: '咨询师甲', role: 'counsellor', wardIds: [w.wards.a], password: STAFF_PASSWORD }, admin()))
      limited = w.login('xinli_a', STAFF_PASSWORD)
    })
    const NOTE = { presentingIssue: '睡眠差', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' }
    const session = (participantIds: string[]) =>
      call(w.dispatch, 'psych:createSession', { kind: 'group', date: TODAY, durationMinutes: 60, participantIds, topic: '情绪', note: NOTE }, limited)

    it('records for his ward and is refused in the other, also through a record named by id or in a group', () => {
      expect(call(w.dispatch, 'psych:raiseCrisis', { personId: inA, riskLevel: 'low', reason: '观察', raisedOn: TODAY }, limited).ok).toBe(true)
      expect(err(call(w.dispatch, 'psych:raiseCrisis', { personId: inB, riskLevel: 'low', reason: '观察', raisedOn: TODAY }, limited)).key).toBe('err.ward_forbidden')
      expect(session([inA]).ok).toBe(true)
      expect(err(session([inA, inB])).key).toBe('err.ward_forbidden')
      const crisisInB = ok(call(w.dispatch, 'psych:crises', { personId: inB }, limited))[0]!.id
      // Reading another ward's record is allowed (read reach 'all'); adding to it is not.
      expect(call(w.dispatch, 'psych:getCrisis', { id: crisisInB }, limited).ok).toBe(true)
      expect(err(call(w.dispatch, 'psych:addCrisisEvent', { crisisId: crisisInB, kind: 'follow_up', on: TODAY, note: '谈话' }, limited)).key).toBe('err.ward_forbidden')
    })

    it('an administrator changes the policy (version-checked); reading is then limited too', () => {
      const { policy, version } = ok(call(w.dispatch, 'facility:wardScope', {}, admin()))
      expect(policy.counsellor).toEqual(READ_ALL)
      const { admin: _admin, ...staffPolicy } = policy
      ok(call(w.dispatch, 'facility:setWardScope', { policy: { ...staffPolicy, counsellor: OWN }, version }, admin()))
      expect(err(call(w.dispatch, 'facility:setWardScope', { policy: staffPolicy, version }, admin())).key).toBe('settings.stale')
      expect(err(call(w.dispatch, 'psych:personAssessments', { personId: inB }, limited)).key).toBe('err.ward_forbidden')
      expect(call(w.dispatch, 'psych:personAssessments', { personId: inA }, limited).ok).toBe(true)
      const now = ok(call(w.dispatch, 'facility:wardScope', {}, admin()))
      ok(call(w.dispatch, 'facility:setWardScope', { policy: { ...staffPolicy, counsellor: READ_ALL }, version: now.version }, admin()))
      expect(call(w.dispatch, 'psych:personAssessments', { personId: inB }, limited).ok).toBe(true)
    })

    it('an officer or counsellor responsible for several wards reaches each of them', () => {
      const me = ok(call(w.dispatch, 'auth:me', {}, limited))!
      const row = ok(call(w.dispatch, 'staff:list', {}, admin())).find((s) => s.id === me.id)!
      expect(row.wards.map((x) => x.name)).toEqual(['一大队'])
      ok(call(w.dispatch, 'staff:update', { id: me.id, revision: row.revision, displayName: '咨询师甲', role: 'counsellor', wardIds: [w.wards.a, w.wards.b], active: true }, admin()))
      expect(ok(call(w.dispatch, 'auth:me', {}, limited))!.wardIds.sort()).toEqual([w.wards.a, w.wards.b].sort())
      expect(call(w.dispatch, 'psych:raiseCrisis', { personId: inB, riskLevel: 'low', reason: '观察', raisedOn: TODAY }, limited).ok).toBe(true)
    })
  })

  describe('staff accounts and their wards', () => {
    const create = (role: 'ward_officer' | 'counsellor' | 'admin', wardIds: string[], username = `u${Math.random().toString(36).slice(2, 8)}`) =>
      call(w.dispatch, 'staff:create', { username, displayName: `人员${username}`, role, wardIds, password: STAFF_PASSWORD }, admin())

    it('a role limited to its own wards needs at least one; an administrator needs none', () => {
      expect(err(create('ward_officer', [])).fields).toEqual({ wardIds: 'staff.wards_required' })
      expect(err(create('counsellor', [])).fields).toEqual({ wardIds: 'staff.wards_required' })
      expect(create('admin', []).ok).toBe(true)
      expect(err(create('ward_officer', [w.wards.a, w.wards.a])).fields).toEqual({ wardIds: 'staff.ward_twice' })
      expect(err(create('ward_officer', ['00000000-0000-4000-8000-000000000000'])).fields).toEqual({ 'wardIds.0': 'err.not_found' })
    })

    it('a closed ward cannot be newly given, but an account keeps one it already had', () => {
      const id = ok(create('ward_officer', [w.wards.b], 'keeper')).id
      const ward = ok(call(w.dispatch, 'wards:list', {}, admin())).find((x) => x.id === w.wards.b)!
      w.db.prepare('UPDATE wards SET active = 0 WHERE id = ?').run(w.wards.b)
      try {
        expect(err(create('ward_officer', [w.wards.b])).fields).toEqual({ 'wardIds.0': 'staff.ward_inactive|{"ward":"二大队"}' })
        const revision = ok(call(w.dispatch, 'staff:list', {}, admin())).find((s) => s.id === id)!.revision
        expect(call(w.dispatch, 'staff:update', { id, revision, displayName: '人员keeper', role: 'ward_officer', wardIds: [w.wards.b], active: true }, admin()).ok).toBe(true)
      } finally {
        w.db.prepare('UPDATE wards SET active = 1 WHERE id = ?').run(ward.id)
      }
    })

    it('the policy cannot strand an active account with no ward', () => {
      ok(call(w.dispatch, 'facility:setWardScope', { policy: { ...DEFAULT_WARD_SCOPE, trainer: ALL }, version: ok(call(w.dispatch, 'facility:wardScope', {}, admin())).version }, admin()))
      ok(call(w.dispatch, 'staff:create', { username: 'kangfu', displayName: '康复师', role: 'trainer', password: STAFF_PASSWORD }, admin()))
      const { version } = ok(call(w.dispatch, 'facility:wardScope', {}, admin()))
      const refused = err(call(w.dispatch, 'facility:setWardScope', { policy: { ...DEFAULT_WARD_SCOPE, trainer: READ_ALL }, version }, admin()))
      expect(refused.code).toBe('rule_violation')
      expect(refused.fields?.policy).toContain('康复师（kangfu）')
      expect(ok(call(w.dispatch, 'facility:wardScope', {}, admin())).policy.trainer).toEqual(ALL)
    })
  })
})
