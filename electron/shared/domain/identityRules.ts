import type { MessageKey } from '../i18n/messages'
import type { IsoDate } from './dates'
import { checkIdNumber } from './idNumber'
import type { Sex } from './person'

export interface IdentityDates {
  idNumber: string
  birthDate: IsoDate
  sex: Sex
  decisionDate: IsoDate
  admissionDate: IsoDate
}

export type FieldProblem = { key: MessageKey; params?: Record<string, string> }

const SEX_WORD: Record<Sex, string> = { M: '男', F: '女' }

/**
 * Cross-field rules of a detainee's identity: the ID number is valid and agrees with the typed birth date and sex,
 * and the dates are in a possible order. Returns problems by field name; empty when all is well.
 */
export function identityProblems(p: IdentityDates, today: IsoDate): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {}
  const id = checkIdNumber(p.idNumber, today)
  if (!id.valid) problems.idNumber = { key: `id.${id.failure}` }
  else {
    if (id.birthDate !== p.birthDate) problems.birthDate = { key: 'person.birth_mismatch', params: { expected: id.birthDate } }
    if (id.sex !== p.sex) problems.sex = { key: 'person.sex_mismatch', params: { expected: SEX_WORD[id.sex] } }
  }
  if (p.decisionDate > today) problems.decisionDate = { key: 'person.decision_in_future' }
  else if (p.decisionDate < p.birthDate) problems.decisionDate = { key: 'person.decision_before_birth' }
  if (p.admissionDate > today) problems.admissionDate = { key: 'person.admission_in_future' }
  else if (p.admissionDate < p.decisionDate) problems.admissionDate = { key: 'person.admission_before_decision' }
  return problems
}
