/** The courses API (contract/courses.ts): one handler per method, gathered from the services of this folder. */
import type { coursesContract } from '../../shared/contract/courses'
import { notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { coursesRepo } from './coursesRepo'
import { coursePeople } from './coursesQueries'
import { courseHandlers, vocationalSettings } from './coursesService'
import { eligibilityOf } from './eligibility'
import { enrolmentHandlers, readableFilter } from './enrolmentService'
import { examHandlers } from './examService'
import { registerHandlers } from './registerService'
import { personCourseHandlers } from './timetable'

type H = HandlersFor<typeof coursesContract>

const eligibleHandler: Pick<H, 'courses:eligible'> = {
  /** Everyone ever given a place (as certificateEligibility counts them), cut to the caller's wards, by name. */
  'courses:eligible'(input, ctx) {
    const course = coursesRepo.courseById(ctx.db, input.courseId)
    if (!course) throw notFound()
    const { minAttendanceRate } = vocationalSettings(ctx.db)
    const visible = readableFilter(ctx)
    return coursePeople(ctx.db, input.courseId)
      .filter((p) => p.enrolledOn !== null && visible(p.wardId))
      .sort((a, b) => a.pinyin.localeCompare(b.pinyin))
      .map((p) => {
        const e = eligibilityOf(p, course.kind === 'vocational', minAttendanceRate)
        const passing = p.attempts.find((a) => a.id === e.passingAttemptId)
        return {
          personId: p.personId,
          name: p.name,
          wardName: p.wardName,
          enrolmentStatus: p.status,
          eligible: e.eligible,
          reasons: e.reasons,
          passingAttemptId: e.passingAttemptId,
          examDate: passing?.examDate ?? null,
          theory: e.theory,
          practical: e.practical,
          attendanceRate: e.attendanceRate,
        }
      })
  },
}

export const coursesHandlers = {
  ...courseHandlers,
  ...enrolmentHandlers,
  ...registerHandlers,
  ...examHandlers,
  ...eligibleHandler,
  ...personCourseHandlers,
} satisfies H
