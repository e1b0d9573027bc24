/**
 * A vocational course with passers, built through the contract (courses-core's methods), for the certificate tests:
 * five people in 一大队 (and one in 二大队), all enrolled, one session everyone attended, exams where person 3 fails.
 */
import { idNumberFor } from './importRows'
import { call, ok, personInput, type World } from './helpers'

/** A 2019-format number (22 characters) for issue year 20yy and level, unique by serial. */
export function certNumber(serial: number, year = '26', level = 5, category: 'S' | 'Y' = 'S'): string {
  return `${category}0001110000${String(serial % 100).padStart(2, '0')}${year}${level}${String(serial).padStart(6, '0')}`
}

export interface CourseWorld {
  courseId: string
  people: Array<{ id: string; name: string; idNumber: string }>
  /** The one in the other ward (二大队). */
  other: { id: string; name: string; idNumber: string }
}

const NAMES = ['王小明', '李大强', '张伟', '刘洋', '陈杰', '赵磊']

export function courseWithPassers(world: World, session = world.sessions.admin!): CourseWorld {
  const { dispatch, wards } = world
  const people = NAMES.map((name, i) => {
    const idNumber = idNumberFor(`198${i}-0${i + 1}-1${i}`, 'M', 10 + i)
    const wardId = i === 5 ? wards.b : wards.a
    const id = ok(call(dispatch, 'people:create', personInput(wardId, { name, idNumber, birthDate: `198${i}-0${i + 1}-1${i}` }), world.sessions.admin!)).id
    return { id, name, idNumber }
  })
  const tradeId = ok(call(dispatch, 'trades:create', { name: '中式面点师', code: '4-03-02-02' }, session)).id
  const courseId = ok(
    call(dispatch, 'courses:create', {
      kind: 'vocational', name: '中式面点师初级班', tradeId, level: 5, evaluationBody: '某市职业技能鉴定中心', teacher: '王老师',
      startDate: '2026-09-01', endDate: '2026-11-20', capacity: 30, place: '职训楼201', plannedHours: 80,
    }, session),
  ).id
  ok(call(dispatch, 'courses:enrol', { courseId, personIds: people.map((p) => p.id), date: '2026-09-01' }, session))
  ok(call(dispatch, 'courses:recordSession', {
    courseId, date: '2026-09-02', startTime: '08:30', hours: 2, topic: '面团调制',
    attendance: people.map((p) => ({ personId: p.id, status: 'present' as const })),
  }, session))
  ok(call(dispatch, 'courses:recordExams', {
    courseId, examDate: '2026-11-18',
    rows: people.map((p, i) => ({ personId: p.id, theory: i === 3 ? 40 : 80, practical: 85 })),
  }, session))
  return { courseId, people: people.slice(0, 5), other: people[5]! }
}
