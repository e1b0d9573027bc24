/**
 * Certificate numbers (证书编号), domain-reference §6.4. Four formats are told apart by length and leading letters:
 * - skill-level-2019: the 职业技能等级证书 since the 2019 reform, 22 characters = Y or S + 21 digits, 7 parts [P42a];
 * - special-technician: 特级技师 certificates, 2 upper-case letters + 20 digits, also 7 parts [P42c];
 * - qualification-16: the old 职业资格证书, 16 digits [P43a];
 * - shanghai-13: Shanghai's old 13-digit numbers, looked up as "000" + the number [P43b].
 *
 * Where the reference is unsure the number is accepted and the check that could not be made is named in `unchecked`
 * (never a guessed rejection): the special-technician part widths and the Shanghai layout are not known, so their year
 * and level cannot be compared with the issue date and level. The level digit of the 2019 format is read through
 * `levelCodes`, whose default (digit = level, 5 = 五级/初级工) is inferred, not verified (§6.2): callers pass a facility
 * setting when the customer confirms another table. Province codes are not checked against a list (表4 of the coding
 * rule was not retrieved), nor body codes and serials (assigned by HR departments and bodies).
 */
import { isValidIsoDate, type IsoDate } from '../dates'
import { isSkillLevel, type SkillLevel } from './levels'

export const CERTIFICATE_FORMATS = ['skill-level-2019', 'special-technician', 'qualification-16', 'shanghai-13'] as const
export type CertificateFormat = (typeof CERTIFICATE_FORMATS)[number]

/** Why a number is refused; each has a field message `cert.<reason>` in electron/shared/i18n/certificateMessages.ts. */
export const CERTIFICATE_NUMBER_FAILURES = [
  'empty',
  'wrong_length',
  'bad_characters',
  'bad_category',
  'not_digits',
  'bad_level_code',
  'bad_institution_type',
  'bad_sequence',
  'year_mismatch',
  'level_mismatch',
] as const
export type CertificateNumberFailure = (typeof CERTIFICATE_NUMBER_FAILURES)[number]

/** The checks options can ask for and a format may be unable to make. */
export type CertificateCheck = 'year' | 'level'

/** Digit of the level part → level, for the 2019 format. See LEVEL_CODES_INFERRED. */
export type LevelCodes = Readonly<Record<SkillLevel, string>>

/**
 * UNVERIFIED for the 2019 format: 表5 (level codes) of the coding rule was not retrieved. Digit d = level d (5 = 五级/初级工,
 * 1 = 一级/高级技师) is inferred from the old scheme, where it is explicit, and from the worked example (§6.2). A facility
 * setting replaces it once the customer confirms the table. The old 16-digit scheme's codes are verified and fixed below.
 */
export const LEVEL_CODES_INFERRED: LevelCodes = { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5' }

export interface CheckCertificateOptions {
  /** Issue date (发证日期): the year part must be its last two digits. */
  issued?: IsoDate
  /** The certificate's level (1 = 一级/高级技师 … 5 = 五级/初级工): the level part must code it. */
  level?: SkillLevel
  /** Level digit table of the 2019 format; default LEVEL_CODES_INFERRED. */
  levelCodes?: LevelCodes
}

export interface SkillLevel2019Parts {
  /** Y = 用人单位 (employer), S = 社会培训评价组织 (social training-evaluation organisation). */
  category: 'Y' | 'S'
  /** 0001–9999 if registered with MOHRSS, 0000 if registered only at provincial level. */
  bodyCode: string
  registeredWith: 'ministry' | 'province'
  province: string
  bodySerial: string
  /** The two digits as printed, and the year they stand for (20yy: the format dates from 2019). */
  year: string
  issueYear: number
  levelCode: string
  /** The level the digit codes under the level table in use; null when the table has no such digit. */
  level: SkillLevel | null
  serial: string
}

export interface SpecialTechnicianParts {
  /** The two letters (category); the widths of the 20 digits' six parts are not known (§6.4, [P42c]). */
  category: string
  digits: string
}

export const OLD_INSTITUTION_TYPES = {
  '0': '职业技能鉴定（指导）中心',
  '1': '国家职业技能鉴定所',
  '2': '地方职业技能鉴定站',
  '3': '行业特有工种职业技能鉴定站',
  '4': '工人考核委员会/企业内鉴定',
} as const
export type OldInstitutionType = keyof typeof OLD_INSTITUTION_TYPES

export interface Qualification16Parts {
  /** Two digits of the issue year (pre-reform certificates span two centuries: 98 = 1998, 05 = 2005). */
  year: string
  /** Province or State Council ministry code. */
  province: string
  city: string
  institutionType: OldInstitutionType
  institutionSerial: string
  levelCode: string
  /** Explicit in the old scheme: 5 初级 … 1 高级技师. */
  level: SkillLevel
  sequence: string
}

export interface Shanghai13Parts {
  /** The number padded with "000" to 16 digits, as the national lookup wants it (§6.4, [P43b]). */
  lookupNumber: string
}

export type CertificateNumberValid =
  | { valid: true; normalized: string; format: 'skill-level-2019'; parts: SkillLevel2019Parts; unchecked: CertificateCheck[] }
  | { valid: true; normalized: string; format: 'special-technician'; parts: SpecialTechnicianParts; unchecked: CertificateCheck[] }
  | { valid: true; normalized: string; format: 'qualification-16'; parts: Qualification16Parts; unchecked: CertificateCheck[] }
  | { valid: true; normalized: string; format: 'shanghai-13'; parts: Shanghai13Parts; unchecked: CertificateCheck[] }

export interface CertificateNumberInvalid {
  valid: false
  reason: CertificateNumberFailure
  /** The format the number was read as, when its shape said so. */
  format?: CertificateFormat
  /** 1-based position of the offending character (bad_characters, bad_category, not_digits, bad_level_code, …). */
  position?: number
  /** wrong_length: the length typed. */
  length?: number
  /** The part as found in the number and what the options expect (year_mismatch: "23" vs "24"; level_mismatch). */
  found?: string
  expected?: string
}

export type CertificateNumberCheck = CertificateNumberValid | CertificateNumberInvalid

const LETTER = /^[A-Z]$/
const DIGITS = /^\d+$/

/**
 * Checks a certificate number. Full-width characters become ASCII, surrounding white space is dropped and letters are
 * upper-cased (`normalized` is what to store); anything else is taken as typed. Throws RangeError for options no caller should send (an impossible date, a
 * level outside 1–5): the CLI and the contract refuse those before calling.
 */
export function checkCertificateNumber(raw: string, options: CheckCertificateOptions = {}): CertificateNumberCheck {
  if (options.issued !== undefined && !isValidIsoDate(options.issued)) throw new RangeError(`not a calendar date: ${options.issued}`)
  if (options.level !== undefined && !isSkillLevel(options.level)) throw new RangeError(`level must be 1-5, got ${String(options.level)}`)
  // NFKC turns full-width letters and digits (a Chinese input method in full-width mode) into their ASCII forms.
  const value = raw.normalize('NFKC').trim().toUpperCase()
  if (value === '') return { valid: false, reason: 'empty' }
  const odd = [...value].findIndex((c) => !/[A-Z0-9]/.test(c))
  if (odd >= 0) return { valid: false, reason: 'bad_characters', position: odd + 1 }

  if (DIGITS.test(value)) {
    if (value.length === 16) return checkQualification16(value, options)
    if (value.length === 13) return accept(value, 'shanghai-13', { lookupNumber: `000${value}` }, uncheckable(options))
    // 22 digits: the 2019 shape with its category letter missing or typed as a digit.
    if (value.length === 22) return { valid: false, reason: 'bad_category', format: 'skill-level-2019', position: 1 }
    return { valid: false, reason: 'wrong_length', length: value.length }
  }
  if (value.length !== 22) return { valid: false, reason: 'wrong_length', length: value.length }
  if (LETTER.test(value[0]!) && LETTER.test(value[1]!)) return checkSpecialTechnician(value, options)
  return checkSkillLevel2019(value, options)
}

function checkSkillLevel2019(value: string, options: CheckCertificateOptions): CertificateNumberCheck {
  const format = 'skill-level-2019'
  const category = value[0]!
  if (category !== 'Y' && category !== 'S') return { valid: false, reason: 'bad_category', format, position: 1 }
  const notDigit = firstNonDigit(value, 1)
  if (notDigit !== null) return { valid: false, reason: 'not_digits', format, position: notDigit }

  const bodyCode = value.slice(1, 5)
  const year = value.slice(13, 15)
  const levelCode = value[15]!
  // The reference states the level part is a digit 1–5; only which digit codes which level is unverified.
  if (!/[1-5]/.test(levelCode)) return { valid: false, reason: 'bad_level_code', format, position: 16, found: levelCode }
  const codes = options.levelCodes ?? LEVEL_CODES_INFERRED
  const level = (Object.entries(codes).find(([, digit]) => digit === levelCode)?.[0] ?? null) as `${SkillLevel}` | null
  const parts: SkillLevel2019Parts = {
    category,
    bodyCode,
    registeredWith: bodyCode === '0000' ? 'province' : 'ministry',
    province: value.slice(5, 7),
    bodySerial: value.slice(7, 13),
    year,
    issueYear: 2000 + Number(year),
    levelCode,
    level: level === null ? null : (Number(level) as SkillLevel),
    serial: value.slice(16, 22),
  }
  const mismatch = yearMismatch(year, options, format, 14) ?? levelMismatch(levelCode, options.level && codes[options.level], format, 16)
  return mismatch ?? accept(value, format, parts, [])
}

function checkSpecialTechnician(value: string, options: CheckCertificateOptions): CertificateNumberCheck {
  const format = 'special-technician'
  const notDigit = firstNonDigit(value, 2)
  if (notDigit !== null) return { valid: false, reason: 'not_digits', format, position: notDigit }
  return accept(value, format, { category: value.slice(0, 2), digits: value.slice(2) }, uncheckable(options))
}

function checkQualification16(value: string, options: CheckCertificateOptions): CertificateNumberCheck {
  const format = 'qualification-16'
  const institutionType = value[6]!
  if (!(institutionType in OLD_INSTITUTION_TYPES)) {
    return { valid: false, reason: 'bad_institution_type', format, position: 7, found: institutionType }
  }
  const levelCode = value[10]!
  if (!/[1-5]/.test(levelCode)) return { valid: false, reason: 'bad_level_code', format, position: 11, found: levelCode }
  const sequence = value.slice(11, 16)
  // 00001–99999 per institution, level and year [P43a]: all zeros is not a sequence number.
  if (sequence === '00000') return { valid: false, reason: 'bad_sequence', format, position: 12, found: sequence }
  const parts: Qualification16Parts = {
    year: value.slice(0, 2),
    province: value.slice(2, 4),
    city: value.slice(4, 6),
    institutionType: institutionType as OldInstitutionType,
    institutionSerial: value.slice(7, 10),
    levelCode,
    level: Number(levelCode) as SkillLevel,
    sequence,
  }
  const mismatch = yearMismatch(parts.year, options, format, 1) ?? levelMismatch(levelCode, options.level && String(options.level), format, 11)
  return mismatch ?? accept(value, format, parts, [])
}

function yearMismatch(year: string, options: CheckCertificateOptions, format: CertificateFormat, position: number): CertificateNumberInvalid | null {
  if (options.issued === undefined) return null
  const expected = options.issued.slice(2, 4)
  return year === expected ? null : { valid: false, reason: 'year_mismatch', format, position, found: year, expected }
}

function levelMismatch(code: string, expected: string | undefined, format: CertificateFormat, position: number): CertificateNumberInvalid | null {
  if (expected === undefined || code === expected) return null
  return { valid: false, reason: 'level_mismatch', format, position, found: code, expected }
}

/** The checks the options ask for that a format without a known layout cannot make. */
function uncheckable(options: CheckCertificateOptions): CertificateCheck[] {
  const out: CertificateCheck[] = []
  if (options.issued !== undefined) out.push('year')
  if (options.level !== undefined) out.push('level')
  return out
}

function firstNonDigit(value: string, from: number): number | null {
  for (let i = from; i < value.length; i++) if (!/\d/.test(value[i]!)) return i + 1
  return null
}

function accept<F extends CertificateFormat>(
  normalized: string,
  format: F,
  parts: Extract<CertificateNumberValid, { format: F }>['parts'],
  unchecked: CertificateCheck[],
): CertificateNumberValid {
  return { valid: true, normalized, format, parts, unchecked } as CertificateNumberValid
}

/**
 * The field message of a refused number as it crosses the API: `cert.<reason>` with its details as JSON after a bar
 * (`cert.year_mismatch|{"found":"23","expected":"24"}`), translated by translateField on either side.
 */
export function certificateNumberMessage(failure: CertificateNumberInvalid): string {
  const params: Record<string, string | number> = {}
  if (failure.position !== undefined) params.position = failure.position
  if (failure.length !== undefined) params.length = failure.length
  if (failure.found !== undefined) params.found = failure.found
  if (failure.expected !== undefined) params.expected = failure.expected
  const key = `cert.${failure.reason}`
  return Object.keys(params).length === 0 ? key : `${key}|${JSON.stringify(params)}`
}
