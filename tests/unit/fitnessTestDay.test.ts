/**
 * Issue 11: a ward's fitness test day on a real database — the roster from the ward history, the dry-run check with
 * row-level errors, the all-or-nothing save graded by the one engine, and drafts kept and resumed with their version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { gradeFitness } from '../../electron/shared/domain/fitness'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import { MALE_40_59, MALE_FULL, STANDARD, idNumberFor } from './fitnessFixtures'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World, seenWard } from './helpers'

describe('a ward test day', () => {
  let w: World
  let trainer: string
  let zhang: string
  let li: string
  let wang: string
  let old: string
  let other: string

  const day = (rows: Input<'fitness:saveTestDay'>['rows'], extra: Partial<Input<'fitness:saveTestDay'>> = {}): Input<'fitness:saveTestDay'> => ({
    wardId: w.wards.a, date: TODAY, standardId: STANDARD, rows, ...extra,
  })

  beforeAll(() => {
    w = makeWorld(['trainer', 'counsellor'])
    trainer = w.sessions.trainer!
    const create = (overrides: Parameters<typeof personInput>[1], ward = w.wards.a) => ok(call(w.dispatch, 'people:create', personInput(ward, overrides), w.sessions.admin!)).id
    zhang = create({})
    li = create({ name: '李四', birthDate: '1985-06-15', idNumber: idNumberFor('1985-06-15', 'M') })
    wang = create({ name: '王芳', sex: 'F', birthDate: '1992-01-01', idNumber: idNumberFor('1992-01-01', 'F') })
    // 65 on the test date: outside the 20–59 standard.
    old = create({ name: '赵老', birthDate: '1961-01-01', idNumber: idNumberFor('1961-01-01', 'M') })
    other = create({ name: '钱五', birthDate: '1988-08-08', idNumber: idNumberFor('1988-08-08', 'M') }, w.wards.b)
  })
  afterAll(() => w.close())

  it('lists everyone in the ward that day with age, sex and the items that apply (push-ups for men, sit-ups for women)', () => {
    const d = ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date: TODAY }, trainer))
    expect(d.standardId).toBe(STANDARD)
    expect(d.people.map((p) => p.personId).sort()).toEqual([zhang, li, wang, old].sort())
    const byId = new Map(d.people.map((p) => [p.personId, p]))
    expect(byId.get(zhang)).toMatchObject({ sex: 'M', age: 36, covered: true, saved: null, exempt: [], idNumberMasked: '110101********0011' })
    expect(byId.get(zhang)!.applicable).toContain('push_ups')
    expect(byId.get(zhang)!.notApplicable).toContain('sit_ups')
    expect(byId.get(wang)!.applicable).toContain('sit_ups')
    expect(byId.get(old)).toMatchObject({ age: 65, covered: false, applicable: [] })
    expect(d.draft).toBeNull()
  })

  it('checks a day without saving: each row graded by the engine, every problem on its row and field', () => {
    const standard = getFitnessStandard(STANDARD)!
    const vc = standard.plausible.vital_capacity_ml
    const check = ok(call(w.dispatch, 'fitness:checkTestDay', day([
      { personId: zhang, measurements: MALE_FULL },
      { personId: li, measurements: { ...MALE_40_59, vital_capacity_ml: vc.max + 1000 } },
      { personId: zhang, measurements: { grip_kg: 40 } },
      { personId: other, measurements: { grip_kg: 40 } },
      { personId: '00000000-0000-4000-8000-000000000000', measurements: { grip_kg: 40 } },
      { personId: old, measurements: { grip_kg: 40 } },
      { personId: wang, measurements: {} },
    ]), trainer))
    expect(check.ok).toBe(false)
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'rows.1.vital_capacity_ml', 'implausible'],
      [2, 'rows.2.personId', 'duplicate_person'],
      [3, 'rows.3.personId', 'not_in_ward'],
      [4, 'rows.4.personId', 'unknown_person'],
      [5, 'rows.5.personId', 'age_not_covered'],
      [6, 'rows.6.personId', 'no_measurements'],
    ])
    expect(check.errors[0]!.params).toMatchObject({ min: vc.min, max: vc.max })
    expect(check.errors[0]!.message).toMatch(/^fitness\.implausible\|/)
    expect(check.errors[1]!.params).toEqual({ row: 1 })
    const expected = gradeFitness(standard, { sex: 'M', age: 36 }, MALE_FULL)
    expect(expected.covered).toBe(true)
    if (!expected.covered) return
    expect(check.rows[0]!.grading).toMatchObject({ covered: true, items: expected.items, total: expected.total, grade: expected.grade, gradeWithheld: expected.gradeWithheld })
    expect(check.rows[3]!.grading).toBeNull()
    expect(count(w.db, 'fitness_tests')).toBe(0)
  })

  it('a value in a column that does not apply to the person is refused on its cell, not stored unseen', () => {
    const check = ok(call(w.dispatch, 'fitness:checkTestDay', day([
      // 王芳 is a woman (no push-ups), 李四 is 41 (no push-ups, no vertical jump at 40–59).
      { personId: wang, measurements: { grip_kg: 28, push_ups: 10 } },
      { personId: li, measurements: { ...MALE_40_59, vertical_jump_cm: 30 } },
      { personId: zhang, measurements: MALE_FULL },
    ]), trainer))
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [0, 'rows.0.push_ups', 'not_applicable'],
      [1, 'rows.1.vertical_jump_cm', 'not_applicable'],
    ])
  })

  it('a date in the future is refused for the whole day', () => {
    const check = ok(call(w.dispatch, 'fitness:checkTestDay', day([{ personId: zhang, measurements: MALE_FULL }], { date: '2026-11-24' }), trainer))
    expect(check.errors).toEqual([expect.objectContaining({ row: null, personId: null, field: 'date', code: 'future_date' })])
  })

  it('a day before the admission is outside the stay: not in the ward yet', () => {
    const check = ok(call(w.dispatch, 'fitness:checkTestDay', day([{ personId: zhang, measurements: MALE_FULL }], { date: '2026-05-31' }), trainer))
    expect(check.errors.map((e) => e.code)).toEqual(['not_in_ward'])
  })

  it('saves all or nothing: one bad row refuses the batch with row-level fields and saves nothing', () => {
    const standard = getFitnessStandard(STANDARD)!
    const auditBefore = count(w.db, 'audit_log')
    const e = err(call(w.dispatch, 'fitness:saveTestDay', day([
      { personId: zhang, measurements: MALE_FULL },
      { personId: li, measurements: { ...MALE_40_59, choice_reaction_s: standard.plausible.choice_reaction_s.max + 10 } },
    ]), trainer))
    expect(e.code).toBe('invalid_input')
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['_', 'rows.1.choice_reaction_s'])
    expect(e.fields!._).toBe('fitness.has_errors|{"count":1}')
    expect(e.fields!['rows.1.choice_reaction_s']).toMatch(/^fitness\.implausible\|/)
    expect(count(w.db, 'fitness_tests')).toBe(0)
    expect(count(w.db, 'fitness_measurements')).toBe(0)
    expect(count(w.db, 'audit_log')).toBe(auditBefore)
  })

  it('saves a good day as one batch: tests with raw measurements apart from the graded points, one audit row', () => {
    const auditBefore = count(w.db, 'audit_log')
    const women = { height_cm: 160, weight_kg: 52, vital_capacity_ml: 2600, step_index: 55, grip_kg: 28, sit_ups: 25, vertical_jump_cm: 28, sit_and_reach_cm: 10, choice_reaction_s: 0.55, single_leg_stand_s: 18 }
    const { testIds } = ok(call(w.dispatch, 'fitness:saveTestDay', day([
      { personId: zhang, measurements: MALE_FULL },
      { personId: wang, measurements: women },
    ]), trainer))
    expect(testIds).toHaveLength(2)
    expect(count(w.db, 'fitness_measurements')).toBe(Object.keys(MALE_FULL).length + Object.keys(women).length)
    expect(count(w.db, 'audit_log')).toBe(auditBefore + 1)
    const d = ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date: TODAY }, trainer))
    const saved = d.people.find((p) => p.personId === zhang)!.saved!
    expect(saved.measurements).toEqual(MALE_FULL)
    expect(saved).toMatchObject({ sex: 'M', age: 36, standardId: STANDARD, revision: 1, wardId: w.wards.a, voided: null })
    const expected = gradeFitness(getFitnessStandard(STANDARD)!, { sex: 'M', age: 36 }, MALE_FULL)
    expect(saved.grading).toMatchObject({ kind: 'original', total: expected.covered ? expected.total : null, gradedBy: 'trainer-staff' })
    // A second save of the same person that day is refused: it is an edit of the saved test.
    const again = ok(call(w.dispatch, 'fitness:checkTestDay', day([{ personId: zhang, measurements: MALE_FULL }]), trainer))
    expect(again.errors.map((x) => x.code)).toEqual(['already_saved'])
  })

  it('reading roles may look but not record', () => {
    expect(ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date: TODAY }, w.sessions.counsellor!)).people.length).toBe(4)
    expect(err(call(w.dispatch, 'fitness:saveTestDay', day([{ personId: li, measurements: MALE_FULL }]), w.sessions.counsellor!)).code).toBe('forbidden')
  })
})

describe('the roster follows the ward history', () => {
  let w: World
  let mover: string

  beforeAll(() => {
    w = makeWorld(['trainer'])
    mover = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
    // Moved to 二大队 on 2026-10-01: that day belongs to the new ward.
    ok(call(w.dispatch, 'people:assignWard', { id: mover, seen: seenWard(w.db, mover), wardId: w.wards.b, effectiveDate: '2026-10-01', note: null }, w.sessions.admin!))
  })
  afterAll(() => w.close())

  const roster = (wardId: string, date: string) => ok(call(w.dispatch, 'fitness:testDay', { wardId, date }, w.sessions.trainer!)).people.map((p) => p.personId)

  it('lists a person in the ward they were in on the date, on both sides of a move', () => {
    expect(roster(w.wards.a, '2026-09-30')).toEqual([mover])
    expect(roster(w.wards.b, '2026-09-30')).toEqual([])
    expect(roster(w.wards.a, '2026-10-01')).toEqual([])
    expect(roster(w.wards.b, '2026-10-01')).toEqual([mover])
  })

  it('a test saved for the old ward keeps that ward after the move', () => {
    ok(call(w.dispatch, 'fitness:saveTestDay', { wardId: w.wards.a, date: '2026-09-15', standardId: STANDARD, rows: [{ personId: mover, measurements: MALE_FULL }] }, w.sessions.trainer!))
    const wrongWard = ok(call(w.dispatch, 'fitness:checkTestDay', { wardId: w.wards.a, date: '2026-10-15', rows: [{ personId: mover, measurements: MALE_FULL }] }, w.sessions.trainer!))
    expect(wrongWard.errors.map((e) => e.code)).toEqual(['not_in_ward'])
    const history = ok(call(w.dispatch, 'fitness:personHistory', { personId: mover }, w.sessions.trainer!))
    expect(history.tests.map((t) => [t.date, t.wardId])).toEqual([['2026-09-15', w.wards.a]])
    expect(ok(call(w.dispatch, 'fitness:wardSummary', { wardId: w.wards.a }, w.sessions.trainer!)).latestTestDate).toBe('2026-09-15')
    expect(ok(call(w.dispatch, 'fitness:wardSummary', { wardId: w.wards.b }, w.sessions.trainer!)).latestTestDate).toBeNull()
  })
})

describe('test-day drafts', () => {
  let w: World
  let trainer: string
  let admin: string
  let zhang: string
  const date = '2026-11-20'

  beforeAll(() => {
    w = makeWorld(['trainer'])
    trainer = w.sessions.trainer!
    admin = w.sessions.admin!
    zhang = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id
  })
  afterAll(() => w.close())

  it('keeps a half-finished day, resumes it with the roster, and refuses a stale version', () => {
    const first = ok(call(w.dispatch, 'fitness:saveDraft', { wardId: w.wards.a, date, standardId: STANDARD, rows: [{ personId: zhang, measurements: { height_cm: 172 } }] }, trainer))
    expect(first.revision).toBe(1)
    // A second new draft for the same ward and day would hide the first: refused.
    expect(err(call(w.dispatch, 'fitness:saveDraft', { wardId: w.wards.a, date, standardId: STANDARD, rows: [] }, admin)).code).toBe('conflict')
    const second = ok(call(w.dispatch, 'fitness:saveDraft', { wardId: w.wards.a, date, standardId: STANDARD, rows: [{ personId: zhang, measurements: { height_cm: 172, weight_kg: 68 } }], revision: 1 }, admin))
    expect(second).toEqual({ id: first.id, revision: 2 })
    // The trainer still at revision 1 would overwrite the administrator's values: refused, nothing changed.
    expect(err(call(w.dispatch, 'fitness:saveDraft', { wardId: w.wards.a, date, standardId: STANDARD, rows: [], revision: 1 }, trainer)).code).toBe('conflict')
    const d = ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date }, trainer))
    expect(d.draft).toMatchObject({ id: first.id, revision: 2, standardId: STANDARD, rows: [{ personId: zhang, measurements: { height_cm: 172, weight_kg: 68 } }], updatedBy: ADMIN_NAME })
  })

  it('saving the day closes the draft it names (version-checked); a stale draft version saves nothing', () => {
    const draft = ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date }, trainer)).draft!
    const rows = [{ personId: zhang, measurements: MALE_FULL }]
    expect(err(call(w.dispatch, 'fitness:saveTestDay', { wardId: w.wards.a, date, standardId: STANDARD, rows, draftId: draft.id, draftRevision: 1 }, trainer)).code).toBe('conflict')
    expect(count(w.db, 'fitness_tests')).toBe(0)
    ok(call(w.dispatch, 'fitness:saveTestDay', { wardId: w.wards.a, date, standardId: STANDARD, rows, draftId: draft.id, draftRevision: draft.revision }, trainer))
    expect(count(w.db, 'fitness_tests')).toBe(1)
    expect(ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.a, date }, trainer)).draft).toBeNull()
    expect(w.db.prepare('SELECT close_reason AS r FROM fitness_drafts WHERE id = ?').get(draft.id)).toEqual({ r: 'saved' })
  })

  it('a discarded draft is kept, closed, never deleted; discarding needs the current version', () => {
    const d = ok(call(w.dispatch, 'fitness:saveDraft', { wardId: w.wards.b, date, standardId: STANDARD, rows: [] }, trainer))
    expect(err(call(w.dispatch, 'fitness:discardDraft', { wardId: w.wards.b, id: d.id, revision: 2 }, trainer)).code).toBe('conflict')
    ok(call(w.dispatch, 'fitness:discardDraft', { wardId: w.wards.b, id: d.id, revision: 1 }, trainer))
    expect(ok(call(w.dispatch, 'fitness:testDay', { wardId: w.wards.b, date }, trainer)).draft).toBeNull()
    expect(w.db.prepare('SELECT close_reason AS r FROM fitness_drafts WHERE id = ?').get(d.id)).toEqual({ r: 'discarded' })
    // The ward named must be the draft's.
    expect(err(call(w.dispatch, 'fitness:discardDraft', { wardId: w.wards.a, id: d.id, revision: 1 }, trainer)).code).toBe('not_found')
  })
})

const ADMIN_NAME = '管理员甲'
