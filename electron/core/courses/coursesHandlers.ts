/** The courses API (contract/courses.ts): one handler per method, gathered from the services of this folder. */
import type { coursesContract } from '../../shared/contract/courses'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented yet')
}

export const coursesHandlers = {
  'trades:list': notYet,
  'trades:create': notYet,
  'trades:update': notYet,
  'courses:list': notYet,
  'courses:get': notYet,
  'courses:create': notYet,
  'courses:update': notYet,
  'courses:void': notYet,
  'courses:roster': notYet,
  'courses:enrol': notYet,
  'courses:setEnrolment': notYet,
  'courses:sessions': notYet,
  'courses:register': notYet,
  'courses:recordSession': notYet,
  'courses:session': notYet,
  'courses:editSession': notYet,
  'courses:voidSession': notYet,
  'courses:exams': notYet,
  'courses:recordExams': notYet,
  'courses:editExam': notYet,
  'courses:voidExam': notYet,
  'courses:eligible': notYet,
  'courses:personSummary': notYet,
  'courses:personTimetable': notYet,
  'courses:settings': notYet,
  'courses:setSettings': notYet,
} satisfies HandlersFor<typeof coursesContract>
