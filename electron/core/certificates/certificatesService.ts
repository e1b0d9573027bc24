/**
 * Certificates (issue 12): issued in a batch to the eligible passers of a course, typed in one at a time (a certificate
 * held from elsewhere), edited and voided with the revision they were read at. Every refusal names its field and writes
 * nothing; a batch is all or nothing. The roster, the import and academic records have their own modules.
 */
import { randomUUID } from 'node:crypto'
import type { certificatesContract } from '../../shared/contract/certificates'
import { isSkillLevel, maskRosterIdNumber, type SkillLevel } from '../../shared/domain/certificates'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { certificateEligibility } from '../courses/eligibility'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { seesFullIdNumber } from '../people/peopleService'
import { academicHandlers } from './academicService'
import { numberVerdict, sameIdNumber, sameName, type Problem } from './certificateRules'
import { personCertificates } from './certificatesQueries'
import { certificatesRepo, type CertificateFields } from './certificatesRepo'
import { importHandlers } from './importService'
import { rosterHandlers } from './rosterService'

type FieldMap = Record<string, Problem>

function throwIfAny(fields: FieldMap): void {
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
}

interface Stated {
  personId: string
  number: string
  evaluationBody: string
  issuedOn: string
  occupation: string
  occupationCode: string | null
  direction: string | null
  level: number
  idType: CertificateFields['idType']
  idNumber: string
  name: string
  note: string | null
}

/**
 * A certificate typed in, checked: the number for its date and level, no other live certificate with it, the date not
 * in the future, and on a resident ID card the holder's name and number as in the person's file.
 */
function checkedStated(db: Db, ctx: Ctx, input: Stated, exceptId: string | null): CertificateFields {
  const fields: FieldMap = {}
  const level = input.level as SkillLevel
  if (!isSkillLevel(level)) fields.level = { key: 'v.range', params: { min: 1, max: 5 } }
  if (input.issuedOn > today(ctx)) fields.issuedOn = { key: 'cert.date_in_future' }
  const verdict = numberVerdict(input.number, input.issuedOn, isSkillLevel(level) ? level : 5)
  if (!verdict.ok) fields.number = verdict.problem
  else {
    const holder = certificatesRepo.liveByNumbers(db, [verdict.number]).get(verdict.number)
    if (holder !== undefined && holder !== exceptId) fields.number = { key: 'cert.duplicate' }
  }
  const person = certificatesRepo.identities(db, [input.personId]).get(input.personId)
  if (!person || person.voided) throw notFound()
  if (input.idType === 'resident_id') {
    if (!sameName(input.name, person.name)) fields.name = { key: 'cert.name_mismatch', params: { name: person.name } }
    if (!sameIdNumber(input.idNumber, person.idNumber)) fields.idNumber = { key: 'cert.id_number_mismatch' }
  }
  throwIfAny(fields)
  if (!verdict.ok) throw new Error('unreachable')
  return {
    number: verdict.number,
    format: verdict.format,
    evaluationBody: input.evaluationBody,
    issuedOn: input.issuedOn,
    name: input.name.trim(),
    idType: input.idType,
    idNumber: input.idType === 'resident_id' ? input.idNumber.trim().toUpperCase() : input.idNumber.trim(),
    occupation: input.occupation,
    occupationCode: input.occupationCode,
    direction: input.direction,
    level,
    note: input.note,
  }
}

const certificateHandlers = {
  'certificates:issueBatch'(input, ctx) {
    const { db } = ctx
    const course = certificatesRepo.course(db, input.courseId)
    if (!course || course.voided) throw new AppError('invalid_input', 'err.not_found', { field: 'courseId' })
    if (course.kind !== 'vocational' || course.level === null || course.occupation === null) throw ruleViolation('cert.course_not_vocational', 'courseId')
    if (input.issuedOn > today(ctx)) throw ruleViolation('cert.date_in_future', 'issuedOn')
    if (input.issuedOn < course.startDate) throw ruleViolation('cert.issued_before_course', 'issuedOn', { start: course.startDate })
    const level = course.level
    const { minAttendanceRate } = readSetting(db, 'vocational.settings')
    const eligibility = certificateEligibility(db, course.id, minAttendanceRate)
    const identities = certificatesRepo.identities(db, input.rows.map((r) => r.personId))

    const fields: FieldMap = {}
    const verdicts = input.rows.map((row, i) => {
      const verdict = numberVerdict(row.number, input.issuedOn, level)
      if (!verdict.ok) fields[`rows.${i}.number`] = verdict.problem
      return verdict
    })
    const numbers = verdicts.flatMap((v) => (v.ok ? [v.number] : []))
    const taken = certificatesRepo.liveByNumbers(db, numbers)
    const firstRowOfNumber = new Map<string, number>()
    const firstRowOfPerson = new Map<string, number>()
    input.rows.forEach((row, i) => {
      const verdict = verdicts[i]!
      if (verdict.ok) {
        const earlier = firstRowOfNumber.get(verdict.number)
        if (taken.has(verdict.number)) fields[`rows.${i}.number`] = { key: 'cert.duplicate' }
        else if (earlier !== undefined) fields[`rows.${i}.number`] = { key: 'cert.duplicate_in_batch', params: { row: earlier + 1 } }
        else firstRowOfNumber.set(verdict.number, i)
      }
      const earlierPerson = firstRowOfPerson.get(row.personId)
      const facts = eligibility.get(row.personId)
      const person = identities.get(row.personId)
      if (earlierPerson !== undefined) fields[`rows.${i}.personId`] = { key: 'cert.person_duplicate_in_batch', params: { row: earlierPerson + 1 } }
      else if (!person || person.voided || !facts) fields[`rows.${i}.personId`] = { key: 'cert.not_enrolled' }
      else if (!facts.eligible) fields[`rows.${i}.personId`] = { key: `cert.${facts.reasons[0] ?? 'not_passed'}` }
      firstRowOfPerson.set(row.personId, i)
    })
    throwIfAny(fields)

    const actor = actorOf(ctx)
    const at = nowIso(ctx)
    const ids = input.rows.map((row, i) => {
      const verdict = verdicts[i]!
      const person = identities.get(row.personId)!
      if (!verdict.ok) throw new Error('unreachable')
      const id = randomUUID()
      certificatesRepo.insert(db, {
        id,
        personId: row.personId,
        courseId: course.id,
        examAttemptId: eligibility.get(row.personId)!.passingAttemptId,
        source: 'course',
        number: verdict.number,
        format: verdict.format,
        evaluationBody: input.evaluationBody,
        issuedOn: input.issuedOn,
        name: person.name,
        idType: 'resident_id',
        idNumber: person.idNumber,
        occupation: course.occupation!,
        occupationCode: course.occupationCode,
        direction: row.direction ?? course.direction,
        level,
        note: null,
        importBatch: null,
        at,
        by: actor.id,
      })
      return id
    })
    ctx.auditDetail = `${ids.length} certificates`
    return { issued: ids.length, ids }
  },

  'certificates:create'(input, ctx) {
    const { db } = ctx
    const fields = checkedStated(db, ctx, input, null)
    const id = randomUUID()
    certificatesRepo.insert(db, {
      ...fields,
      id,
      personId: input.personId,
      courseId: null,
      examAttemptId: null,
      source: 'manual',
      importBatch: null,
      at: nowIso(ctx),
      by: actorOf(ctx).id,
    })
    return { id }
  },

  'certificates:update'(input, ctx) {
    const { db } = ctx
    const current = certificatesRepo.byId(db, input.id)
    if (!current || current.voidedAt !== null) throw notFound()
    if (current.personId !== input.personId) throw ruleViolation('cert.person_changed', 'personId')
    if (current.revision !== input.revision) throw new AppError('conflict', 'cert.stale')
    const fields = checkedStated(db, ctx, input, current.id)
    if (!certificatesRepo.update(db, input.id, input.revision, fields, nowIso(ctx))) throw new AppError('conflict', 'cert.stale')
    return { revision: input.revision + 1 }
  },

  'certificates:void'(input, ctx) {
    const { db } = ctx
    const current = certificatesRepo.byId(db, input.id)
    if (!current || current.voidedAt !== null) throw notFound()
    if (current.revision !== input.revision) throw new AppError('conflict', 'cert.stale')
    if (!certificatesRepo.void(db, input.id, input.revision, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) {
      throw new AppError('conflict', 'cert.stale')
    }
    return null
  },

  'certificates:person'(input, ctx) {
    const rows = personCertificates(ctx.db, input.personId)
    return seesFullIdNumber(actorOf(ctx).role) ? rows : rows.map((r) => ({ ...r, idNumber: maskRosterIdNumber(r.idNumber) }))
  },
} satisfies Partial<HandlersFor<typeof certificatesContract>>

export const certificatesHandlers = {
  ...certificateHandlers,
  ...rosterHandlers,
  ...importHandlers,
  ...academicHandlers,
} satisfies HandlersFor<typeof certificatesContract>
