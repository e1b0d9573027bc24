/**
 * Certificates (issue 12): a batch issued from a course (all or nothing, each refusal at its field), certificates typed
 * in, edited and voided with their revision, a voided number free again, and a person's list with ID masking.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { certNumber, courseWithPassers, type CourseWorld } from './certificateFixtures'
import { call, count, err, makeWorld, ok, TODAY, type World } from './helpers'

let world: World
let course: CourseWorld
let sid: string

beforeEach(() => {
  world = makeWorld(['vocational', 'ward_officer'])
  sid = world.sessions.vocational!
  course = courseWithPassers(world, sid)
})
afterEach(() => world.close())

const issue = (rows: Array<{ personId: string; number: string; direction?: string | null }>, issuedOn = '2026-11-21') =>
  call(world.dispatch, 'certificates:issueBatch', { courseId: course.courseId, issuedOn, evaluationBody: '某市职业技能鉴定中心', rows }, sid)

describe('certificates:issueBatch', () => {
  it('issues to eligible passers, copying name, ID number, occupation, level and the passing attempt', () => {
    const [a, b] = course.people
    const out = ok(issue([{ personId: a!.id, number: certNumber(1) }, { personId: b!.id, number: certNumber(2), direction: '面点制作' }]))
    expect(out.issued).toBe(2)
    const row = world.db.prepare('SELECT * FROM certificates WHERE id = ?').get(out.ids[0]) as Record<string, unknown>
    expect(row).toMatchObject({
      person_id: a!.id, course_id: course.courseId, source: 'course', name: a!.name, id_type: 'resident_id', id_number: a!.idNumber,
      occupation: '中式面点师', occupation_code: '4-03-02-02', level: 5, format: 'skill-level-2019', direction: null, issued_on: '2026-11-21',
    })
    expect(row.exam_attempt_id).not.toBeNull()
    const list = ok(call(world.dispatch, 'certificates:person', { personId: b!.id }, sid))
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ direction: '面点制作', courseName: '中式面点师初级班', voided: null })
  })

  type Case = [label: string, rows: (c: CourseWorld) => Array<{ personId: string; number: string }>, field: string, key: string]
  const cases: Case[] = [
    ['a person who failed the exam', (c) => [{ personId: c.people[0]!.id, number: certNumber(1) }, { personId: c.people[3]!.id, number: certNumber(4) }], 'rows.1.personId', 'cert.not_passed'],
    ['a malformed number', (c) => [{ personId: c.people[0]!.id, number: 'S00011' }], 'rows.0.number', 'cert.wrong_length'],
    ['a number of another year', (c) => [{ personId: c.people[0]!.id, number: certNumber(1, '25') }], 'rows.0.number', 'cert.year_mismatch'],
    ['a number of another level', (c) => [{ personId: c.people[0]!.id, number: certNumber(1, '26', 4) }], 'rows.0.number', 'cert.level_mismatch'],
    ['the same number twice in the batch', (c) => [{ personId: c.people[0]!.id, number: certNumber(1) }, { personId: c.people[1]!.id, number: certNumber(1) }], 'rows.1.number', 'cert.duplicate_in_batch'],
    ['the same person twice', (c) => [{ personId: c.people[0]!.id, number: certNumber(1) }, { personId: c.people[0]!.id, number: certNumber(2) }], 'rows.1.personId', 'cert.person_duplicate_in_batch'],
  ]
  it.each(cases)('refuses %s at its field and writes nothing', (_label, rows, field, key) => {
    const e = err(issue(rows(course)))
    expect(e.fields?.[field]).toMatch(new RegExp(`^${key.replace('.', '\\.')}`))
    expect(count(world.db, 'certificates')).toBe(0)
  })

  it('refuses a number already held by a live certificate, and the person already certified', () => {
    const [a, b] = course.people
    ok(issue([{ personId: a!.id, number: certNumber(1) }]))
    const e = err(issue([{ personId: b!.id, number: certNumber(1) }]))
    expect(e.fields?.['rows.0.number']).toBe('cert.duplicate')
    const again = err(issue([{ personId: a!.id, number: certNumber(9) }]))
    expect(again.fields?.['rows.0.personId']).toBe('cert.certified')
    expect(count(world.db, 'certificates')).toBe(1)
  })

  it.each([
    ['before the course start', '2026-08-31', 'cert.issued_before_course'],
    ['in the future', '2026-11-24', 'cert.date_in_future'],
  ])('refuses an issue date %s', (_label, date, key) => {
    const e = err(issue([{ personId: course.people[0]!.id, number: certNumber(1) }], date))
    expect(e.fields?.issuedOn ?? e.key).toMatch(new RegExp(`^${key.replace('.', '\\.')}`))
    expect(count(world.db, 'certificates')).toBe(0)
  })

  it('accepts the issue date on the course start and today', () => {
    ok(issue([{ personId: course.people[0]!.id, number: certNumber(1) }], '2026-09-01'))
    ok(call(world.dispatch, 'certificates:issueBatch', { courseId: course.courseId, issuedOn: TODAY, evaluationBody: 'X', rows: [{ personId: course.people[1]!.id, number: certNumber(2) }] }, sid))
  })

  it('is refused to a ward officer (vocational.record)', () => {
    const e = err(call(world.dispatch, 'certificates:issueBatch', { courseId: course.courseId, issuedOn: '2026-11-21', evaluationBody: 'X', rows: [{ personId: course.people[0]!.id, number: certNumber(1) }] }, world.sessions.ward_officer!))
    expect(e.code).toBe('forbidden')
  })
})

describe('certificates typed in, edited and voided', () => {
  const manual = (c: CourseWorld, overrides: Record<string, unknown> = {}) => ({
    personId: c.people[0]!.id, number: certNumber(50, '24', 4), evaluationBody: '外省职业技能评价中心', issuedOn: '2024-06-01',
    occupation: '电工', level: 4, idType: 'resident_id' as const, idNumber: c.people[0]!.idNumber, name: c.people[0]!.name, ...overrides,
  })

  it('creates with the holder’s name and ID number; a different name or number on a resident ID is refused at the field', () => {
    ok(call(world.dispatch, 'certificates:create', manual(course), sid))
    const wrongName = err(call(world.dispatch, 'certificates:create', manual(course, { number: certNumber(51, '24', 4), name: '王大明' }), sid))
    expect(wrongName.fields?.name).toMatch(/^cert\.name_mismatch/)
    const wrongId = err(call(world.dispatch, 'certificates:create', manual(course, { number: certNumber(51, '24', 4), idNumber: course.people[1]!.idNumber }), sid))
    expect(wrongId.fields?.idNumber).toBe('cert.id_number_mismatch')
    // A passport is not compared with the file (which holds the resident ID number).
    ok(call(world.dispatch, 'certificates:create', manual(course, { number: certNumber(52, '24', 4), idType: 'passport', idNumber: 'E12345678', name: 'WANG XIAOMING' }), sid))
    expect(count(world.db, 'certificates')).toBe(2)
  })

  it('updates with the revision read; a stale revision is refused and changes nothing', () => {
    const { id } = ok(call(world.dispatch, 'certificates:create', manual(course), sid))
    const { revision } = ok(call(world.dispatch, 'certificates:update', { id, revision: 1, ...manual(course, { occupation: '维修电工' }) }, sid))
    expect(revision).toBe(2)
    const stale = err(call(world.dispatch, 'certificates:update', { id, revision: 1, ...manual(course, { occupation: '电工' }) }, sid))
    expect(stale.code).toBe('conflict')
    expect((world.db.prepare('SELECT occupation FROM certificates WHERE id = ?').get(id) as { occupation: string }).occupation).toBe('维修电工')
    const staleVoid = err(call(world.dispatch, 'certificates:void', { id, revision: 1, reason: '录入错误' }, sid))
    expect(staleVoid.code).toBe('conflict')
  })

  it('voids with a reason; the voided number may be recorded again and the list marks the voided one', () => {
    const { id } = ok(call(world.dispatch, 'certificates:create', manual(course), sid))
    expect(err(call(world.dispatch, 'certificates:create', manual(course), sid)).fields?.number).toBe('cert.duplicate')
    ok(call(world.dispatch, 'certificates:void', { id, revision: 1, reason: '编号录错' }, sid))
    ok(call(world.dispatch, 'certificates:create', manual(course), sid))
    const list = ok(call(world.dispatch, 'certificates:person', { personId: course.people[0]!.id }, sid))
    expect(list.map((c) => c.voided?.reason ?? null).sort()).toEqual(['编号录错', null].sort())
  })

  it('shows the ID number whole to the administrator and masked to vocational staff', () => {
    ok(call(world.dispatch, 'certificates:create', manual(course), sid))
    const personId = course.people[0]!.id
    const full = course.people[0]!.idNumber
    expect(ok(call(world.dispatch, 'certificates:person', { personId }, world.sessions.admin!))[0]!.idNumber).toBe(full)
    expect(ok(call(world.dispatch, 'certificates:person', { personId }, sid))[0]!.idNumber).toBe(`${full.slice(0, 6)}********${full.slice(14)}`)
  })
})

describe('academic records (中专)', () => {
  it('creates (default 中专), updates with its revision, voids, and checks the end date against the status', () => {
    const personId = course.people[0]!.id
    const base = { personId, school: '某市职业中等专业学校', programme: '烹饪', enrolledOn: '2026-03-01', status: 'studying' as const }
    const { id } = ok(call(world.dispatch, 'academic:create', base, sid))
    expect(ok(call(world.dispatch, 'academic:person', { personId }, sid))[0]).toMatchObject({ educationLevel: '中专', status: 'studying', revision: 1 })
    expect(err(call(world.dispatch, 'academic:update', { id, revision: 1, ...base, status: 'graduated' }, sid)).fields?.endedOn).toBe('academic.ended_on_status')
    ok(call(world.dispatch, 'academic:update', { id, revision: 1, ...base, status: 'graduated', endedOn: '2026-07-01', diplomaNumber: 'ZZ2026001' }, sid))
    expect(err(call(world.dispatch, 'academic:update', { id, revision: 1, ...base }, sid)).code).toBe('conflict')
    ok(call(world.dispatch, 'academic:void', { personId, id, revision: 2, reason: '重复登记' }, sid))
    expect(ok(call(world.dispatch, 'academic:person', { personId }, sid))[0]!.voided?.reason).toBe('重复登记')
  })
})
