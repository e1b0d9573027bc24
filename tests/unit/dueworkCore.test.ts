/**
 * Due work through the dispatcher on a real database: the person admitted 40 days ago without a screening is overdue
 * and turns done when the assessment is entered (and overdue again when it is voided); records of the other centres;
 * exemptions with their permission, revision and audit; ward scoping; the facility counts against the drill-downs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../electron/shared/domain/dates'
import type { DueItem } from '../../electron/shared/contract'
import { DUE_CENTRES } from '../../electron/shared/contract'
import { snapshotTables } from './fixtures/tableChecksum'
import { insertDiagAssessment, insertFitnessTest, insertTalk, insertWatchMeasure } from './dueworkFixtures'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

const ADMITTED = addDays(TODAY, -40)
const PHQ9_CLEAR = [0, 0, 0, 0, 0, 0, 0, 0, 0]

let w: World
let admin: string
let personA: string
let personB: string

const itemOf = (items: DueItem[], personId: string, rule: string) => items.filter((i) => i.personId === personId && i.rule === rule)
const personItems = (personId: string, session = admin) => ok(call(w.dispatch, 'duework:person', { personId }, session)).items

beforeAll(() => {
  w = makeWorld(['ward_officer', 'counsellor', 'trainer'])
  admin = w.sessions.admin!
  personA = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: ADMITTED, decisionDate: ADMITTED }), admin)).id
  personB = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15', admissionDate: TODAY, decisionDate: TODAY }), admin)).id
})
afterAll(() => w.close())

describe('a person admitted 40 days ago with no screening', () => {
  it('is overdue on the ward day; entering the screening turns it done today; voiding it makes it overdue again', () => {
    const day = ok(call(w.dispatch, 'duework:ward', { wardId: w.wards.a }, w.sessions.ward_officer!))
    expect(day.today).toBe(TODAY)
    const [overdue] = itemOf(day.items, personA, 'psych_admission_screening')
    expect(overdue).toMatchObject({ status: 'overdue', dueOn: addDays(ADMITTED, 15), windowOpensOn: ADMITTED, occurrence: 'admission', centre: 'psych', personName: '张三' })
    expect(day.counts.psych.overdue).toBeGreaterThanOrEqual(1)
    // The psych ward screen reads the same rule.
    const screen = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, admin))
    expect(screen.rows.find((r) => r.personId === personA)!.screening).toMatchObject({ kind: 'admission', status: 'overdue', dueOn: addDays(ADMITTED, 15) })

    const assessment = ok(call(w.dispatch, 'psych:submitAssessment', { personId: personA, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: PHQ9_CLEAR }, w.sessions.counsellor!))
    const after = ok(call(w.dispatch, 'duework:ward', { wardId: w.wards.a }, admin))
    expect(itemOf(after.items, personA, 'psych_admission_screening')).toEqual([
      expect.objectContaining({ status: 'done', done: { recordType: 'assessment', recordId: assessment.id, on: TODAY } }),
    ])
    expect(after.counts.psych.overdue).toBe(day.counts.psych.overdue - 1)
    expect(ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, admin)).rows.find((r) => r.personId === personA)!.screening.status).toBe('done')
    // Tomorrow the done item leaves the day's list but stays on the person's list.
    expect(itemOf(ok(call(w.dispatch, 'duework:ward', { wardId: w.wards.a, date: addDays(TODAY, 1) }, admin)).items, personA, 'psych_admission_screening')).toEqual([])

    ok(call(w.dispatch, 'psych:voidAssessment', { id: assessment.id, reason: '录入错误' }, w.sessions.counsellor!))
    expect(itemOf(personItems(personA), personA, 'psych_admission_screening')).toEqual([expect.objectContaining({ status: 'overdue', done: null })])
  })
})

describe('records of the other centres', () => {
  it('a fitness test satisfies the admission test; a voided one does not', () => {
    insertFitnessTest(w.db, personA, addDays(ADMITTED, 5), true)
    expect(itemOf(personItems(personA), personA, 'fitness_admission_test')[0]).toMatchObject({ status: 'overdue' })
    const test = insertFitnessTest(w.db, personA, addDays(ADMITTED, 6))
    expect(itemOf(personItems(personA), personA, 'fitness_admission_test')[0]).toMatchObject({ status: 'done', done: { recordType: 'fitnessTest', recordId: test } })
  })

  it('a final diagnostic assessment satisfies the admission assessment; a draft or a voided one does not', () => {
    insertDiagAssessment(w.db, personA, 'admission', addDays(ADMITTED, 3), { status: 'draft' })
    insertDiagAssessment(w.db, personA, 'admission', addDays(ADMITTED, 3), { voided: true })
    expect(itemOf(personItems(personA), personA, 'diag_admission')[0]).toMatchObject({ status: 'overdue', dueOn: addDays(ADMITTED, 7) })
    const diag = insertDiagAssessment(w.db, personA, 'admission', addDays(ADMITTED, 4))
    expect(itemOf(personItems(personA), personA, 'diag_admission')[0]).toMatchObject({ status: 'done', done: { recordType: 'diagAssessment', recordId: diag } })
  })

  it('an admission talk done satisfies the ward admission talk; a voided one does not; planned talks and measure reviews fall due', () => {
    insertTalk(w.db, personA, { kind: 'admission', status: 'done', doneOn: addDays(ADMITTED, 1), voided: true })
    expect(itemOf(personItems(personA), personA, 'ward_admission_talk')[0]).toMatchObject({ status: 'overdue' })
    const talk = insertTalk(w.db, personA, { kind: 'admission', status: 'done', doneOn: addDays(ADMITTED, 2) })
    expect(itemOf(personItems(personA), personA, 'ward_admission_talk')[0]).toMatchObject({ status: 'done', done: { recordType: 'wardTalk', recordId: talk } })
    const planned = insertTalk(w.db, personA, { kind: 'routine', status: 'planned', plannedOn: TODAY })
    const measure = insertWatchMeasure(w.db, personA, addDays(TODAY, -10), addDays(TODAY, -1))
    const items = personItems(personA)
    expect(itemOf(items, personA, 'ward_planned_talk')[0]).toMatchObject({ status: 'due', dueOn: TODAY, subject: { recordType: 'wardTalk', recordId: planned } })
    expect(itemOf(items, personA, 'watch_measure_review')[0]).toMatchObject({ status: 'overdue', subject: { recordType: 'watchMeasure', recordId: measure } })
  })

  it('an open crisis is followed up; a flag task is due', () => {
    const crisis = ok(call(w.dispatch, 'psych:raiseCrisis', { personId: personA, riskLevel: 'medium', reason: '情绪低落', raisedOn: addDays(TODAY, -8) }, w.sessions.counsellor!)).id
    expect(itemOf(personItems(personA), personA, 'crisis_follow_up')[0]).toMatchObject({ status: 'overdue', dueOn: addDays(TODAY, -1), subject: { recordType: 'crisis', recordId: crisis } })
    const flagged = ok(call(w.dispatch, 'psych:submitAssessment', { personId: personA, instrumentId: 'phq9', setting: 'periodic', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] }, w.sessions.counsellor!))
    expect(itemOf(personItems(personA), personA, 'psych_flag_task')[0]).toMatchObject({ status: 'due', occurrence: flagged.taskIds[0], subject: { recordType: 'task', recordId: flagged.taskIds[0] } })
    const day = ok(call(w.dispatch, 'duework:ward', { wardId: w.wards.a }, admin))
    expect(day.openCrises).toBe(1)
    expect(day.openTasks).toBeGreaterThanOrEqual(1)
  })
})

describe('exemptions', () => {
  it('needs the centre record permission, names an open item, is audited, and is voided at its revision', () => {
    const trainer = w.sessions.trainer!
    const before = snapshotTables(w.db)
    expect(err(call(w.dispatch, 'duework:exempt', { personId: personB, rule: 'psych_admission_screening', occurrence: 'admission', reason: '外院已筛查' }, trainer))).toMatchObject({ code: 'forbidden', key: 'duework.centre_forbidden' })
    expect(err(call(w.dispatch, 'duework:exempt', { personId: personB, rule: 'diag_one_year', occurrence: 'one_year', reason: '尚未到期' }, admin))).toMatchObject({ code: 'rule_violation', fields: { occurrence: 'duework.no_such_item' } })
    expect(snapshotTables(w.db)).toEqual(before)

    const audits = count(w.db, 'audit_log')
    const exemption = ok(call(w.dispatch, 'duework:exempt', { personId: personB, rule: 'fitness_admission_test', occurrence: 'admission', reason: '医嘱暂缓测试' }, trainer))
    expect(exemption).toMatchObject({ reason: '医嘱暂缓测试', byName: 'trainer-staff', revision: 1 })
    expect(count(w.db, 'audit_log')).toBe(audits + 1)
    expect(itemOf(personItems(personB), personB, 'fitness_admission_test')[0]).toMatchObject({ status: 'exempt', exemption: { id: exemption.id, reason: '医嘱暂缓测试' } })
    expect(err(call(w.dispatch, 'duework:exempt', { personId: personB, rule: 'fitness_admission_test', occurrence: 'admission', reason: '再次' }, trainer)).fields).toEqual({ occurrence: 'duework.no_such_item' })

    expect(err(call(w.dispatch, 'duework:voidExemption', { id: exemption.id, revision: 2, reason: '误录' }, trainer))).toMatchObject({ code: 'conflict', key: 'duework.stale' })
    expect(err(call(w.dispatch, 'duework:voidExemption', { id: exemption.id, revision: 1, reason: '误录' }, w.sessions.counsellor!))).toMatchObject({ code: 'forbidden' })
    ok(call(w.dispatch, 'duework:voidExemption', { id: exemption.id, revision: 1, reason: '误录' }, trainer))
    expect(itemOf(personItems(personB), personB, 'fitness_admission_test')[0]).toMatchObject({ status: 'due', exemption: null })
    expect(err(call(w.dispatch, 'duework:voidExemption', { id: exemption.id, revision: 2, reason: '再撤' }, trainer))).toMatchObject({ code: 'conflict', key: 'duework.exemption_voided' })
  })
})

describe('ward scoping', () => {
  it("refuses another ward's day and person to the officer, and filters the overview and drill-down to his ward", () => {
    const officer = w.sessions.ward_officer!
    expect(err(call(w.dispatch, 'duework:ward', { wardId: w.wards.b }, officer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'duework:person', { personId: personB }, officer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'duework:people', { wardId: w.wards.b, status: 'due' }, officer)).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'duework:facility', {}, officer)).wards.map((r) => r.wardId)).toEqual([w.wards.a])
    const mine = ok(call(w.dispatch, 'duework:people', { status: 'due' }, officer))
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((i) => i.wardId === w.wards.a)).toBe(true)
    expect(ok(call(w.dispatch, 'duework:facility', {}, admin)).wards.map((r) => r.wardId).sort()).toEqual([w.wards.a, w.wards.b].sort())
  })
})

describe('the facility overview', () => {
  it('counts per ward and centre equal the drill-downs', () => {
    const overview = ok(call(w.dispatch, 'duework:facility', {}, admin))
    expect(overview.wards.find((r) => r.wardId === w.wards.a)).toMatchObject({ residents: 1, openCrises: 1 })
    let total = 0
    for (const ward of overview.wards) {
      for (const centre of DUE_CENTRES) {
        for (const status of ['due', 'overdue'] as const) {
          const people = ok(call(w.dispatch, 'duework:people', { wardId: ward.wardId, centre, status }, admin))
          expect(people.length, `${ward.wardName} ${centre} ${status}`).toBe(ward.counts[centre][status])
          total += people.length
        }
      }
      const day = ok(call(w.dispatch, 'duework:ward', { wardId: ward.wardId }, admin))
      expect(day.counts).toEqual(ward.counts)
    }
    expect(total).toBeGreaterThan(0)
    expect(total).toBe(ok(call(w.dispatch, 'duework:people', { status: 'due' }, admin)).length + ok(call(w.dispatch, 'duework:people', { status: 'overdue' }, admin)).length)
  })
})

describe('settings', () => {
  it('moves the due date when the rule changes, refuses a stale save and a bad value, and is for administrators only', () => {
    const view = ok(call(w.dispatch, 'duework:settings', {}, admin))
    expect(view.version).toBe('default')
    expect(err(call(w.dispatch, 'duework:settings', {}, w.sessions.ward_officer!)).code).toBe('forbidden')
    const bad = err(call(w.dispatch, 'duework:setSettings', { rules: { ...view.rules, fitness_admission_test: { enabled: true, days: 0 } }, version: view.version }, admin))
    expect(bad).toMatchObject({ code: 'invalid_input', fields: { 'rules.fitness_admission_test.days': expect.stringContaining('v.range_days') } })
    ok(call(w.dispatch, 'duework:setSettings', { rules: { ...view.rules, fitness_admission_test: { enabled: true, days: 10 } }, version: view.version }, admin))
    expect(itemOf(personItems(personB), personB, 'fitness_admission_test')[0]).toMatchObject({ dueOn: addDays(TODAY, 10) })
    expect(err(call(w.dispatch, 'duework:setSettings', { rules: view.rules, version: view.version }, admin))).toMatchObject({ code: 'conflict', key: 'settings.stale' })
    const saved = ok(call(w.dispatch, 'duework:settings', {}, admin))
    ok(call(w.dispatch, 'duework:setSettings', { rules: { ...saved.rules, fitness_admission_test: { enabled: false, days: 10 } }, version: saved.version }, admin))
    expect(itemOf(personItems(personB), personB, 'fitness_admission_test')).toEqual([])
  })
})
