/**
 * Course rows of the bench table (issue 12), on the facility's 200,000 attendance rows: saving a 60-person attendance
 * register (≤ 20 ms in the core; its floor is the raw INSERTs of the same rows), a 60-person course's roster, a
 * person's 92-day timetable across every centre, and a person's course summary.
 */
import { randomUUID } from 'node:crypto'
import { addDays } from '../../electron/shared/domain/dates'
import type { EnrolmentRow, PersonCourses, TimetableRow } from '../../electron/shared/contract'
import type { BenchContext } from './ops'
import type { Bench } from './table'

const TIMES = ['08:00', '10:00', '14:00', '16:00'] as const
const DAYS = 100

/**
 * A fresh course of 60 residents admitted before it began (created through the API), so every timed save is a new
 * session of a full register; and a twin course the floor writes its rows into.
 */
function sixtyPersonCourse(c: BenchContext, name: string): { courseId: string; people: string[]; start: string } {
  const start = addDays(c.today, -DAYS + 1)
  const people = (c.db
    .prepare('SELECT id FROM people WHERE ward_id IS NOT NULL AND voided_at IS NULL AND admission_date <= ? ORDER BY id LIMIT 60')
    .all(addDays(start, -1)) as Array<{ id: string }>).map((p) => p.id)
  if (people.length < 60) throw new Error(`courses bench: only ${people.length} residents admitted before ${start}`)
  const tradeId = c.call<Array<{ id: string; active: boolean }>>('trades:list', {}).find((t) => t.active)!.id
  const { id: courseId } = c.call<{ id: string }>('courses:create', {
    kind: 'vocational', name, tradeId, level: 5, teacher: '基准测试', startDate: start, endDate: addDays(c.today, 30), capacity: 60, plannedHours: 300,
  })
  c.call('courses:enrol', { courseId, personIds: people, date: start })
  return { courseId, people, start }
}

/** Every (date, time) of the last DAYS days, oldest first: one new session each. */
const slots = (c: BenchContext) => Array.from({ length: DAYS * TIMES.length }, (_, i) => ({ date: addDays(c.today, -DAYS + 1 + Math.floor(i / TIMES.length)), startTime: TIMES[i % TIMES.length]! }))

export function coursesOps(bench: Bench, c: BenchContext, runs: number): void {
  const saved = sixtyPersonCourse(c, '基准测试：考勤保存')
  const floorCourse = sixtyPersonCourse(c, '基准测试：考勤保存（对照）')
  const ourSlots = slots(c)
  const floorSlots = slots(c)
  const saveRuns = Math.min(runs, ourSlots.length - 40)
  let next = 0
  let nextFloor = 0
  // The register as a keyboard user leaves it: everyone present but a few exceptions.
  const attendance = saved.people.map((personId, i) =>
    i % 15 === 3 ? { personId, status: 'absent_sick' as const } : i % 20 === 7 ? { personId, status: 'late' as const, hours: 1.5 } : { personId, status: 'present' as const },
  )
  const addSession = c.db.prepare(
    `INSERT INTO course_sessions (id, course_id, session_date, start_time, hours, topic, recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, ?, 2, '对照', ?, ?, ?)`,
  )
  const addRow = c.db.prepare('INSERT INTO course_attendance (session_id, person_id, status, hours) VALUES (?, ?, ?, ?)')
  const staff = (c.db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id
  bench.op({
    op: 'courses:saveRegister60',
    target: 20,
    runs: saveRuns,
    variants: [null],
    run: () => {
      const slot = ourSlots[next++]!
      return c.call<{ id: string }>('courses:recordSession', { courseId: saved.courseId, ...slot, hours: 2, topic: '实操训练', attendance })
    },
    floor: () => {
      const slot = floorSlots[nextFloor++]!
      const at = new Date().toISOString()
      c.db.transaction(() => {
        const id = randomUUID()
        addSession.run(id, floorCourse.courseId, slot.date, slot.startTime, at, staff, at)
        attendance.forEach((a, i) => addRow.run(id, floorCourse.people[i]!, a.status, a.status === 'absent_sick' ? 0 : (a.hours ?? 2)))
      })()
    },
  })

  bench.op({
    op: 'courses:roster',
    target: 20,
    variants: [saved.courseId],
    run: (courseId) => c.call<EnrolmentRow[]>('courses:roster', { courseId }),
    describe: () => '60-person course',
  })

  const busiest = (c.db
    .prepare(
      `SELECT a.person_id AS id FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
       WHERE s.session_date >= ? GROUP BY a.person_id ORDER BY count(*) DESC, a.person_id LIMIT 20`,
    )
    .all(addDays(c.today, -91)) as Array<{ id: string }>).map((r) => r.id)
  bench.op({
    op: 'courses:personTimetable',
    target: 10,
    variants: busiest,
    run: (personId) => c.call<TimetableRow[]>('courses:personTimetable', { personId, from: addDays(c.today, -91), to: c.today }),
    describe: (id) => id.slice(0, 8),
  })

  const mostCourses = (c.db.prepare('SELECT person_id AS id FROM enrolments GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 20').all() as Array<{ id: string }>).map((r) => r.id)
  bench.op({
    op: 'courses:personSummary',
    target: 10,
    variants: mostCourses,
    run: (personId) => c.call<PersonCourses>('courses:personSummary', { personId }),
    describe: (id) => id.slice(0, 8),
  })
}
