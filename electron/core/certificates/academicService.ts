/**
 * Academic outcomes (中专 enrolment and graduation, issue 12) as their own record type. Every call names the person
 * (ward scoping checks that person); a record of another person is answered "not found".
 */
import { randomUUID } from 'node:crypto'
import type { certificatesContract } from '../../shared/contract/certificates'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { AppError, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRef } from '../people/peopleQueries'
import { academicRepo, type AcademicFields } from './academicRepo'

function fieldsOf(i: AcademicFields, ctx: Ctx): AcademicFields {
  if (i.enrolledOn > today(ctx)) throw ruleViolation('v.date_in_future', 'enrolledOn')
  if (i.endedOn !== null && i.endedOn > today(ctx)) throw ruleViolation('v.date_in_future', 'endedOn')
  return {
    school: i.school,
    programme: i.programme,
    educationLevel: i.educationLevel,
    enrolledOn: i.enrolledOn,
    status: i.status,
    endedOn: i.endedOn,
    diplomaNumber: i.diplomaNumber,
    note: i.note,
  }
}

/** The live record, if it is this person's. */
function recordOf(ctx: Ctx, id: string, personId: string) {
  const record = academicRepo.byId(ctx.db, id)
  if (!record || record.personId !== personId || record.voidedAt !== null) throw notFound()
  return record
}

type AcademicHandlers = Pick<HandlersFor<typeof certificatesContract>, 'academic:person' | 'academic:create' | 'academic:update' | 'academic:void'>

export const academicHandlers = {
  'academic:person': (input, ctx) => academicRepo.ofPerson(ctx.db, input.personId),

  'academic:create'(input, ctx) {
    const person = personRef(ctx.db, input.personId)
    if (!person || person.voided) throw notFound()
    const id = randomUUID()
    academicRepo.insert(ctx.db, { ...fieldsOf(input, ctx), id, personId: input.personId, at: nowIso(ctx), by: actorOf(ctx).id })
    return { id }
  },

  'academic:update'(input, ctx) {
    const record = recordOf(ctx, input.id, input.personId)
    if (record.revision !== input.revision) throw new AppError('conflict', 'academic.stale')
    if (!academicRepo.update(ctx.db, input.id, input.revision, fieldsOf(input, ctx), nowIso(ctx))) throw new AppError('conflict', 'academic.stale')
    return { revision: input.revision + 1 }
  },

  'academic:void'(input, ctx) {
    const record = recordOf(ctx, input.id, input.personId)
    if (record.revision !== input.revision) throw new AppError('conflict', 'academic.stale')
    if (!academicRepo.void(ctx.db, input.id, input.revision, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) {
      throw new AppError('conflict', 'academic.stale')
    }
    return null
  },
} satisfies AcademicHandlers
