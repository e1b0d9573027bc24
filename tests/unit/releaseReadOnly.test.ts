/**
 * The read-only matrix (issue 14), enumerating the contract: every audited write whose person or record scope names a
 * closed file is refused (person.file_closed) unless its method declares `closedFile: 'writable'`; after an
 * administrator reopens the file the same writes pass the guard, and once it is closed again they are refused again.
 * Group records (a counselling or course session) and writes naming a list of people (registers, batches) belong to no
 * one person: their handlers refuse, naming each, the people without a current stay.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { writesClosedFile } from '../../electron/core/release/closedFileGuard'
import { contract, type MethodName } from '../../electron/shared/contract'
import type { MethodSpec, ScopedRecord, WardScopeSpec } from '../../electron/shared/contract/define'
import { insertDiagRecords } from './assessmentFixtures'
import { insertCourseRecords } from './coursesFixtures'
import { insertDueExemption } from './dueworkFixtures'
import { insertHandoverSheet, insertPlannedRelease } from './releaseFixtures'
import { insertReferral } from './vocationalStatsFixtures'
import { call, err, makeWorld, ok, personInput, TODAY } from './helpers'

const world = makeWorld()
afterAll(() => world.close())
const admin = world.sessions.admin!
const personId = ok(call(world.dispatch, 'people:create', personInput(world.wards.a), admin)).id
const assessment = ok(call(world.dispatch, 'psych:submitAssessment', { personId, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] }, admin))
const records: Record<ScopedRecord, string> = {
  ...insertCourseRecords(world.db, personId, TODAY),
  ...insertDiagRecords(world.db, personId, TODAY),
  referral: insertReferral(world.db, { personId, referredOn: TODAY }),
  dueExemption: insertDueExemption(world.db, personId),
  assessment: assessment.id,
  task: assessment.taskIds[0]!,
  crisis: ok(call(world.dispatch, 'psych:raiseCrisis', { personId, riskLevel: 'low', reason: '观察', raisedOn: TODAY }, admin)).id,
  session: ok(call(world.dispatch, 'psych:createSession', { kind: 'individual', date: TODAY, durationMinutes: 30, participantIds: [personId], topic: '适应', note: { presentingIssue: '睡眠差', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' } }, admin)).id,
  certificate: ok(call(world.dispatch, 'certificates:create', {
    personId, number: 'S000011100001265000001', evaluationBody: '某职业技能评价中心', issuedOn: TODAY, occupation: '中式面点师', level: 5, idType: 'passport', idNumber: 'E12345678', name: '张三',
  }, admin)).id,
  knowledgeAttempt: (() => {
    const item = ok(call(world.dispatch, 'knowledge:createItem', { kind: 'single', stem: '国际禁毒日是哪一天？', options: ['6月26日', '12月1日'], answer: ['A'], tags: ['禁毒知识'] }, admin)).id
    const paperId = ok(call(world.dispatch, 'knowledge:createPaper', { title: '只读卷', purpose: '禁毒知识', source: { method: 'picked', itemIds: [item] } }, admin)).id
    return ok(call(world.dispatch, 'knowledge:startSitting', { paperId, personId }, admin)).attemptId
  })(),
  release: insertPlannedRelease(world.db, personId, TODAY),
  handoverSheet: insertHandoverSheet(world.db, personId),
}
const GROUP_RECORDS: ReadonlySet<ScopedRecord> = new Set(['session', 'courseSession'])

type Scoped = Exclude<WardScopeSpec<unknown>, string | { ward: unknown }>
const guarded = (Object.keys(contract) as MethodName[]).flatMap((name) => {
  const spec = contract[name] as MethodSpec
  const scope = spec.scope as WardScopeSpec<unknown> | undefined
  if (spec.audit.kind !== 'write' || !scope || typeof scope === 'string' || 'ward' in scope) return []
  return [[name, spec, scope as Scoped] as const]
})
/** An input whose every field is the id the scope should read (the person, or the record of the scope's kind). */
const probeFor = (scope: Scoped) => {
  const value = 'person' in scope ? personId : records[scope.record]
  // Lists of people (`personIds`, `participantIds`, register `rows` and `attendance`) get a one-person list.
  return new Proxy({}, { get: (_t, key) => (key === 'rows' || key === 'attendance' ? [{ personId: value }] : String(key).endsWith('Ids') ? [value] : value) })
}
/** A write naming a list of people is the group's (its handler names each person without a current stay). */
const namesList = (scope: Scoped) => 'person' in scope && Array.isArray(scope.person(probeFor(scope)))
const refusedNow = () => guarded.filter(([, spec, scope]) => writesClosedFile(world.db, spec, probeFor(scope))).map(([name]) => name)
const expectedRefused = guarded
  .filter(([, spec, scope]) => spec.closedFile !== 'writable' && !namesList(scope) && !('record' in scope && GROUP_RECORDS.has(scope.record)))
  .map(([name]) => name)

describe('read-only matrix over the contract', () => {
  it('covers person and record scopes, and the writable methods are the deliberate ones', () => {
    expect(guarded.length).toBeGreaterThan(60)
    expect(expectedRefused.length).toBeGreaterThan(50)
    expect(guarded.filter(([, , scope]) => namesList(scope)).map(([name]) => name).sort()).toEqual(
      ['certificates:issueBatch', 'courses:enrol', 'courses:recordExams', 'courses:recordSession', 'courses:editSession', 'employment:refer', 'psych:createSession'].sort(),
    )
    const writable = guarded.filter(([, spec]) => spec.closedFile === 'writable').map(([name]) => name)
    expect(writable.filter((m) => !m.startsWith('release:') && !m.startsWith('aftercare:'))).toEqual(['employment:recordJobTaken'])
  })
  it('nothing is refused while the person is on a ward', () => {
    expect(refusedNow()).toEqual([])
  })
  it('every other write is refused on a closed file; reopened, none is; closed again, they are', () => {
    world.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(personId)
    expect(refusedNow()).toEqual(expectedRefused)
    ok(call(world.dispatch, 'release:reopenFile', { personId, reason: '补录证书' }, admin))
    expect(refusedNow()).toEqual([])
    ok(call(world.dispatch, 'release:closeFile', { personId }, admin))
    expect(refusedNow()).toEqual(expectedRefused)
  })
  it('the dispatcher answers person.file_closed and writes nothing', () => {
    const before = (world.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
    const e = err(call(world.dispatch, 'certificates:void', { id: records.certificate, revision: 1, reason: '录错' }, admin))
    expect(e).toMatchObject({ code: 'conflict', key: 'person.file_closed', message: '该档案已出所，只读；如需更正，请管理员重新打开档案' })
    expect((world.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before)
    ok(call(world.dispatch, 'release:reopenFile', { personId, reason: '作废录错的证书' }, admin))
    ok(call(world.dispatch, 'certificates:void', { id: records.certificate, revision: 1, reason: '录错' }, admin))
  })
})
