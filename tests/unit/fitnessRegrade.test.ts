/**
 * Issue 11: re-grading a saved test under another standard is one action, kept beside the original (like psychology
 * re-scores). A facility adds a standard as a norms file; here a second one is added to the loaded list: the shipped
 * standard re-issued for ages 40–59 only, so a man of 36 is "not covered by this standard" under it, never given a
 * wrong grade.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MALE_FULL, STANDARD } from './fitnessFixtures'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

const { OTHER } = vi.hoisted(() => ({ OTHER: 'TEST-women-only' }))

vi.mock('../../electron/core/fitness/norms', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/fitness/norms')>()
  const shipped = real.getFitnessStandard(real.DEFAULT_STANDARD_ID)!
  const standards = [...real.FITNESS_STANDARDS, { ...shipped, id: OTHER, version: 'test-1', sexes: ['F' as const] }]
  return { ...real, listFitnessStandards: () => standards, getFitnessStandard: (id: string) => standards.find((s) => s.id === id) }
})

describe('re-grading a test under another standard', () => {
  let w: World
  let person: string
  let testId: string

  beforeAll(() => {
    w = makeWorld(['trainer'])
    person = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
    testId = ok(call(w.dispatch, 'fitness:saveTestDay', { wardId: w.wards.a, date: TODAY, standardId: STANDARD, rows: [{ personId: person, measurements: MALE_FULL }] }, w.sessions.trainer!)).testIds[0]!
  })
  afterAll(() => w.close())

  it('lists both standards', () => {
    const { standards, defaultStandardId } = ok(call(w.dispatch, 'fitness:standards', {}, w.sessions.trainer!))
    expect(defaultStandardId).toBe(STANDARD)
    expect(standards.map((s) => s.id)).toEqual(expect.arrayContaining([STANDARD, OTHER]))
  })

  it('keeps the re-grade beside the original, which stays the test’s grade; an edit grades both again', () => {
    const before = ok(call(w.dispatch, 'fitness:personHistory', { personId: person }, w.sessions.trainer!)).tests[0]!
    const { grading } = ok(call(w.dispatch, 'fitness:regrade', { personId: person, id: testId, standardId: OTHER, note: '按新标准复核' }, w.sessions.trainer!))
    expect(grading).toMatchObject({ kind: 'regrade', standardId: OTHER, standardVersion: 'test-1', covered: false, grade: null, gradeWithheld: 'sex_outside', note: '按新标准复核' })
    const after = ok(call(w.dispatch, 'fitness:personHistory', { personId: person }, w.sessions.trainer!)).tests[0]!
    expect(after.grading).toEqual(before.grading)
    expect(after.regrades.map((g) => g.id)).toEqual([grading.id])
    expect(after.measurements).toEqual(MALE_FULL)

    ok(call(w.dispatch, 'fitness:updateTest', { personId: person, id: testId, revision: 1, measurements: { ...MALE_FULL, grip_kg: 44 } }, w.sessions.trainer!))
    const edited = ok(call(w.dispatch, 'fitness:personHistory', { personId: person }, w.sessions.trainer!)).tests[0]!
    expect(edited.grading.standardId).toBe(STANDARD)
    expect(edited.regrades).toHaveLength(1)
    expect(edited.regrades[0]).toMatchObject({ standardId: OTHER, note: '按新标准复核' })
    expect(edited.regrades[0]!.id).not.toBe(grading.id)
    // Nothing overwritten: the two first gradings are kept, superseded.
    expect(count(w.db, 'fitness_gradings')).toBe(4)
  })

  it('re-grading under the test’s own standard, or an unknown one, is refused and changes nothing', () => {
    const n = count(w.db, 'fitness_gradings')
    expect(err(call(w.dispatch, 'fitness:regrade', { personId: person, id: testId, standardId: STANDARD }, w.sessions.trainer!)).fields).toHaveProperty('standardId')
    expect(err(call(w.dispatch, 'fitness:regrade', { personId: person, id: testId, standardId: 'no-such' }, w.sessions.trainer!)).fields).toHaveProperty('standardId')
    expect(count(w.db, 'fitness_gradings')).toBe(n)
  })
})
