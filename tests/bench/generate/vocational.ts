/**
 * The benchmark facility's vocational training and classes (issue 12): trades, ~600 courses over the past 15 years and
 * now (three in five vocational), enrolments of the people held at the time (released ones withdrawn on leaving, a few
 * withdrawn for other reasons, finished courses completed), sessions whose registers are exactly the people on the
 * course that day — exactly the attendance rows asked for (200,000 in the full facility) — exam attempts with resits,
 * and exactly the certificates asked for (20,000): those of eligible passers, the rest recorded from elsewhere
 * (imported), every number valid for its issue date and level and unique.
 *
 * Rows go through the courses repository, the statements the services run.
 */
import { checkCertificateNumber } from '../../../electron/shared/domain/certificates/numbers'
import { addDays, daysBetween } from '../../../electron/shared/domain/dates'
import { ATTENDED, attendanceRate, DEFAULT_VOCATIONAL_SETTINGS, examResult, type AttendanceStatus, type WithdrawReason } from '../../../electron/shared/domain/vocational'
import { coursesRepo } from '../../../electron/core/courses/coursesRepo'
import type { Db } from '../../../electron/core/db/open'
import type { Stay } from './people'
import type { Random } from './random'

const TRADES = ['中式面点师', '电工', '烹调师', '美发师', '家政服务员', '农作物种植', '育婴员', '美容师'] as const
const SUBJECTS = DEFAULT_VOCATIONAL_SETTINGS.educationSubjects
const COURSES = 600
const YEARS = 15

export interface VocationalOptions {
  db: Db
  r: Random
  today: string
  stays: readonly Stay[]
  /** The vocational teacher who records everything. */
  by: string
  attendance: number
  certificates: number
}

interface PlannedCourse {
  id: string
  vocational: boolean
  tradeIndex: number
  level: number
  start: string
  end: string
  /** Candidate session dates (twice a week, from the start to the end or today). */
  dates: string[]
  people: Array<{ personId: string; enrolmentId: string; enrolledOn: string; withdrawnOn: string | null; reliability: number; ability: number }>
  /** Register size of each candidate date. */
  sizes: number[]
}

const onRegister = (p: PlannedCourse['people'][number], date: string) => p.enrolledOn <= date && (p.withdrawnOn === null || p.withdrawnOn >= date)

function statusOf(r: Random, reliability: number): AttendanceStatus {
  if (r.next() < reliability) return r.chance(0.05) ? 'late' : 'present'
  const x = r.next()
  return x < 0.4 ? 'excused_activity' : x < 0.7 ? 'absent_sick' : x < 0.92 ? 'absent_refused' : 'other'
}

/** Indices of k dates spread evenly over n. */
const spread = (n: number, k: number) => Array.from({ length: Math.min(n, k) }, (_, i) => Math.floor((i * n) / Math.min(n, k)))

export function writeVocational(o: VocationalOptions): { courses: number; enrolments: number; sessions: number; attendance: number; attempts: number; certificates: number } {
  const { db, r, today, by } = o
  const at = `${today}T01:00:00.000Z`
  const tradeIds = TRADES.map((name) => {
    const id = r.uuid()
    coursesRepo.insertTrade(db, { id, name, code: null, at, by })
    return id
  })

  // Stays by admission, to find who was held when a course ran.
  const stays = [...o.stays].sort((a, b) => (a.admissionDate < b.admissionDate ? -1 : a.admissionDate > b.admissionDate ? 1 : 0))
  const lastAdmittedBy = (date: string) => {
    let lo = 0
    let hi = stays.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (stays[mid]!.admissionDate <= date) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  const first = addDays(today, -YEARS * 365)
  const planned: PlannedCourse[] = []
  let enrolments = 0
  for (let n = 0; n < COURSES; n++) {
    const vocational = n % 5 < 3
    // Spread over the years, the last few running now or starting soon.
    const start = addDays(first, Math.floor((n * (YEARS * 365 + 20)) / COURSES) + r.int(0, 10))
    const end = addDays(start, vocational ? r.int(60, 100) : r.int(28, 70))
    const tradeIndex = r.int(0, TRADES.length - 1)
    const level = vocational ? (r.chance(0.75) ? 5 : 4) : 0
    const id = r.uuid()
    coursesRepo.insertCourse(db, {
      id, kind: vocational ? 'vocational' : 'education', name: vocational ? `${TRADES[tradeIndex]}（${level === 5 ? '五' : '四'}级）第${n + 1}期` : `${SUBJECTS[n % SUBJECTS.length]}第${n + 1}期`,
      tradeId: vocational ? tradeIds[tradeIndex]! : null, level: vocational ? level : null, subject: vocational ? null : SUBJECTS[n % SUBJECTS.length]!,
      direction: null, partner: vocational ? '示范市技工学校' : null, evaluationBody: vocational ? '示范市技工学校' : null, teacher: vocational ? '职业技能教师' : '教育科教员',
      startDate: start, endDate: end, capacity: 40, place: vocational ? '习艺楼' : '教学楼报告厅', plannedHours: vocational ? 120 : 40,
      theoryPassMark: null, practicalPassMark: null, note: null, at, by,
    })
    // People held from a few days before the start, admitted within the two years before it.
    const enrolBy = start > today ? addDays(today, -3) : addDays(start, -3)
    const hi = lastAdmittedBy(enrolBy)
    const lo = lastAdmittedBy(addDays(enrolBy, -700))
    const wanted = r.int(12, 36)
    const chosen = new Set<number>()
    for (let tries = 0; chosen.size < wanted && tries < wanted * 6 && hi > lo; tries++) {
      const i = r.int(lo, hi - 1)
      const s = stays[i]!
      if (s.releaseDate !== null && s.releaseDate <= addDays(start, 7)) continue
      chosen.add(i)
    }
    const heldUntil = end < today ? end : today
    const people = [...chosen].map((i) => {
      const s = stays[i]!
      const early = addDays(enrolBy, -r.int(0, 5))
      const enrolledOn = early < s.admissionDate ? s.admissionDate : early
      // Released during the course: withdrawn on the last day held; a few leave for other reasons.
      let withdrawnOn: string | null = null
      let reason: WithdrawReason | null = null
      if (s.releaseDate !== null && s.releaseDate <= heldUntil) [withdrawnOn, reason] = [addDays(s.releaseDate, -1), 'released']
      else if (start < heldUntil && r.chance(0.05)) [withdrawnOn, reason] = [addDays(start, r.int(1, Math.max(1, daysBetween(start, heldUntil)))), r.pick(['medical', 'refused', 'transferred'] as const)]
      if (withdrawnOn !== null && withdrawnOn < enrolledOn) withdrawnOn = enrolledOn
      const enrolmentId = r.uuid()
      coursesRepo.insertEnrolment(db, { id: enrolmentId, courseId: id, personId: s.personId, status: 'enrolled', appliedOn: enrolledOn, enrolledOn, at, by })
      if (withdrawnOn !== null) {
        coursesRepo.updateEnrolment(db, { id: enrolmentId, seen: 1, status: 'withdrawn', enrolledOn, endedOn: withdrawnOn, withdrawReason: reason, withdrawText: null, at })
      } else if (end < today) {
        coursesRepo.updateEnrolment(db, { id: enrolmentId, seen: 1, status: 'completed', enrolledOn, endedOn: end, withdrawReason: null, withdrawText: null, at })
      }
      enrolments++
      return { personId: s.personId, enrolmentId, enrolledOn, withdrawnOn, reliability: r.chance(0.1) ? 0.6 + r.next() * 0.2 : 0.85 + r.next() * 0.15, ability: r.next() }
    })
    const dates: string[] = []
    for (let d = start, k = 0; d <= heldUntil; d = addDays(d, k++ % 2 === 0 ? 3 : 4)) dates.push(d)
    const sizes = dates.map((d) => people.filter((p) => onRegister(p, d)).length)
    planned.push({ id, vocational, tradeIndex, level, start, end, dates, people, sizes })
  }

  // The most sessions per course (spread over its dates) that stay within the attendance asked for, then single extra
  // sessions that fit the rest exactly; a last one-session class takes whatever is still left.
  const totalFor = (k: number) => planned.reduce((sum, c) => sum + spread(c.dates.length, k).reduce((s, i) => s + c.sizes[i]!, 0), 0)
  let lo = 0
  let hi = Math.max(...planned.map((c) => c.dates.length))
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (totalFor(mid) <= o.attendance) lo = mid
    else hi = mid - 1
  }
  const chosenDates = planned.map((c) => new Set(spread(c.dates.length, lo)))
  let remaining = o.attendance - totalFor(lo)
  for (let ci = 0; ci < planned.length && remaining > 0; ci++) {
    const c = planned[ci]!
    c.sizes.forEach((size, i) => {
      if (size > 0 && size <= remaining && !chosenDates[ci]!.has(i)) {
        chosenDates[ci]!.add(i)
        remaining -= size
      }
    })
  }

  let sessions = 0
  let attendance = 0
  const statusesOf = new Map<string, AttendanceStatus[]>()
  const writeSession = (courseId: string, date: string, people: ReadonlyArray<{ personId: string; reliability: number }>, hours: number, topic: string) => {
    const id = r.uuid()
    const fields = { date, startTime: '08:30', hours, topic, teacher: null, note: null }
    coursesRepo.insertSession(db, { id, courseId, ...fields, at, by })
    const rows = people.map((p) => {
      const status = statusOf(r, p.reliability)
      const key = `${courseId}|${p.personId}`
      const list = statusesOf.get(key)
      if (list) list.push(status)
      else statusesOf.set(key, [status])
      return { personId: p.personId, status, hours: ATTENDED.includes(status) ? hours : 0, reasonText: status === 'other' ? '家属会见' : null, note: null }
    })
    coursesRepo.writeAttendance(db, id, rows, false)
    coursesRepo.insertSessionRevision(db, { id: r.uuid(), sessionId: id, revision: 1, data: { ...fields, attendance: rows }, at, by })
    sessions++
    attendance += rows.length
  }
  planned.forEach((c, ci) => {
    for (const i of [...chosenDates[ci]!].sort((a, b) => a - b)) {
      if (c.sizes[i]! > 0) writeSession(c.id, c.dates[i]!, c.people.filter((p) => onRegister(p, c.dates[i]!)), c.vocational ? 3 : 2, `第 ${i + 1} 课`)
    }
  })
  if (remaining > 0) {
    const residents = o.stays.filter((s) => s.releaseDate === null && s.admissionDate <= addDays(today, -30)).slice(0, remaining)
    if (residents.length < remaining) throw new Error(`bench vocational: ${remaining} attendance rows left and only ${residents.length} residents to take them`)
    const id = r.uuid()
    const start = addDays(today, -20)
    coursesRepo.insertCourse(db, {
      id, kind: 'education', name: '补充课程', tradeId: null, level: null, subject: '文化教育', direction: null, partner: null, evaluationBody: null, teacher: '教育科教员',
      startDate: start, endDate: addDays(today, 40), capacity: Math.max(1, remaining), place: null, plannedHours: 20, theoryPassMark: null, practicalPassMark: null, note: null, at, by,
    })
    for (const s of residents) coursesRepo.insertEnrolment(db, { id: r.uuid(), courseId: id, personId: s.personId, status: 'enrolled', appliedOn: start, enrolledOn: start, at, by })
    enrolments += residents.length
    writeSession(id, addDays(start, 1), residents.map((s) => ({ personId: s.personId, reliability: 0.9 })), 2, '第 1 课')
  }
  if (attendance !== o.attendance) throw new Error(`bench vocational: wrote ${attendance} attendance rows, ${o.attendance} asked for`)

  // Exams of finished vocational courses two days before the end; a fail or absence resits two weeks later.
  const marks = { theory: DEFAULT_VOCATIONAL_SETTINGS.passMark, practical: DEFAULT_VOCATIONAL_SETTINGS.passMark }
  const passers: Array<{ personId: string; courseId: string; attemptId: string; date: string; level: number; trade: string }> = []
  let attempts = 0
  for (const c of planned) {
    if (!c.vocational || c.end >= today) continue
    const examDate = addDays(c.end, -2)
    for (const p of c.people.filter((x) => x.withdrawnOn === null)) {
      let passed: { id: string; date: string } | null = null
      for (const [attempt, date, bonus] of [[1, examDate, 0], [2, addDays(examDate, 14), 10]] as const) {
        if (passed || date > today || (attempt === 2 && r.chance(0.2))) break
        const absent = r.chance(0.03)
        const theory = absent ? null : Math.min(100, Math.round((50 + p.ability * 45 + bonus + r.next() * 8) * 10) / 10)
        const practical = absent ? null : Math.min(100, Math.round((52 + p.ability * 40 + bonus + r.next() * 8) * 10) / 10)
        const result = examResult({ theory, practical }, marks)
        const id = r.uuid()
        coursesRepo.insertAttempt(db, { id, courseId: c.id, personId: p.personId, attempt, examDate: date, theory, practical, theoryPassMark: marks.theory, practicalPassMark: marks.practical, result, note: null, at, by })
        attempts++
        if (result === 'passed') passed = { id, date }
      }
      const rate = attendanceRate(statusesOf.get(`${c.id}|${p.personId}`) ?? [])
      if (passed && rate !== null && rate >= DEFAULT_VOCATIONAL_SETTINGS.minAttendanceRate * 100 && addDays(passed.date, 30) <= today) {
        passers.push({ personId: p.personId, courseId: c.id, attemptId: passed.id, date: addDays(passed.date, 30), level: c.level, trade: TRADES[c.tradeIndex]! })
      }
    }
  }

  // Certificates: the passers' first (in course order), then certificates from elsewhere for other held people.
  const person = db.prepare('SELECT name, id_number AS idNumber FROM people WHERE id = ?')
  const insert = db.prepare(
    `INSERT INTO certificates (id, person_id, course_id, exam_attempt_id, source, number, format, evaluation_body, issued_on, name, id_type, id_number,
       occupation, level, import_batch, recorded_at, recorded_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'resident_id', ?, ?, ?, ?, ?, ?, ?)`,
  )
  let serial = 0
  const numberFor = (issued: string, level: number): { number: string; format: 'skill-level-2019' | 'qualification-16' } => {
    serial++
    const number = issued >= '2019-01-01'
      ? { number: `S000043000318${issued.slice(2, 4)}${level}${String(serial).padStart(6, '0')}`, format: 'skill-level-2019' as const }
      : { number: `${issued.slice(2, 4)}4301${serial % 5}${String(100 + (serial % 900)).padStart(3, '0')}${level}${String(serial % 100_000).padStart(5, '0')}`, format: 'qualification-16' as const }
    const check = checkCertificateNumber(number.number, { issued, level: level as 1 | 2 | 3 | 4 | 5 })
    if (!check.valid || check.format !== number.format) throw new Error(`bench certificate ${number.number} (${issued}, level ${level}) is not valid: ${JSON.stringify(check)}`)
    return number
  }
  let certificates = 0
  const add = (personId: string, courseId: string | null, attemptId: string | null, issued: string, level: number, trade: string) => {
    const holder = person.get(personId) as { name: string; idNumber: string }
    const { number, format } = numberFor(issued, level)
    insert.run(r.uuid(), personId, courseId, attemptId, courseId ? 'course' : 'import', number, format, courseId ? '示范市技工学校' : '示范省职业技能鉴定指导中心', issued, holder.name, holder.idNumber, trade, level, courseId ? null : 'bench-import', at, by, at)
    certificates++
  }
  for (const p of passers.slice(0, o.certificates)) add(p.personId, p.courseId, p.attemptId, p.date, p.level, p.trade)
  while (certificates < o.certificates) {
    const s = r.pick(o.stays)
    const issued = addDays(s.admissionDate, -r.int(30, 2000))
    // Certificates numbered by the 16-digit scheme restart their 5-digit serial: keep them below 100,000 per scheme.
    if (issued < '2008-01-01') continue
    add(s.personId, null, null, issued, r.int(3, 5), r.pick(TRADES))
  }
  return { courses: planned.length + (remaining > 0 ? 1 : 0), enrolments, sessions, attendance, attempts, certificates }
}
