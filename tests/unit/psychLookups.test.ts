/**
 * Psychology reaches people, wards and staff through those domains' lookups (no cross-domain SQL): the lookups
 * themselves, and the list behaviours that used to come from JOINs (current ward, voided files, names, pinyin order).
 * Also pins the psych contract modules against their handler modules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffNamesByIds } from '../../electron/core/auth/staffRepo'
import { personRefsByIds, voidedPersonIds, wardResidents } from '../../electron/core/people/peopleQueries'
import { psychHandlerModules } from '../../electron/core/psych'
import { wardName } from '../../electron/core/wards/wardsRepo'
import { contract } from '../../electron/shared/contract'
import { psychContractModules } from '../../electron/shared/contract/psych'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { call, err, FIXED_NOW, makeWorld, ok, personInput, type World, seenWard } from './helpers'

const MISSING = '00000000-0000-4000-8000-000000000000'

/** A valid ID number for a man born 1990-03-07 (personInput's birth date), distinct per n. */
function idNumberFor(n: number): string {
  const body = `11010119900307${String(n).padStart(2, '0')}1`
  return body + checkCharacterFor(body)
}

/** A PHQ-9 with item 9 above 0: the flag opens a task. */
const FLAGGED_PHQ9 = [1, 1, 1, 1, 1, 1, 1, 1, 2]

describe('lookups other domains offer psych', () => {
  let w: World
  let admin: string
  const ids: Record<'zhang' | 'li' | 'wang' | 'zhao', string> = { zhang: '', li: '', wang: '', zhao: '' }

  beforeAll(() => {
    w = makeWorld(['counsellor'])
    admin = w.sessions.admin!
    const create = (name: string, n: number, wardId: string) =>
      ok(call(w.dispatch, 'people:create', personInput(wardId, { name, idNumber: idNumberFor(n) }), admin)).id
    ids.zhang = create('张三', 1, w.wards.a)
    ids.li = create('李四', 2, w.wards.a)
    ids.wang = create('王五', 3, w.wards.a)
    ids.zhao = create('赵六', 4, w.wards.b)
    ok(call(w.dispatch, 'people:void', { id: ids.wang, reason: '重复建档' }, admin))
  })
  afterAll(() => w.close())

  it('personRefsByIds: one map for many ids, voided files included and marked, unknown ids absent', () => {
    const refs = personRefsByIds(w.db, [ids.zhang, ids.wang, ids.zhang, MISSING])
    expect([...refs.keys()].sort()).toEqual([ids.zhang, ids.wang].sort())
    expect(refs.get(ids.zhang)).toEqual({ id: ids.zhang, name: '张三', namePinyin: 'zhangsan', wardId: w.wards.a, admissionDate: '2026-06-01', voided: false })
    expect(refs.get(ids.wang)).toMatchObject({ name: '王五', voided: true })
    expect(personRefsByIds(w.db, []).size).toBe(0)
  })

  it('wardResidents: the live people whose current ward it is, by pinyin, with the ID tail only', () => {
    const residents = wardResidents(w.db, w.wards.a)
    expect(residents.map((p) => p.name)).toEqual(['李四', '张三'])
    expect(residents[1]).toEqual({ id: ids.zhang, name: '张三', idTail: idNumberFor(1).slice(-4), period: 'detox', admissionDate: '2026-06-01' })
    expect(wardResidents(w.db, MISSING)).toEqual([])
  })

  it('voidedPersonIds, wardName and staffNamesByIds', () => {
    expect(voidedPersonIds(w.db)).toEqual([ids.wang])
    expect(wardName(w.db, w.wards.b)).toBe('二大队')
    expect(wardName(w.db, MISSING)).toBeUndefined()
    const counsellorId = w.staffIds.counsellor!
    const names = staffNamesByIds(w.db, [counsellorId, null, MISSING, counsellorId])
    expect([...names.keys()]).toEqual([counsellorId])
    expect(staffNamesByIds(w.db, [null]).size).toBe(0)
  })
})

describe('psych lists over people of other domains', () => {
  let w: World
  let admin: string
  let counsellor: string
  let moved: string
  let stays: string
  let voided: string

  beforeAll(() => {
    w = makeWorld(['counsellor'])
    admin = w.sessions.admin!
    counsellor = w.sessions.counsellor!
    const create = (name: string, n: number) => ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name, idNumber: idNumberFor(n) }), admin)).id
    moved = create('赵六', 1)
    stays = create('李四', 2)
    voided = create('王五', 3)
    for (const personId of [moved, stays, voided]) {
      ok(call(w.dispatch, 'psych:submitAssessment', { personId, instrumentId: 'phq9', setting: 'on_request', administeredOn: '2026-11-20', answers: FLAGGED_PHQ9 }, counsellor))
      ok(call(w.dispatch, 'psych:raiseCrisis', { personId, riskLevel: 'high', reason: '自述有轻生念头', raisedOn: '2026-11-20' }, counsellor))
    }
    ok(call(w.dispatch, 'psych:createSession', {
      kind: 'group', date: '2026-11-21', durationMinutes: 60, participantIds: [moved, voided, stays], topic: '团体辅导',
      note: { presentingIssue: '情绪管理', intervention: '团体讨论', response: '积极' },
    }, counsellor))
    ok(call(w.dispatch, 'people:assignWard', { id: moved, seen: seenWard(w.db, moved), wardId: w.wards.b, effectiveDate: '2026-11-22', note: null }, admin))
    ok(call(w.dispatch, 'people:void', { id: voided, reason: '重复建档' }, admin))
  })
  afterAll(() => w.close())

  it('a task follows the person to the current ward, keeping the ward it was raised in', () => {
    const inB = ok(call(w.dispatch, 'psych:tasks', { wardId: w.wards.b }, counsellor))
    expect(inB.map((t) => [t.personName, t.wardId])).toEqual([['赵六', w.wards.a]])
    expect(ok(call(w.dispatch, 'psych:tasks', { wardId: w.wards.a }, counsellor)).map((t) => t.personName)).toEqual(['李四'])
    const screenB = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.b }, counsellor))
    expect(screenB.rows.map((r) => [r.name, r.openTasks, r.openCrisis])).toEqual([['赵六', 1, 'high']])
  })

  it('a crisis shows the person’s current ward', () => {
    const crises = ok(call(w.dispatch, 'psych:crises', { wardId: w.wards.b }, counsellor))
    expect(crises.map((c) => [c.personName, c.wardId])).toEqual([['赵六', w.wards.b]])
  })

  it('a voided file’s tasks and crises leave every list; it stays a named participant of its sessions', () => {
    for (const filter of [{}, { personId: voided }, { wardId: w.wards.a }]) {
      expect(ok(call(w.dispatch, 'psych:tasks', filter, counsellor)).map((t) => t.personId)).not.toContain(voided)
      expect(ok(call(w.dispatch, 'psych:crises', filter, counsellor)).map((c) => c.personId)).not.toContain(voided)
    }
    expect(ok(call(w.dispatch, 'psych:tasks', {}, counsellor))).toHaveLength(2)
    const [session] = ok(call(w.dispatch, 'psych:sessions', { personId: stays }, counsellor))
    // by pinyin: li si, wang wu, zhao liu
    expect(session!.participants.map((p) => p.name)).toEqual(['李四', '王五', '赵六'])
  })

  it('voids an assessment once, with who and why; again is a rule violation, an unknown id not found', () => {
    const [a] = ok(call(w.dispatch, 'psych:personAssessments', { personId: stays }, counsellor))
    ok(call(w.dispatch, 'psych:voidAssessment', { id: a!.id, reason: '录入错误' }, counsellor))
    const row = w.db.prepare('SELECT voided_at, voided_by, void_reason FROM assessments WHERE id = ?').get(a!.id)
    expect(row).toEqual({ voided_at: FIXED_NOW.toISOString(), voided_by: w.staffIds.counsellor, void_reason: '录入错误' })
    expect(ok(call(w.dispatch, 'psych:getAssessment', { id: a!.id }, counsellor))).toMatchObject({ voided: true, personName: '李四' })
    expect(err(call(w.dispatch, 'psych:voidAssessment', { id: a!.id, reason: '再次作废' }, counsellor))).toMatchObject({ code: 'rule_violation', key: 'psych.assessment_voided' })
    expect(err(call(w.dispatch, 'psych:voidAssessment', { id: MISSING, reason: '不存在' }, counsellor)).code).toBe('not_found')
  })
})

describe('psych contract modules', () => {
  const modules = Object.entries(psychContractModules)

  it('declare each method once, and the API psych: methods are exactly their union', () => {
    const names = modules.flatMap(([, m]) => Object.keys(m))
    expect(new Set(names).size).toBe(names.length)
    expect(Object.keys(contract).filter((m) => m.startsWith('psych:')).sort()).toEqual([...names].sort())
  })

  it('each has a handler module with exactly its methods', () => {
    expect(Object.keys(psychHandlerModules).sort()).toEqual(Object.keys(psychContractModules).sort())
    for (const [key, contractModule] of modules) {
      expect(Object.keys(psychHandlerModules[key as keyof typeof psychHandlerModules]).sort(), key).toEqual(Object.keys(contractModule).sort())
    }
  })
})
