/**
 * Issue 11: saved fitness tests on a real database — edits version-checked and graded again with every revision
 * kept, voids, re-grades kept beside the original, a person's history, the ward summary (grade distribution, change
 * since admission, retests due at the interval), contraindications (the step test exempt, not missing), settings and
 * ward scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../electron/shared/domain/dates'
import { MALE_40_59, MALE_FULL, MALE_NO_STEP, STANDARD, idNumberFor } from './fitnessFixtures'
import { call, count, err, makeWorld, ok, personInput, TODAY } from './helpers'

const YOUNG = '2000-03-07'

function setup(roles: Parameters<typeof makeWorld>[0] = ['trainer', 'counsellor', 'ward_officer']) {
  const w = makeWorld(roles)
  const admin = w.sessions.admin!
  // A man of 26 by default: the shipped height-standard-weight table has rows for ages 20–29 only (samples of the
  // reference), so older people's tests stay without a grade until the full table is keyed.
  const create = (overrides: Parameters<typeof personInput>[1] = {}, ward = w.wards.a) =>
    ok(call(w.dispatch, 'people:create', personInput(ward, { birthDate: YOUNG, idNumber: idNumberFor(YOUNG, 'M', 7), ...overrides }), admin)).id
  const save = (personId: string, date: string, measurements: Record<string, number>, wardId = w.wards.a, session = admin) =>
    ok(call(w.dispatch, 'fitness:saveTestDay', { wardId, date, standardId: STANDARD, rows: [{ personId, measurements }] }, session)).testIds[0]!
  return { w, admin, create, save }
}

describe('one saved test: edit, void, re-grade', () => {
  let s: ReturnType<typeof setup>
  let person: string
  let testId: string

  beforeAll(() => {
    s = setup()
    person = s.create()
    testId = s.save(person, TODAY, MALE_FULL)
  })
  afterAll(() => s.w.close())

  const edit = (revision: number, measurements: Record<string, number>, session = s.w.sessions.trainer!) =>
    call(s.w.dispatch, 'fitness:updateTest', { personId: person, id: testId, revision, measurements, changeNote: '补测握力' }, session)

  it('an edit names the revision it read, grades again, and keeps every revision and the earlier grading', () => {
    const before = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests[0]!
    const edited = ok(edit(1, { ...MALE_FULL, grip_kg: 30 }))
    expect(edited.revision).toBe(2)
    expect(edited.grading.kind).toBe('original')
    const after = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests[0]!
    expect(after.measurements.grip_kg).toBe(30)
    expect(after.revision).toBe(2)
    expect(after.grading.id).toBe(edited.grading.id)
    expect(after.grading.items.grip).toBeLessThanOrEqual(before.grading.items.grip!)
    // Both revisions kept; the earlier grading superseded, not overwritten.
    expect(s.w.db.prepare("SELECT revision, json_extract(measurements, '$.grip_kg') AS grip FROM fitness_test_revisions WHERE test_id = ? ORDER BY revision").all(testId)).toEqual([
      { revision: 1, grip: 45 },
      { revision: 2, grip: 30 },
    ])
    expect(s.w.db.prepare('SELECT count(*) AS n FROM fitness_gradings WHERE test_id = ? AND superseded_at IS NOT NULL').get(testId)).toEqual({ n: 1 })
  })

  it('a stale revision is refused and changes nothing', () => {
    const e = err(edit(1, { ...MALE_FULL, grip_kg: 50 }))
    expect(e.code).toBe('conflict')
    expect(e.message).toContain('已被他人修改')
    expect(ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests[0]!.measurements.grip_kg).toBe(30)
  })

  it('an implausible value in an edit is refused on its field, nothing changed', () => {
    const e = err(edit(2, { ...MALE_FULL, vital_capacity_ml: 40000 }))
    expect(e.code).toBe('invalid_input')
    expect(e.fields!['measurements.vital_capacity_ml']).toMatch(/^fitness\.implausible\|/)
    expect(ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests[0]!.revision).toBe(2)
  })

  it('a value for an item that does not apply to him (sit-ups, a women’s item) is refused on its field, nothing changed', () => {
    const e = err(edit(2, { ...MALE_FULL, sit_ups: 30 }))
    expect(e.fields).toEqual({ 'measurements.sit_ups': 'fitness.not_applicable' })
    expect(ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests[0]!.revision).toBe(2)
  })

  it('a test named under another person is not found (scoping names the person)', () => {
    const stranger = s.create({ name: '李四', birthDate: '1985-06-15', idNumber: idNumberFor('1985-06-15', 'M') })
    expect(err(call(s.w.dispatch, 'fitness:updateTest', { personId: stranger, id: testId, revision: 2, measurements: MALE_FULL }, s.admin)).code).toBe('not_found')
  })

  it('a re-grade under the test’s own standard or an unknown one is refused (the kept-beside case: fitnessRegrade.test.ts)', () => {
    const same = err(call(s.w.dispatch, 'fitness:regrade', { personId: person, id: testId, standardId: STANDARD }, s.admin))
    expect(same.code).toBe('rule_violation')
    expect(err(call(s.w.dispatch, 'fitness:regrade', { personId: person, id: testId, standardId: 'no-such-standard' }, s.admin)).fields).toHaveProperty('standardId')
  })

  it('a void keeps the test, marked with who and why; a voided test cannot be edited', () => {
    expect(err(call(s.w.dispatch, 'fitness:voidTest', { personId: person, id: testId, reason: 'x' }, s.admin)).code).toBe('invalid_input')
    ok(call(s.w.dispatch, 'fitness:voidTest', { personId: person, id: testId, reason: '录入了别人的成绩' }, s.w.sessions.trainer!))
    const h = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin))
    expect(h.tests[0]!.voided).toMatchObject({ by: 'trainer-staff', reason: '录入了别人的成绩' })
    expect(h.latestId).toBeNull()
    expect(err(edit(2, MALE_FULL)).code).toBe('rule_violation')
    expect(count(s.w.db, 'fitness_tests')).toBe(1)
    // The person can be tested again that day: the voided test no longer holds the date.
    expect(s.save(person, TODAY, MALE_FULL)).toBeTruthy()
  })
})

describe('a person’s fitness history', () => {
  let s: ReturnType<typeof setup>
  let person: string

  beforeAll(() => {
    s = setup()
    person = s.create()
    s.save(person, '2026-06-10', { ...MALE_FULL, push_ups: 10 })
    s.save(person, '2026-09-10', { ...MALE_FULL, push_ups: 20 })
    s.save(person, TODAY, { ...MALE_FULL, push_ups: 35 })
  })
  afterAll(() => s.w.close())

  it('lists every test oldest first with points per item and grade, the latest and the previous; the read is audited', () => {
    const auditBefore = count(s.w.db, 'audit_log')
    const h = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.w.sessions.counsellor!))
    expect(h.tests.map((t) => t.date)).toEqual(['2026-06-10', '2026-09-10', TODAY])
    expect(h.latestId).toBe(h.tests[2]!.id)
    expect(h.previousId).toBe(h.tests[1]!.id)
    const pushUps = h.tests.map((t) => t.grading.items.push_ups!)
    expect(pushUps[0]).toBeLessThanOrEqual(pushUps[1]!)
    expect(pushUps[1]).toBeLessThanOrEqual(pushUps[2]!)
    expect(h.tests.every((t) => t.grading.applicable.includes('push_ups') && t.grading.notApplicable.includes('sit_ups'))).toBe(true)
    expect(count(s.w.db, 'audit_log')).toBe(auditBefore + 1)
    expect(s.w.db.prepare("SELECT method, record_type AS type, record_id AS id FROM audit_log ORDER BY rowid DESC LIMIT 1").get()).toEqual({
      method: 'fitness:personHistory', type: 'person', id: person,
    })
  })

  it('the ward summary: mean change per item since admission, the latest day’s grade distribution', () => {
    const summary = ok(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.a }, s.w.sessions.trainer!))
    expect(summary.latestTestDate).toBe(TODAY)
    const total = Object.values(summary.distribution).reduce((a, b) => a + b, 0)
    expect(total).toBe(1)
    const pushUps = summary.changes.find((c) => c.item === 'push_ups')!
    const h = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin))
    expect(pushUps).toEqual({ item: 'push_ups', people: 1, meanChange: h.tests[2]!.grading.items.push_ups! - h.tests[0]!.grading.items.push_ups! })
    expect(summary.changes.find((c) => c.item === 'grip')).toEqual({ item: 'grip', people: 1, meanChange: 0 })
  })
})

describe('grade distribution and retests due', () => {
  let s: ReturnType<typeof setup>
  const interval = 90

  beforeAll(() => {
    s = setup()
  })
  afterAll(() => s.w.close())

  it('counts the latest test day’s grades, with people without a grade apart', () => {
    const a = s.create()
    const b = s.create({ name: '李四', birthDate: '1985-06-15', idNumber: idNumberFor('1985-06-15', 'M') })
    s.save(a, '2026-10-01', MALE_FULL)
    ok(call(s.w.dispatch, 'fitness:saveTestDay', { wardId: s.w.wards.a, date: '2026-11-01', standardId: STANDARD, rows: [
      { personId: a, measurements: MALE_FULL },
      // Missing items: no grade.
      { personId: b, measurements: { grip_kg: 40 } },
    ] }, s.admin))
    const summary = ok(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.a }, s.admin))
    expect(summary.latestTestDate).toBe('2026-11-01')
    // The latest day's two tests only (a's earlier test is not counted), each under its grade or under none.
    const gradeOn = (personId: string) => ok(call(s.w.dispatch, 'fitness:personHistory', { personId }, s.admin)).tests.find((t) => t.date === '2026-11-01')!.grading.grade
    expect(gradeOn(b)).toBeNull()
    const expected = { excellent: 0, good: 0, pass: 0, fail: 0, none: 0 }
    expected[gradeOn(a) ?? 'none'] += 1
    expected.none += 1
    expect(summary.distribution).toEqual(expected)
  })

  it('is due exactly when the interval has passed (both sides of the boundary), and never-tested people are due first', () => {
    const settings = ok(call(s.w.dispatch, 'fitness:settings', {}, s.admin))
    expect(settings.retestIntervalDays).toBe(interval)
    const onTime = s.create({ name: '王五', birthDate: '1991-01-01', idNumber: idNumberFor('1991-01-01', 'M') })
    const dueToday = s.create({ name: '赵六', birthDate: '1989-02-02', idNumber: idNumberFor('1989-02-02', 'M') })
    const never = s.create({ name: '孙七', birthDate: '1993-03-03', idNumber: idNumberFor('1993-03-03', 'M') })
    s.save(onTime, addDays(TODAY, -(interval - 1)), MALE_FULL)
    s.save(dueToday, addDays(TODAY, -interval), MALE_FULL)
    const due = ok(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.a }, s.admin)).due
    const ids = due.map((d) => d.personId)
    expect(ids).not.toContain(onTime)
    expect(ids).toContain(dueToday)
    expect(due[0]).toEqual({ personId: never, name: '孙七', lastTestDate: null, dueDate: null })
    expect(due.find((d) => d.personId === dueToday)).toMatchObject({ lastTestDate: addDays(TODAY, -interval), dueDate: TODAY })
  })

  it('the interval is a facility setting, changed with the version read (administrators only)', () => {
    const { version } = ok(call(s.w.dispatch, 'fitness:settings', {}, s.admin))
    expect(err(call(s.w.dispatch, 'fitness:updateSettings', { settings: { retestIntervalDays: 60, defaultStandardId: STANDARD }, version }, s.w.sessions.trainer!)).code).toBe('forbidden')
    expect(err(call(s.w.dispatch, 'fitness:updateSettings', { settings: { retestIntervalDays: 60, defaultStandardId: 'nope' }, version }, s.admin)).fields).toHaveProperty(['settings.defaultStandardId'])
    expect(err(call(s.w.dispatch, 'fitness:updateSettings', { settings: { retestIntervalDays: 3, defaultStandardId: STANDARD }, version }, s.admin)).fields).toHaveProperty(['settings.retestIntervalDays'])
    ok(call(s.w.dispatch, 'fitness:updateSettings', { settings: { retestIntervalDays: 60, defaultStandardId: STANDARD }, version }, s.admin))
    expect(err(call(s.w.dispatch, 'fitness:updateSettings', { settings: { retestIntervalDays: 30, defaultStandardId: STANDARD }, version }, s.admin)).code).toBe('conflict')
    expect(ok(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.a }, s.admin)).retestIntervalDays).toBe(60)
  })
})

describe('contraindications', () => {
  let s: ReturnType<typeof setup>
  let person: string

  beforeAll(() => {
    s = setup()
    person = s.create()
  })
  afterAll(() => s.w.close())

  it('a recorded contraindication makes the step test exempt on the test day, not missing', () => {
    const { id } = ok(call(s.w.dispatch, 'fitness:recordContraindication', { personId: person, kind: 'cardiovascular', items: ['step_index'], reason: '高血压，医嘱禁做台阶试验', from: '2026-11-01' }, s.w.sessions.trainer!))
    const d = ok(call(s.w.dispatch, 'fitness:testDay', { wardId: s.w.wards.a, date: TODAY }, s.admin))
    const row = d.people.find((p) => p.personId === person)!
    expect(row.exempt).toEqual(['step_index'])
    expect(row.contraindications.map((c) => c.id)).toEqual([id])
    const check = ok(call(s.w.dispatch, 'fitness:checkTestDay', { wardId: s.w.wards.a, date: TODAY, rows: [{ personId: person, measurements: MALE_NO_STEP }] }, s.admin))
    expect(check.ok).toBe(true)
    const grading = check.rows[0]!.grading!
    expect(grading.exempt).toEqual(['step_index'])
    expect(grading.missing).not.toContain('step_index')
    expect(grading.grade).toBeNull()
    expect(grading.gradeWithheld).toBe('exempt')
    // Before it began, the step test is simply missing.
    const earlier = ok(call(s.w.dispatch, 'fitness:checkTestDay', { wardId: s.w.wards.a, date: '2026-10-01', rows: [{ personId: person, measurements: MALE_NO_STEP }] }, s.admin))
    expect(earlier.rows[0]!.grading!.missing).toContain('step_index')
    // Saved: the test keeps the items exempt that day.
    const testId = s.save(person, TODAY, MALE_NO_STEP)
    const saved = ok(call(s.w.dispatch, 'fitness:personHistory', { personId: person }, s.admin)).tests.find((t) => t.id === testId)!
    expect(saved.exemptItems).toEqual(['step_index'])
    expect(saved.grading.gradeWithheld).toBe('exempt')
  })

  it('ends with the version read, refuses an end before the start, and voids with a reason', () => {
    const [c] = ok(call(s.w.dispatch, 'fitness:contraindications', { personId: person }, s.admin))
    expect(err(call(s.w.dispatch, 'fitness:endContraindication', { personId: person, id: c!.id, until: '2026-10-01', revision: 1 }, s.admin)).fields).toHaveProperty('until')
    expect(ok(call(s.w.dispatch, 'fitness:endContraindication', { personId: person, id: c!.id, until: '2026-11-22', revision: 1 }, s.admin))).toEqual({ revision: 2 })
    expect(err(call(s.w.dispatch, 'fitness:endContraindication', { personId: person, id: c!.id, until: '2026-11-21', revision: 1 }, s.admin)).code).toBe('conflict')
    expect(ok(call(s.w.dispatch, 'fitness:testDay', { wardId: s.w.wards.a, date: TODAY }, s.admin)).people.find((p) => p.personId === person)!.exempt).toEqual([])
    ok(call(s.w.dispatch, 'fitness:voidContraindication', { personId: person, id: c!.id, reason: '登记错误' }, s.admin))
    const [voided] = ok(call(s.w.dispatch, 'fitness:contraindications', { personId: person }, s.admin))
    expect(voided!.voided).toMatchObject({ reason: '登记错误' })
    expect(err(call(s.w.dispatch, 'fitness:voidContraindication', { personId: person, id: c!.id, reason: '再次作废' }, s.admin)).code).toBe('rule_violation')
  })
})

describe('ward scoping and roles', () => {
  let s: ReturnType<typeof setup>
  let inA: string
  let inB: string

  beforeAll(() => {
    s = setup()
    inA = s.create()
    inB = s.create({ name: '李四', birthDate: '1985-06-15', idNumber: idNumberFor('1985-06-15', 'M') }, s.w.wards.b)
  })
  afterAll(() => s.w.close())

  it('a ward officer reads their own ward’s fitness, not another ward’s; reading roles never record', () => {
    const officer = s.w.sessions.ward_officer!
    expect(ok(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.a }, officer)).wardId).toBe(s.w.wards.a)
    expect(err(call(s.w.dispatch, 'fitness:wardSummary', { wardId: s.w.wards.b }, officer)).code).toBe('forbidden')
    expect(err(call(s.w.dispatch, 'fitness:personHistory', { personId: inB }, officer)).code).toBe('forbidden')
    expect(ok(call(s.w.dispatch, 'fitness:personHistory', { personId: inA }, officer)).tests).toEqual([])
    expect(err(call(s.w.dispatch, 'fitness:recordContraindication', { personId: inA, kind: 'injury', items: ['grip'], reason: '手腕骨折', from: TODAY }, officer)).code).toBe('forbidden')
    expect(err(call(s.w.dispatch, 'fitness:saveDraft', { wardId: s.w.wards.a, date: TODAY, standardId: STANDARD, rows: [] }, s.w.sessions.counsellor!)).code).toBe('forbidden')
  })

  it('a trainer responsible for both wards records in either (包队责任制)', () => {
    expect(s.save(inB, TODAY, MALE_40_59, s.w.wards.b, s.w.sessions.trainer!)).toBeTruthy()
  })
})
