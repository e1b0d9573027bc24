/**
 * The certificate roster (证书花名册): filters and totals, ID masking by role and privacy option, what a public notice
 * leaves out, ward scope for a ward officer; and the import of certificates issued elsewhere (row-level problems,
 * nothing written until every row is clean).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { levelWording } from '../../electron/shared/domain/certificates'
import type { CertImportRowInput } from '../../electron/shared/contract'
import { certNumber, courseWithPassers, type CourseWorld } from './certificateFixtures'
import { call, count, err, makeWorld, ok, type World } from './helpers'

let world: World
let course: CourseWorld
let sid: string

beforeAll(() => {
  world = makeWorld(['vocational', 'ward_officer'])
  sid = world.sessions.vocational!
  course = courseWithPassers(world, sid)
  const passers = [...course.people.filter((_, i) => i !== 3), course.other]
  ok(call(world.dispatch, 'certificates:issueBatch', {
    courseId: course.courseId, issuedOn: '2026-11-21', evaluationBody: '某市职业技能鉴定中心',
    rows: passers.map((p, i) => ({ personId: p.id, number: certNumber(i + 1) })),
  }, sid))
  // One held from elsewhere, typed in: another year, level and body.
  ok(call(world.dispatch, 'certificates:create', {
    personId: course.people[3]!.id, number: certNumber(90, '24', 4), evaluationBody: '外省职业技能评价中心', issuedOn: '2024-06-01',
    occupation: '电工', level: 4, idType: 'resident_id', idNumber: course.people[3]!.idNumber, name: course.people[3]!.name,
  }, sid))
})
afterAll(() => world.close())

const roster = (input: Record<string, unknown>, session = sid) => ok(call(world.dispatch, 'certificates:roster', { offset: 0, limit: 100, ...input }, session))

describe('certificates:roster', () => {
  it.each([
    ['no filter', {}, 6, 6, { 4: 1, 5: 5 }],
    ['the course', { courseId: '' }, 5, 5, { 4: 0, 5: 5 }],
    ['an occupation', { occupation: '电工' }, 1, 1, { 4: 1, 5: 0 }],
    ['a level', { level: 5 }, 5, 5, { 4: 0, 5: 5 }],
    ['an issue period', { issuedFrom: '2024-01-01', issuedTo: '2024-12-31' }, 1, 1, { 4: 1, 5: 0 }],
    ['an evaluation body', { evaluationBody: '某市职业技能鉴定中心' }, 5, 5, { 4: 0, 5: 5 }],
    ['a period with nothing', { issuedFrom: '2025-01-01', issuedTo: '2025-12-31' }, 0, 0, { 4: 0, 5: 0 }],
  ])('filters by %s with totals', (_label, filter, certificates, people, byLevel) => {
    const input = 'courseId' in filter ? { courseId: course.courseId } : filter
    const r = roster(input)
    expect(r.total).toBe(certificates)
    expect(r.rows).toHaveLength(certificates)
    expect(r.totals.people).toBe(people)
    expect(r.totals.byLevel).toMatchObject(byLevel)
  })

  it('lists in issue order with sequence numbers, level wording, "--" for no trade, scores and the course', () => {
    const r = roster({})
    expect(r.rows.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6])
    expect(r.rows[0]).toMatchObject({ issuedOn: '2024-06-01', occupation: '电工', direction: '--', levelWording: levelWording(4), courseName: null })
    expect(r.rows[1]).toMatchObject({ levelWording: '五级/初级工', courseName: '中式面点师初级班', courseStart: '2026-09-01', theory: 80, practical: 85, coursePlace: '职训楼201', ward: '一大队' })
    const page = roster({ offset: 2, limit: 2 })
    expect(page.rows.map((x) => x.seq)).toEqual([3, 4])
    expect(page.total).toBe(6)
  })

  it('shows full ID numbers only to an administrator on an internal roster; public always masks and withholds', () => {
    const full = course.people[0]!.idNumber
    const masked = `${full.slice(0, 6)}********${full.slice(14)}`
    const line = (r: { rows: Array<{ personId: string; idNumberShown: string }> }) => r.rows.find((x) => x.personId === course.people[0]!.id)!
    const adminInternal = roster({ privacy: 'internal' }, world.sessions.admin!)
    expect(adminInternal.fullIdNumbers).toBe(true)
    expect(line(adminInternal).idNumberShown).toBe(full)
    const vocational = roster({ privacy: 'internal' })
    expect(vocational.fullIdNumbers).toBe(false)
    expect(line(vocational).idNumberShown).toBe(masked)
    const adminPublic = roster({ privacy: 'public' }, world.sessions.admin!)
    expect(line(adminPublic).idNumberShown).toBe(masked)
    for (const row of adminPublic.rows) expect(row).toMatchObject({ ward: null, coursePlace: null, theory: null, practical: null })
  })

  it('gives a ward officer only the certificates of people in his ward', () => {
    const r = roster({}, world.sessions.ward_officer!)
    expect(r.rows.map((x) => x.personId)).not.toContain(course.other.id)
    expect(r.total).toBe(5)
    expect(r.totals.certificates).toBe(5)
  })

  it('offers the filter values', () => {
    const o = ok(call(world.dispatch, 'certificates:rosterOptions', {}, sid))
    expect(o.evaluationBodies).toEqual(['外省职业技能评价中心', '某市职业技能鉴定中心'].sort())
    expect(o.occupations.sort()).toEqual(['中式面点师', '电工'].sort())
    expect(o.years).toEqual([2026, 2025, 2024])
    expect(o.courses.map((c) => c.id)).toContain(course.courseId)
  })
})

describe('certificate import', () => {
  const row = (n: number, overrides: Partial<CertImportRowInput['cells']> = {}): CertImportRowInput => ({
    row: n,
    cells: {
      name: course.people[0]!.name, idType: '居民身份证', idNumber: course.people[0]!.idNumber, occupation: '家政服务员', level: '四级/中级工',
      number: certNumber(200 + n, '25', 4), issuedOn: '2025-05-20', evaluationBody: '某家政服务评价机构', ...overrides,
    },
  })

  it.each([
    ['a missing mandatory field', { evaluationBody: '' }, 'evaluationBody', 'cert.required'],
    ['a level in other words', { level: '中级' }, 'level', 'cert.bad_level'],
    ['an unknown ID type', { idType: '军官证' }, 'idType', 'cert.bad_id_type'],
    ['a date that is no date', { issuedOn: '2025-02-30' }, 'issuedOn', 'cert.bad_date'],
    ['a date in the future', { issuedOn: '2026-12-01', number: certNumber(299, '26', 4) }, 'issuedOn', 'cert.date_in_future'],
    ['a number of another year', { number: certNumber(298, '24', 4) }, 'number', 'cert.year_mismatch'],
    ['a number already recorded', { number: certNumber(1), level: '5', issuedOn: '2026-11-21' }, 'number', 'cert.duplicate'],
    ['nobody with that ID number', { idNumber: '110101200001010016' }, 'idNumber', 'cert.person_not_found'],
    ['a name not the file’s', { name: '王大明' }, 'name', 'cert.name_mismatch'],
  ])('names %s at its row and column', (_label, overrides, column, code) => {
    const before = count(world.db, 'certificates')
    const check = ok(call(world.dispatch, 'certificates:importCheck', { rows: [row(2), row(3, overrides as never)] }, sid))
    expect(check.rows[0]!.problems).toEqual([])
    expect(check.rows[1]!.problems).toContainEqual(expect.objectContaining({ column, code }))
    expect(check.counts).toEqual({ total: 2, clean: 1, withProblems: 1 })
    expect(err(call(world.dispatch, 'certificates:import', { rows: [row(2), row(3, overrides as never)] }, sid)).key).toMatch(/^cert\.import_refused/)
    expect(count(world.db, 'certificates')).toBe(before)
  })

  it('refuses the same number twice in a file, naming the first row', () => {
    const check = ok(call(world.dispatch, 'certificates:importCheck', { rows: [row(2), row(3, { number: certNumber(202, '25', 4) })] }, sid))
    expect(check.rows[1]!.problems).toEqual([{ column: 'number', code: 'cert.duplicate_in_file', params: { row: 2 } }])
  })

  it('imports every row of a clean file under one batch, copying the file’s name', () => {
    const before = count(world.db, 'certificates')
    const rows = [row(2), row(3, { name: course.people[1]!.name, idNumber: course.people[1]!.idNumber.toLowerCase(), level: '4', direction: '--' })]
    const out = ok(call(world.dispatch, 'certificates:import', { fileName: 'x.xlsx', rows }, sid))
    expect(out.imported).toBe(2)
    expect(count(world.db, 'certificates')).toBe(before + 2)
    const stored = world.db.prepare('SELECT source, import_batch AS batch, direction, level, id_number AS idNumber FROM certificates WHERE id IN (?, ?)').all(...out.ids) as Array<Record<string, unknown>>
    expect(stored.every((s) => s.source === 'import' && s.batch === out.batch && s.direction === null && s.level === 4)).toBe(true)
    expect(stored.map((s) => s.idNumber)).toContain(course.people[1]!.idNumber)
  })
})
