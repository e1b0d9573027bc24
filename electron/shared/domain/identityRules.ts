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

/**
 * Legal names (姓名 on the file, the emergency contact's name): letters — Han characters, and Latin letters for foreign
 * nationals — with single middle dots "·" (U+00B7, as in 阿依古丽·买买提) or single spaces between the parts. Anything
 * else (digits, symbols, emoji, control or invisible characters) is refused, never dropped: the stored name is what was
 * typed, in Unicode NFC and without leading or trailing spaces.
 */
export const MIDDLE_DOT = '\u00B7'
/** Characters typed in place of the middle dot (bullet, full-width full stop, katakana and other dots). */
const DOT_LOOKALIKES = /[\u2022\uFF0E\u30FB\uFF65\u2027\u2219\u22C5\u2E31\u16EB\u0387\u00B8\u02D1\u25CF\u25E6\u2024.]/u
const LETTER = /^[\p{Script=Han}\p{Script=Latin}]$/u
/** Control, format (zero-width, direction marks), private-use and unassigned characters, and spaces other than U+0020. */
const INVISIBLE = /[\p{C}\p{Z}]/u

/** Whether the text holds a control, format (zero-width, direction override), private-use character or a space other than U+0020. */
export function hasInvisible(text: string): boolean {
  return [...text].some((c) => c !== ' ' && INVISIBLE.test(c))
}

/**
 * A username as a reader sees it: case, separators, and digits read as letters (0/o, 1/l/i, 5/s) and letter pairs read
 * as one (rn/m, vv/w) do not tell two accounts apart, so two usernames with the same skeleton are refused.
 */
export function usernameSkeleton(username: string): string {
  return username
    .toLowerCase()
    .replace(/[._-]/g, '')
    .replace(/0/g, 'o')
    .replace(/[1i]/g, 'l')
    .replace(/5/g, 's')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
}

export function normalizeLegalName(raw: string): string {
  return raw.normalize('NFC').replace(/^ +| +$/g, '')
}

/** The first problem of a (normalised) legal name, or null. Empty names are left to the "required" check. */
export function legalNameProblem(name: string): FieldProblem | null {
  const chars = [...name]
  const lookalike = chars.find((c) => DOT_LOOKALIKES.test(c))
  if (lookalike) return { key: 'name.dot_lookalike', params: { found: lookalike } }
  const visible = chars.filter((c) => !INVISIBLE.test(c))
  if (visible.some((c) => c !== MIDDLE_DOT && !(LETTER.test(c) && /\p{L}/u.test(c)))) return { key: 'name.characters' }
  if (chars.some((c) => c !== ' ' && INVISIBLE.test(c))) return { key: 'name.invisible' }
  // Parts of letters joined by one separator each: no separator at either end, none doubled, no "· " pairs.
  if (name !== '' && !/^[^ ·]+(?:[ ·][^ ·]+)*$/u.test(name)) return { key: 'name.separators' }
  return null
}
