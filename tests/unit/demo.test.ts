/**
 * The demo generator: a realistic facility from a seed, reproducible, with every file passing the same identity rules
 * the API enforces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { integrityCheck, openDatabase, type Db } from '../../electron/core/db/open'
import { DEMO_ACCOUNTS, generateDemo } from '../../electron/core/demo/generate'
import { createDispatcher } from '../../electron/core/dispatch'
import { checkCertificateNumber } from '../../electron/shared/domain/certificates/numbers'
import { addDays } from '../../electron/shared/domain/dates'
import { checkIdNumber } from '../../electron/shared/domain/idNumber'
import { ATTENDANCE_STATUSES } from '../../electron/shared/domain/vocational'
import { PERIODS } from '../../electron/shared/domain/periods'
import { call, count, fixedClock, ok, TODAY } from './helpers'

const N = 300

interface PersonRow {
  name: string
  sex: 'M' | 'F'
  birth_date: string
  id_number: string
  decision_date: string
  admission_date: string
  period: string
  period_since: string
  ward_id: string
  last_day: string
}

const people = (db: Db) => db.prepare('SELECT * FROM people ORDER BY rowid').all() as PersonRow[]

let a: Db
let b: Db
let accounts: ReturnType<typeof generateDemo>

beforeAll(() => {
  a = openDatabase(':memory:')
  b = openDatabase(':memory:')
  accounts = generateDemo(a, { people: N, seed: 7, clock: fixedClock, aftercare: false })
  generateDemo(b, { people: N, seed: 7, clock: fixedClock, aftercare: false })
})
afterAll(() => {
  a.close()
  b.close()
})

describe('generateDemo', () => {
  it(`creates ${N} people`, () => {
    expect(count(a, 'people')).toBe(N)
  })

  it('gives every person a valid, unique ID number that agrees with the stored birth date and sex', () => {
    const rows = people(a)
    const problems: string[] = []
    for (const p of rows) {
      const r = checkIdNumber(p.id_number, TODAY)
      if (!r.valid) {
        problems.push(`${p.id_number}: ${r.failure}`)
        continue
      }
      // read the number by hand too: characters 7–14 are YYYYMMDD, the 17th is odd for men
      const fromId = `${p.id_number.slice(6, 10)}-${p.id_number.slice(10, 12)}-${p.id_number.slice(12, 14)}`
      const sexFromId = Number(p.id_number[16]) % 2 === 1 ? 'M' : 'F'
      if (r.birthDate !== p.birth_date || fromId !== p.birth_date) problems.push(`${p.id_number}: birth ${p.birth_date}`)
      if (r.sex !== p.sex || sexFromId !== p.sex) problems.push(`${p.id_number}: sex ${p.sex}`)
    }
    expect(problems).toEqual([])
    expect(new Set(rows.map((p) => p.id_number)).size).toBe(N)
  })

  it('keeps the dates in a possible order: birth < decision ≤ admission ≤ period start ≤ today', () => {
    const bad = people(a).filter(
      (p) => !(p.birth_date < p.decision_date && p.decision_date <= p.admission_date && p.admission_date <= p.period_since && p.period_since <= TODAY),
    )
    expect(bad).toEqual([])
  })

  it('places people in all four periods', () => {
    const byPeriod = a.prepare('SELECT period, count(*) AS n FROM people GROUP BY period').all() as Array<{ period: string; n: number }>
    expect(byPeriod.map((r) => r.period).sort()).toEqual([...PERIODS].sort())
    expect(byPeriod.reduce((s, r) => s + r.n, 0)).toBe(N)
  })

  it('records each file’s period history ending in its current period, moving forward only', () => {
    const moves = a.prepare('SELECT person_id, from_period, to_period, effective_date FROM period_moves ORDER BY person_id, effective_date, rowid').all() as Array<{
      person_id: string
      from_period: string | null
      to_period: string
      effective_date: string
    }>
    const current = new Map((a.prepare('SELECT id, period, period_since FROM people').all() as Array<{ id: string; period: string; period_since: string }>).map((p) => [p.id, p]))
    const last = new Map<string, (typeof moves)[number]>()
    for (const m of moves) {
      if (m.from_period !== null) expect(PERIODS.indexOf(m.to_period as never)).toBe(PERIODS.indexOf(m.from_period as never) + 1)
      last.set(m.person_id, m)
    }
    expect(last.size).toBe(N)
    for (const [id, m] of last) {
      expect(m.to_period).toBe(current.get(id)!.period)
      expect(m.effective_date).toBe(current.get(id)!.period_since)
    }
  })

  it('stores each person’s last day as decision + 24 months − 1 day', () => {
    // Demo files have no term events, so the last day is the day before the second anniversary of the decision
    // (an anniversary that does not exist, 29 February, falls back to the 28th).
    for (const p of people(a)) {
      const [y, m, d] = p.decision_date.split('-').map(Number) as [number, number, number]
      const anniversary = new Date(Date.UTC(y + 2, m - 1, Math.min(d, new Date(Date.UTC(y + 2, m, 0)).getUTCDate())))
      const expected = new Date(anniversary.getTime() - 86_400_000).toISOString().slice(0, 10)
      expect(p.last_day).toBe(expected)
    }
  })

  it('fills at least four wards, none over capacity, and every staff role', () => {
    const wards = a.prepare('SELECT w.capacity, (SELECT count(*) FROM people p WHERE p.ward_id = w.id) AS n FROM wards w').all() as Array<{ capacity: number; n: number }>
    expect(wards.length).toBeGreaterThanOrEqual(4)
    for (const w of wards) expect(w.n).toBeLessThanOrEqual(w.capacity)
    expect(wards.reduce((s, w) => s + w.n, 0)).toBe(N)
    const roles = (a.prepare('SELECT role FROM staff ORDER BY role').all() as Array<{ role: string }>).map((r) => r.role)
    expect(roles).toEqual(['admin', 'counsellor', 'trainer', 'vocational', 'ward_officer'])
    expect(accounts.map((x) => x.username)).toEqual(DEMO_ACCOUNTS.map((x) => x.username))
  })

  it('the same seed gives the same names and ID numbers in the same order', () => {
    const pa = people(a)
    const pb = people(b)
    expect(pb.map((p) => p.name)).toEqual(pa.map((p) => p.name))
    expect(pb.map((p) => p.id_number)).toEqual(pa.map((p) => p.id_number))
    expect(pb.map((p) => [p.decision_date, p.period, p.period_since])).toEqual(pa.map((p) => [p.decision_date, p.period, p.period_since]))
  })

  it('a different seed gives different people', () => {
    const c = openDatabase(':memory:')
    try {
      generateDemo(c, { people: 20, seed: 8, clock: fixedClock, aftercare: false })
      const first20 = people(a).slice(0, 20).map((p) => p.id_number)
      const other = people(c).map((p) => p.id_number)
      expect(other).toHaveLength(20)
      expect(other).not.toEqual(first20)
    } finally {
      c.close()
    }
  })

  it('passes the integrity check', () => {
    expect(integrityCheck(a)).toEqual({ ok: true, integrity: ['ok'], foreignKeys: [] })
    expect(verifyAudit(a).ok).toBe(true)
  })

  it('its demo accounts can sign in and read the roster', () => {
    const dispatch = createDispatcher({ db: a, clock: fixedClock })
    const officer = DEMO_ACCOUNTS.find((x) => x.role === 'ward_officer')!
    const session = ok(call(dispatch, 'auth:login', { username: officer.username, password: officer.password }, null)).sessionId
    // The officer is responsible for his ward (包队责任制): his list is its files; the counsellor covers every ward.
    const me = ok(call(dispatch, 'auth:me', {}, session))!
    expect(me.wardIds).toHaveLength(1)
    const inHisWard = (a.prepare('SELECT count(*) AS n FROM people WHERE ward_id = ?').get(me.wardIds[0]) as { n: number }).n
    expect(inHisWard).toBeGreaterThan(0)
    expect(ok(call(dispatch, 'people:list', { limit: 1 }, session)).total).toBe(inHisWard)
    const counsellor = DEMO_ACCOUNTS.find((x) => x.role === 'counsellor')!
    const other = ok(call(dispatch, 'auth:login', { username: counsellor.username, password: counsellor.password }, null)).sessionId
    expect(ok(call(dispatch, 'people:list', { limit: 1 }, other)).total).toBe(N)
  })
})

describe('the demo’s vocational training and classes (issue 12)', () => {
  const rows = <T>(sql: string, ...args: unknown[]) => a.prepare(sql).all(...args) as T[]

  it('has the trades of the issue, eight vocational courses and six education classes over the last 18 months and now', () => {
    expect(rows<{ name: string }>('SELECT name FROM trades ORDER BY rowid').map((t) => t.name)).toEqual(['中式面点师', '电工', '烹调师', '美发师', '家政服务员', '农作物种植'])
    const courses = rows<{ kind: string; start_date: string; end_date: string }>('SELECT kind, start_date, end_date FROM courses')
    expect(courses.filter((c) => c.kind === 'vocational')).toHaveLength(8)
    expect(courses.filter((c) => c.kind === 'education')).toHaveLength(6)
    expect(courses.every((c) => c.start_date >= addDays(TODAY, -548))).toBe(true)
    expect(courses.some((c) => c.start_date <= TODAY && c.end_date >= TODAY)).toBe(true)
    expect(courses.some((c) => c.start_date > TODAY)).toBe(true)
  })

  it('enrols people of every status, withdrawals with their reasons, nobody before admission', () => {
    const statuses = rows<{ status: string }>('SELECT DISTINCT status FROM enrolments ORDER BY status').map((r) => r.status)
    expect(statuses).toEqual(['completed', 'enrolled', 'waiting', 'withdrawn'])
    expect(rows('SELECT 1 FROM enrolments WHERE status = ? AND withdraw_reason IS NULL', 'withdrawn')).toEqual([])
    expect(rows('SELECT 1 FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.applied_on < p.admission_date OR e.enrolled_on < p.admission_date')).toEqual([])
  })

  it('records each session with exactly the register of its day, never in the future or outside its course', () => {
    const dispatch = createDispatcher({ db: a, clock: fixedClock })
    const admin = ok(call(dispatch, 'auth:login', { username: 'admin', password: 'Admin#2026' }, null)).sessionId
    const sessions = rows<{ id: string; course_id: string; session_date: string }>(
      'SELECT s.id, s.course_id, s.session_date FROM course_sessions s JOIN courses c ON c.id = s.course_id WHERE s.session_date BETWEEN c.start_date AND c.end_date AND s.session_date <= ?', TODAY,
    )
    expect(sessions.length).toBe(count(a, 'course_sessions'))
    for (const s of sessions.filter((_, i) => i % 10 === 0)) {
      const register = ok(call(dispatch, 'courses:register', { courseId: s.course_id, date: s.session_date }, admin)).map((r) => r.personId).sort()
      expect(rows<{ person_id: string }>('SELECT person_id FROM course_attendance WHERE session_id = ? ORDER BY person_id', s.id).map((r) => r.person_id)).toEqual(register)
    }
    expect(rows<{ status: string }>('SELECT DISTINCT status FROM course_attendance ORDER BY status').map((r) => r.status)).toEqual([...ATTENDANCE_STATUSES].sort())
  })

  it('holds exams with fails and resits, and certificates with valid, unique numbers for the passers', () => {
    expect(rows('SELECT 1 FROM exam_attempts WHERE result = ?', 'failed').length).toBeGreaterThan(0)
    expect(rows('SELECT 1 FROM exam_attempts WHERE attempt = 2').length).toBeGreaterThan(0)
    const certificates = rows<{ number: string; issued_on: string; level: number; result: string }>(
      'SELECT c.number, c.issued_on, c.level, x.result FROM certificates c JOIN exam_attempts x ON x.id = c.exam_attempt_id',
    )
    expect(certificates.length).toBeGreaterThan(10)
    expect(certificates.length).toBe(count(a, 'certificates'))
    for (const c of certificates) {
      expect(c.result).toBe('passed')
      expect(c.issued_on <= TODAY).toBe(true)
      expect(checkCertificateNumber(c.number, { issued: c.issued_on, level: c.level as 1 | 2 | 3 | 4 | 5 })).toMatchObject({ valid: true, format: 'skill-level-2019' })
    }
    expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length)
  })

  it('adds 中专 records, three employment events and referrals, some with a signed agreement', () => {
    expect(rows<{ education_level: string }>('SELECT DISTINCT education_level FROM academic_records').map((r) => r.education_level)).toEqual(['中专'])
    expect(count(a, 'employment_events')).toBe(3)
    expect(rows('SELECT 1 FROM employment_referrals WHERE agreement_signed_on IS NOT NULL').length).toBeGreaterThan(0)
  })

  it('is the same for the same seed', () => {
    const digest = (db: Db) => db.prepare('SELECT group_concat(number) AS n FROM (SELECT number FROM certificates ORDER BY rowid)').get()
    expect(digest(b)).toEqual(digest(a))
  })
})

describe('a 3,000-person demo', () => {
  it('names every ward in Chinese numerals (十大队, 十一大队 … 二十八大队), never with an Arabic digit', () => {
    const db = openDatabase(':memory:')
    try {
      generateDemo(db, { people: 3000, seed: 1, clock: fixedClock, psychology: false, aftercare: false })
      const names = (db.prepare('SELECT name FROM wards ORDER BY rowid').all() as Array<{ name: string }>).map((w) => w.name)
      expect(names.length).toBeGreaterThan(20)
      expect(names.filter((n) => /[0-9０-９]/.test(n))).toEqual([])
      expect(names.slice(9, 12)).toEqual(['十大队', '十一大队', '十二大队'])
      expect(new Set(names).size).toBe(names.length)
    } finally {
      db.close()
    }
  })
})
