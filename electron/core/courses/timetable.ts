/**
 * A person across courses: the person file's summary of every enrolment, and one timetable of class time from every
 * centre (vocational courses, education classes, exercise training).
 */
import type { coursesContract } from '../../shared/contract/courses'
import { notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { personEnrolments, personTimetable } from './personQueries'

type H = HandlersFor<typeof coursesContract>

export const personCourseHandlers = {
  'courses:personSummary'(input, ctx) {
    if (!personRefsByIds(ctx.db, [input.personId]).has(input.personId)) throw notFound()
    return { enrolments: personEnrolments(ctx.db, input.personId) }
  },

  'courses:personTimetable'(input, ctx) {
    if (!personRefsByIds(ctx.db, [input.personId]).has(input.personId)) throw notFound()
    return personTimetable(ctx.db, input.personId, input.from, input.to)
  },
} satisfies Partial<H>
