/**
 * Resident ID number (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (17th character odd for men, even for women) and an ISO 7064 MOD 11-2 check character. See domain-reference §7.5.
 */
import { isValidIsoDate, type IsoDate } from './dates'
import type { Sex } from './person'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const

export type IdCheckFailure =
  | 'empty'
  | 'legacy_15_digit'
  | 'wrong_length'
  | 'bad_characters'
  | 'impossible_birth_date'
  | 'birth_date_in_future'
  | 'wrong_check_digit'

export type IdCheckResult =
  | { valid: true; normalized: string; birthDate: IsoDate; sex: Sex; addressCode: string }
  | { valid: false; failure: IdCheckFailure; reason: string; expectedCheck?: string }

export function checkCharacterFor(body17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** `today` bounds the birth date; callers pass the facility's date so the function stays pure. */
export function checkIdNumber(raw: string, today?: IsoDate): IdCheckResult {
  const value = raw.trim().toUpperCase()
  if (value.length === 0) return fail('empty', 'ID number is empty')
  if (/^\d{15}$/.test(value)) {
    return fail('legacy_15_digit', 'legacy 15-digit number (GB 11643-1989); enter the 18-digit number')
  }
  if (value.length !== 18) return fail('wrong_length', `must be 18 characters, got ${value.length}`)
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('bad_characters', 'the first 17 characters must be digits and the last a digit or X')
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (!isValidIsoDate(birthDate) || Number(value.slice(6, 10)) < 1900) {
    return fail('impossible_birth_date', `characters 7–14 are not a real birth date (${value.slice(6, 14)})`)
  }
  if (today && birthDate > today) return fail('birth_date_in_future', `birth date ${birthDate} is in the future`)
  const expected = checkCharacterFor(value.slice(0, 17))
  if (value[17] !== expected) {
    return { valid: false, failure: 'wrong_check_digit', reason: `check character should be ${expected}, not ${value[17]}`, expectedCheck: expected }
  }
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'M' : 'F'
  return { valid: true, normalized: value, birthDate, sex, addressCode: value.slice(0, 6) }
}

function fail(failure: IdCheckFailure, reason: string): IdCheckResult {
  return { valid: false, failure, reason }
}

/** Show only the first 6 and last 4 characters, as exports and rosters should (§7.4). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return id
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`
}

export function idTail(id: string): string {
  return id.slice(-4)
}
