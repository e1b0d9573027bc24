/**
 * The benchmark facility generator (tests/bench/facility.ts) at a tiny size: what it writes is what the app's own
 * rules would accept and show, it is the same for the same seed, and its cache is reused and never left half-written.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { scoreWithSettings } from '../../electron/core/psych/assessmentService'
import { getInstrument } from '../../electron/core/psych/instruments'
import { psychSettings } from '../../electron/core/psych/psychSettings'
import type { PersonFile, PersonListRow, WardSummary } from '../../electron/shared/contract'
import { checkCertificateNumber } from '../../electron/shared/domain/certificates/numbers'
import { checkIdNumber } from '../../electron/shared/domain/idNumber'
import { registerOn } from '../../electron/core/courses/sessionQueries'
import { ensureBenchFacility, generateBenchFacility, type FacilitySize } from '../bench/facility'
import { signedInCaller, TODAY } from './helpers'

const TINY: FacilitySize = { wards: 2, residentsPerWard: 20, past: 300, assessments: 1500 }

function tinyFacility(seed: number): Db {
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed, today: TODAY, size: TINY })
  return db
}

const rows = <T>(db: Db, sql: string) => db.prepare(sql).all() as T[]

describe('benchmark facility', () => {
  const db = tinyFacility(3)
  const call = signedInCaller(db)
  afterAll(() => db.close())

  it('fills every ward with residents and keeps past files out of the wards', () => {
    expect(call<WardSummary[]>('wards:list', {}).map((w) => w.occupancy)).toEqual([20, 20])
    const past = rows<{ period: string | null; last_day: string; open: number; reached: string }>(
      db,
      `SELECT period, last_day, (SELECT count(*) FROM ward_assignments a WHERE a.person_id = p.id AND a.end_date IS NULL) AS open,
              (SELECT to_period FROM period_moves m WHERE m.person_id = p.id ORDER BY effective_date DESC LIMIT 1) AS reached
       FROM people p WHERE ward_id IS NULL`,
    )
    expect(past).toHaveLength(300)
    expect(past.every((p) => p.period === null && p.last_day < TODAY && p.open === 0 && p.reached === 'return')).toBe(true)
  })

  it('gives every file a valid, unique ID number that agrees with its birth date and sex', () => {
    const people = rows<{ id_number: string; birth_date: string; sex: 'M' | 'F' }>(db, 'SELECT id_number, birth_date, sex FROM people')
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length)
    for (const p of people) {
      expect(checkIdNumber(p.id_number, TODAY)).toMatchObject({ valid: true, birthDate: p.birth_date, sex: p.sex })
    }
  })

  it('finds and opens a past file through the dispatcher', () => {
    const { id_number: idNumber } = rows<{ id_number: string }>(db, 'SELECT id_number FROM people WHERE ward_id IS NULL LIMIT 1')[0]!
    const found = call<PersonListRow[]>('people:search', { q: idNumber })
    expect(found).toHaveLength(1)
    const file = call<PersonFile>('people:get', { id: found[0]!.id })
    expect(file.wardId).toBeNull()
    expect(file.term.result!.lastDay < TODAY).toBe(true)
    expect(file.periods.length).toBeGreaterThan(0)
  })

  it('stores exactly the assessments asked for, inside each stay, scored as the engine scores them', () => {
    const stored = rows<{ instrument_id: string; answers: string; result: string; administered_on: string; admission_date: string; left_on: string | null }>(
      db,
      `SELECT a.instrument_id, a.answers, a.result, a.administered_on, p.admission_date,
              (SELECT max(end_date) FROM ward_assignments w WHERE w.person_id = p.id AND p.ward_id IS NULL) AS left_on
       FROM assessments a JOIN people p ON p.id = a.person_id`,
    )
    expect(stored).toHaveLength(TINY.assessments)
    expect(stored.every((a) => a.administered_on >= a.admission_date && a.administered_on <= (a.left_on ?? TODAY))).toBe(true)
    const settings = psychSettings(db)
    for (const a of stored.filter((_, i) => i % 25 === 0)) {
      const rescored = scoreWithSettings(getInstrument(a.instrument_id)!, JSON.parse(a.answers) as number[], settings)
      expect(JSON.parse(a.result)).toEqual(JSON.parse(JSON.stringify(rescored)))
    }
  })

  it('writes the same files for the same seed', () => {
    const again = tinyFacility(3)
    const content = (d: Db) => JSON.stringify(rows(d, 'SELECT id, name, id_number, ward_id, last_day FROM people ORDER BY id'))
    expect(content(again)).toBe(content(db))
    again.close()
  })
})

describe('benchmark facility courses and certificates (issue 12)', () => {
  const SIZE: FacilitySize = { ...TINY, past: 600, attendance: 3000, certificates: 250 }
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed: 5, today: TODAY, size: SIZE })
  afterAll(() => db.close())

  it('holds exactly the attendance rows and certificates asked for, ~600 courses over 15 years', () => {
    expect(rows<{ n: number }>(db, 'SELECT count(*) AS n FROM course_attendance')[0]!.n).toBe(3000)
    expect(rows<{ n: number }>(db, 'SELECT count(*) AS n FROM certificates')[0]!.n).toBe(250)
    const courses = rows<{ n: number; first: string; vocational: number }>(db, "SELECT count(*) AS n, min(start_date) AS first, sum(kind = 'vocational') AS vocational FROM courses")[0]!
    expect(courses.n).toBeGreaterThanOrEqual(600)
    expect(courses.first < '2012-01-01').toBe(true)
    expect(courses.vocational).toBeGreaterThan(300)
  })

  it('records each session with exactly the register of its day, never before an enrolment or admission', () => {
    const sessions = rows<{ id: string; course_id: string; session_date: string }>(db, 'SELECT id, course_id, session_date FROM course_sessions ORDER BY id')
    for (const s of sessions.filter((_, i) => i % 7 === 0)) {
      const register = registerOn(db, s.course_id, s.session_date).map((p) => p.personId).sort()
      expect(rows<{ person_id: string }>(db, `SELECT person_id FROM course_attendance WHERE session_id = '${s.id}' ORDER BY person_id`).map((r) => r.person_id)).toEqual(register)
    }
    expect(rows(db, 'SELECT 1 FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.enrolled_on < p.admission_date')).toEqual([])
    expect(rows(db, "SELECT 1 FROM course_sessions s JOIN courses c ON c.id = s.course_id WHERE s.session_date < c.start_date OR s.session_date > c.end_date OR s.session_date > '2026-11-23'")).toEqual([])
  })

  it('holds exams with resits, none after a pass, and course certificates only for that course\'s passers', () => {
    expect(rows(db, 'SELECT 1 FROM exam_attempts WHERE attempt = 2').length).toBeGreaterThan(0)
    expect(rows(db, "SELECT 1 FROM exam_attempts a JOIN exam_attempts b ON b.course_id = a.course_id AND b.person_id = a.person_id AND b.attempt > a.attempt WHERE a.result = 'passed'")).toEqual([])
    expect(rows(db, "SELECT 1 FROM exam_attempts a JOIN enrolments e ON e.course_id = a.course_id AND e.person_id = a.person_id WHERE e.status <> 'completed'")).toEqual([])
    expect(rows(db, `SELECT 1 FROM certificates c LEFT JOIN exam_attempts a ON a.id = c.exam_attempt_id
                     WHERE c.source = 'course' AND (a.result IS NOT 'passed' OR a.person_id <> c.person_id OR a.course_id <> c.course_id)`)).toEqual([])
  })

  it('numbers every certificate validly for its issue date and level, each once', () => {
    const certificates = rows<{ number: string; issued_on: string; level: number; format: string }>(db, 'SELECT number, issued_on, level, format FROM certificates')
    for (const c of certificates) {
      expect(checkCertificateNumber(c.number, { issued: c.issued_on, level: c.level as 1 | 2 | 3 | 4 | 5 })).toMatchObject({ valid: true, format: c.format })
    }
    expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length)
    expect(new Set(certificates.map((c) => c.format))).toEqual(new Set(['skill-level-2019', 'qualification-16']))
  })

  it('writes the same courses and attendance for the same seed', () => {
    const again = openDatabase(':memory:')
    generateBenchFacility(again, { seed: 5, today: TODAY, size: SIZE })
    const content = (d: Db) =>
      JSON.stringify([
        rows(d, 'SELECT id, name, start_date FROM courses ORDER BY id'),
        rows(d, 'SELECT * FROM course_attendance ORDER BY session_id, person_id'),
        rows(d, 'SELECT number, person_id FROM certificates ORDER BY number'),
      ])
    expect(content(again)).toBe(content(db))
    again.close()
  })
})

describe('benchmark facility cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinsheng-bench-cache-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('generates once, then reuses the file, leaving no temporary file', () => {
    const first = ensureBenchFacility({ seed: 5, size: TINY, cacheDir: dir })
    expect(first.generatedMs).not.toBeNull()
    const second = ensureBenchFacility({ seed: 5, size: TINY, cacheDir: dir })
    expect(second).toMatchObject({ path: first.path, generatedMs: null, bytes: first.bytes })
    expect(readdirSync(dir)).toEqual([first.path.slice(dir.length + 1)])
  })
})
