/**
 * The demo facility's vocational training and education classes (issue 12): the trades of the issue, eight vocational
 * courses and six education classes over the last 18 months and now, enrolments (waiting, withdrawn with reasons,
 * completed), sessions with realistic attendance, exams with fails and resits, certificates for most passers (valid
 * numbers), a few 中专 records, job fairs and employer visits with referrals and signed agreements.
 *
 * Written through the courses repository (the same statements the services use) and, for the tables other slices
 * own (certificates, academic records, employment), with plain INSERTs: the demo only fills them.
 */
import { randomUUID } from 'node:crypto'
import { checkCertificateNumber } from '../../shared/domain/certificates/numbers'
import { addDays, daysBetween } from '../../shared/domain/dates'
import { ATTENDED, attendanceRate, DEFAULT_VOCATIONAL_SETTINGS, examResult, type AttendanceStatus, type ExamResult, type WithdrawReason } from '../../shared/domain/vocational'
import { coursesRepo } from '../courses/coursesRepo'
import type { Db } from '../db/open'
import type { DemoRandom } from './psychDemo'
import { vocationalDemoRepo } from './vocationalDemoRepo'

const TRADES = ['中式面点师', '电工', '烹调师', '美发师', '家政服务员', '农作物种植'] as const

interface DemoCourse {
  name: string
  trade?: (typeof TRADES)[number]
  level?: number
  subject?: string
  /** Days from today to the first day (negative: in the past). */
  start: number
  days: number
  capacity: number
  /** People given a place; more than capacity go on the waiting list. */
  take: number
  sessionHours: number
  /** Days between sessions, repeated. */
  rhythm: readonly number[]
  teacher: string
  place: string
  partner?: string
}

const BODY = '示范市技工学校'
const VOCATIONAL: DemoCourse[] = [
  { name: '中式面点师（五级）第一期', trade: '中式面点师', level: 5, start: -540, days: 84, capacity: 24, take: 22, sessionHours: 3, rhythm: [3, 4], teacher: '孙师傅', place: '习艺楼一层面点教室', partner: BODY },
  { name: '电工（五级）第一期', trade: '电工', level: 5, start: -430, days: 90, capacity: 20, take: 20, sessionHours: 3, rhythm: [3, 4], teacher: '周工', place: '习艺楼二层电工实训室', partner: '示范市高级技工学校' },
  { name: '烹调师（五级）第一期', trade: '烹调师', level: 5, start: -330, days: 84, capacity: 24, take: 23, sessionHours: 3, rhythm: [3, 4], teacher: '吴师傅', place: '习艺楼一层烹饪教室', partner: BODY },
  { name: '美发师（五级）第一期', trade: '美发师', level: 5, start: -250, days: 70, capacity: 16, take: 16, sessionHours: 2.5, rhythm: [3, 4], teacher: '郑老师', place: '习艺楼三层美发室', partner: '示范市美容美发职业培训学校' },
  { name: '家政服务员（五级）第一期', trade: '家政服务员', level: 5, start: -160, days: 70, capacity: 20, take: 20, sessionHours: 2.5, rhythm: [3, 4], teacher: '王老师', place: '习艺楼三层多功能室', partner: BODY },
  { name: '中式面点师（五级）第二期', trade: '中式面点师', level: 5, start: -110, days: 84, capacity: 24, take: 21, sessionHours: 3, rhythm: [3, 4], teacher: '孙师傅', place: '习艺楼一层面点教室', partner: BODY },
  { name: '农作物种植（五级）第一期', trade: '农作物种植', level: 5, start: -40, days: 100, capacity: 20, take: 22, sessionHours: 3, rhythm: [3, 4], teacher: '冯技术员', place: '所内种植基地', partner: '示范市农业职业技术学校' },
  { name: '电工（四级）第一期', trade: '电工', level: 4, start: 14, days: 90, capacity: 16, take: 18, sessionHours: 3, rhythm: [3, 4], teacher: '周工', place: '习艺楼二层电工实训室', partner: '示范市高级技工学校' },
]

const EDUCATION: DemoCourse[] = [
  { name: '法治教育（上半年）', subject: '法治教育', start: -500, days: 56, capacity: 60, take: 45, sessionHours: 2, rhythm: [7], teacher: '刘教官', place: '教学楼报告厅' },
  { name: '道德教育', subject: '道德教育', start: -300, days: 56, capacity: 60, take: 40, sessionHours: 2, rhythm: [7], teacher: '陈教员', place: '教学楼 201 教室' },
  { name: '心理健康教育', subject: '心理健康教育', start: -200, days: 42, capacity: 40, take: 35, sessionHours: 1.5, rhythm: [7], teacher: '李敏', place: '心理矫治中心团辅室' },
  { name: '禁毒教育（第四期）', subject: '禁毒教育', start: -60, days: 84, capacity: 60, take: 50, sessionHours: 2, rhythm: [7], teacher: '刘教官', place: '教学楼报告厅' },
  { name: '文化教育（扫盲班）', subject: '文化教育', start: -30, days: 120, capacity: 30, take: 18, sessionHours: 2, rhythm: [3, 4], teacher: '陈教员', place: '教学楼 203 教室' },
  { name: '习艺劳动教育', subject: '习艺劳动教育', start: -20, days: 60, capacity: 60, take: 40, sessionHours: 1.5, rhythm: [7], teacher: '赵队长', place: '习艺车间' },
]

const TOPICS_VOCATIONAL = ['安全与卫生规范', '基础理论', '工具与设备', '基本操作', '实操训练', '综合练习', '模拟考核', '理论复习']
const TOPICS_EDUCATION = ['专题讲座', '案例分析', '小组讨论', '观看教育片', '知识问答', '心得交流']

interface Person {
  id: string
  admissionDate: string
}

interface Place {
  enrolmentId: string
  personId: string
  appliedOn: string
  enrolledOn: string | null
  status: 'waiting' | 'enrolled' | 'withdrawn' | 'completed'
  endedOn: string | null
  /** How reliably the person attends (0.75–1). */
  reliability: number
  ability: number
}

/** A deterministic shuffle (Fisher–Yates on the demo's generator). */
function shuffled<T>(items: readonly T[], r: DemoRandom): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const round1 = (v: number) => Math.round(v * 10) / 10
const clampScore = (v: number) => Math.max(0, Math.min(100, round1(v)))

function attendanceOf(r: DemoRandom, reliability: number): AttendanceStatus {
  const x = r.next()
  if (x < reliability) return r.next() < 0.05 ? 'late' : 'present'
  const y = r.next()
  if (y < 0.4) return 'excused_activity'
  if (y < 0.7) return 'absent_sick'
  if (y < 0.92) return 'absent_refused'
  return 'other'
}

export interface VocationalDemoStats {
  courses: number
  certificates: number
}

export function seedVocational(db: Db, r: DemoRandom, people: readonly Person[], by: string, at: string, today: string): VocationalDemoStats {
  const tradeIds = new Map<string, string>()
  for (const name of TRADES) {
    const id = randomUUID()
    // Codes of the 职业分类大典 are left empty: the list was not verified (staff fill them in).
    coursesRepo.insertTrade(db, { id, name, code: null, at, by })
    tradeIds.set(name, id)
  }
  const busy = new Map<string, Array<[string, string]>>()
  const passers: Array<{ personId: string; courseId: string; attemptId: string; examDate: string; trade: string; level: number; direction: string | null }> = []
  let certificateSerial = 0
  let courses = 0

  for (const def of [...VOCATIONAL, ...EDUCATION]) {
    const vocational = def.trade !== undefined
    const startDate = addDays(today, def.start)
    const endDate = addDays(startDate, def.days)
    const courseId = randomUUID()
    courses++
    coursesRepo.insertCourse(db, {
      id: courseId, kind: vocational ? 'vocational' : 'education', name: def.name, tradeId: vocational ? tradeIds.get(def.trade!)! : null,
      level: def.level ?? null, subject: def.subject ?? null, direction: null, partner: def.partner ?? null, evaluationBody: vocational ? `${def.partner ?? BODY}` : null,
      teacher: def.teacher, startDate, endDate, capacity: def.capacity, place: def.place, plannedHours: def.days > 80 ? 120 : 80,
      theoryPassMark: null, practicalPassMark: null, note: null, at, by,
    })

    // People admitted a few days before the first session (or, for a planned course, before today), not in another
    // vocational course at the same time.
    const enrolBy = def.start > 0 ? addDays(today, -3) : addDays(startDate, -3)
    const candidates = shuffled(people.filter((p) => p.admissionDate <= enrolBy), r).filter((p) => {
      if (!vocational) return true
      return !(busy.get(p.id) ?? []).some(([s, e]) => s <= endDate && e >= startDate)
    })
    const chosen = candidates.slice(0, def.take)
    const places: Place[] = chosen.map((p, i) => {
      const waiting = i >= def.capacity
      const early = addDays(enrolBy, -r.int(0, 7))
      const appliedOn = early < p.admissionDate ? p.admissionDate : early
      if (vocational && !waiting) busy.set(p.id, [...(busy.get(p.id) ?? []), [startDate, endDate]])
      return {
        enrolmentId: randomUUID(), personId: p.id, appliedOn, enrolledOn: waiting ? null : appliedOn, status: waiting ? 'waiting' : 'enrolled', endedOn: null,
        reliability: r.next() < 0.12 ? 0.6 + r.next() * 0.15 : 0.85 + r.next() * 0.15, ability: r.next(),
      }
    })
    for (const p of places) {
      coursesRepo.insertEnrolment(db, { id: p.enrolmentId, courseId, personId: p.personId, status: p.status === 'waiting' ? 'waiting' : 'enrolled', appliedOn: p.appliedOn, enrolledOn: p.enrolledOn, at, by })
    }

    // Withdrawals part-way through (a started course): the last day on the course is the withdrawal date.
    const heldUntil = endDate < today ? endDate : today
    if (startDate < heldUntil) {
      for (const p of places) {
        if (p.status !== 'enrolled' || r.next() > 0.07) continue
        const reason: WithdrawReason = (['medical', 'refused', 'transferred', 'other'] as const)[r.int(0, 3)]!
        p.status = 'withdrawn'
        const day = addDays(startDate, r.int(5, Math.max(5, daysBetween(startDate, heldUntil) - 1)))
        p.endedOn = day > heldUntil ? heldUntil : day
        coursesRepo.updateEnrolment(db, {
          id: p.enrolmentId, seen: 1, status: 'withdrawn', enrolledOn: p.enrolledOn, endedOn: p.endedOn, withdrawReason: reason,
          withdrawText: reason === 'other' ? '调整至其他康复项目' : null, at,
        })
      }
    }
    // A finished course's waiting list was closed: one withdrew, the rest never got a place.
    if (endDate < today) {
      const waiter = places.find((p) => p.status === 'waiting')
      if (waiter) {
        waiter.status = 'withdrawn'
        waiter.endedOn = startDate
        coursesRepo.updateEnrolment(db, { id: waiter.enrolmentId, seen: 1, status: 'withdrawn', enrolledOn: null, endedOn: startDate, withdrawReason: 'refused', withdrawText: null, at })
      }
    }

    // Sessions from the first day to the last (or today), the register as the service would build it.
    const statuses = new Map<string, AttendanceStatus[]>()
    const topics = vocational ? TOPICS_VOCATIONAL : TOPICS_EDUCATION
    let date = startDate
    for (let n = 0; date <= heldUntil; n++) {
      const onRegister = places.filter((p) => p.enrolledOn !== null && p.enrolledOn <= date && (p.status !== 'withdrawn' || (p.endedOn !== null && p.endedOn >= date)))
      if (onRegister.length > 0) {
        const sessionId = randomUUID()
        const fields = { date, startTime: vocational ? '08:30' : '14:30', hours: def.sessionHours, topic: `${topics[n % topics.length]}（${n + 1}）`, teacher: def.teacher, note: null }
        coursesRepo.insertSession(db, { id: sessionId, courseId, ...fields, at, by })
        const rows = onRegister.map((p) => {
          const status = attendanceOf(r, p.reliability)
          statuses.set(p.personId, [...(statuses.get(p.personId) ?? []), status])
          const attended = ATTENDED.includes(status)
          return { personId: p.personId, status, hours: attended ? (status === 'late' ? def.sessionHours - 0.5 : def.sessionHours) : 0, reasonText: status === 'other' ? '家属会见' : null, note: null }
        })
        coursesRepo.writeAttendance(db, sessionId, rows, false)
        coursesRepo.insertSessionRevision(db, { id: randomUUID(), sessionId, revision: 1, data: { ...fields, attendance: rows }, at, by })
      }
      date = addDays(date, def.rhythm[n % def.rhythm.length]!)
    }

    if (endDate >= today) continue
    // A finished course: its people completed on the last day; a vocational one held its exam two days before.
    for (const p of places) {
      if (p.status !== 'enrolled') continue
      p.status = 'completed'
      coursesRepo.updateEnrolment(db, { id: p.enrolmentId, seen: 1, status: 'completed', enrolledOn: p.enrolledOn, endedOn: endDate, withdrawReason: null, withdrawText: null, at })
    }
    if (!vocational) continue
    const marks = { theory: DEFAULT_VOCATIONAL_SETTINGS.passMark, practical: DEFAULT_VOCATIONAL_SETTINGS.passMark }
    const sitting = (examDate: string, p: Place, attempt: number, bonus: number): { id: string; result: ExamResult } => {
      const absent = r.next() < 0.03
      const theory = absent ? null : clampScore(48 + p.ability * 45 + bonus + r.next() * 10)
      const practical = absent ? null : clampScore(52 + p.ability * 40 + bonus + r.next() * 10)
      const result = examResult({ theory, practical }, marks)
      const id = randomUUID()
      coursesRepo.insertAttempt(db, {
        id, courseId, personId: p.personId, attempt, examDate, theory, practical, theoryPassMark: marks.theory, practicalPassMark: marks.practical, result, note: null, at, by,
      })
      return { id, result }
    }
    const examDate = addDays(endDate, -2)
    const resitDate = addDays(examDate, 14)
    for (const p of places.filter((x) => x.status === 'completed')) {
      let outcome = sitting(examDate, p, 1, 0)
      let passedOn = examDate
      if (outcome.result !== 'passed' && resitDate <= today && r.next() < 0.85) {
        outcome = sitting(resitDate, p, 2, 12)
        passedOn = resitDate
      }
      const rate = attendanceRate(statuses.get(p.personId) ?? [])
      if (outcome.result === 'passed' && rate !== null && rate >= DEFAULT_VOCATIONAL_SETTINGS.minAttendanceRate * 100 && r.next() < 0.92) {
        passers.push({ personId: p.personId, courseId, attemptId: outcome.id, examDate: passedOn, trade: def.trade!, level: def.level!, direction: null })
      }
    }
  }

  // Certificates a month after the passing sitting (none dated after today), each number valid for its date and level.
  for (const p of passers) {
    const issuedOn = addDays(p.examDate, 30)
    if (issuedOn > today) continue
    certificateSerial++
    // S (社会培训评价组织), body code 0000 (provincial registration), province 43, body serial 000318, year, level, serial.
    const number = `S000043000318${issuedOn.slice(2, 4)}${p.level}${String(certificateSerial).padStart(6, '0')}`
    const check = checkCertificateNumber(number, { issued: issuedOn, level: p.level as 1 | 2 | 3 | 4 | 5 })
    if (!check.valid) throw new Error(`demo certificate number ${number} is invalid: ${check.reason}`)
    const holder = vocationalDemoRepo.holder(db, p.personId)
    vocationalDemoRepo.insertCertificate(db, {
      id: randomUUID(), personId: p.personId, courseId: p.courseId, attemptId: p.attemptId, number, evaluationBody: vocationalDemoRepo.evaluationBody(db, p.courseId),
      issuedOn, name: holder.name, idNumber: holder.idNumber, occupation: p.trade, direction: p.direction, level: p.level, at, by,
    })
  }

  seedAcademicAndEmployment(db, r, people, passers.map((p) => p.personId), by, at, today)
  return { courses, certificates: certificateSerial }
}

/** A few 中专 programmes, three job events with referrals, some with a signed agreement. */
function seedAcademicAndEmployment(db: Db, r: DemoRandom, people: readonly Person[], certified: readonly string[], by: string, at: string, today: string): void {
  const students = shuffled(people.filter((p) => p.admissionDate <= addDays(today, -200)), r).slice(0, 5)
  students.forEach((p, i) => {
    const enrolledOn = addDays(p.admissionDate, 60)
    const graduated = i < 2
    vocationalDemoRepo.insertAcademic(db, {
      id: randomUUID(), personId: p.id, programme: i % 2 === 0 ? '中餐烹饪与营养膳食' : '电气运行与控制', enrolledOn, status: graduated ? 'graduated' : 'studying',
      endedOn: graduated ? addDays(enrolledOn, 120) : null, diploma: graduated ? `2026中专${String(i + 1).padStart(4, '0')}` : null, at, by,
    })
  })

  const events = [
    { id: randomUUID(), kind: 'job_fair' as const, date: addDays(today, -120), employer: '示范市人力资源市场（12 家企业）', positions: '厨师、面点师、电工、保洁', offered: 85, place: '所内礼堂' },
    { id: randomUUID(), kind: 'employer_visit' as const, date: addDays(today, -60), employer: '示范市味香园餐饮管理有限公司', positions: '面点师、后厨帮工', offered: 12, place: '习艺楼一层面点教室' },
    { id: randomUUID(), kind: 'job_fair' as const, date: addDays(today, -20), employer: '示范市就业服务中心（8 家企业）', positions: '家政服务、物业、农业种植', offered: 60, place: '所内礼堂' },
  ]
  for (const e of events) vocationalDemoRepo.insertEvent(db, { ...e, at, by })
  const employers = ['示范市味香园餐饮管理有限公司', '示范市顺安电气安装有限公司', '示范市康居家政服务有限公司', '示范市绿源农业合作社']
  const referred = [...new Set(certified)].slice(0, 12)
  referred.forEach((personId, i) => {
    const e = events[i % events.length]!
    const signed = r.next() < 0.65 ? addDays(e.date, r.int(0, 10)) : null
    vocationalDemoRepo.insertReferral(db, {
      id: randomUUID(), personId, eventId: e.id, employer: employers[i % employers.length]!, position: ['面点师', '电工', '家政服务员', '种植工'][i % 4]!,
      referredOn: e.date, signedOn: signed && signed <= today ? signed : null, at, by,
    })
  })
}
