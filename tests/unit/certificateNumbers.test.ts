/**
 * Certificate rules of domain-reference §6 as pure functions: the four number formats of §6.4 (valid numbers of each,
 * every kind of refusal, both sides of the year and level checks), the level wording of §6.2/§6.3 both ways, the "--"
 * trade rule, and the roster's ID masking (§6.6, §7.4). Numbers are built from the reference's worked example
 * `Y000123XXXXXX195000001` (body 0001, province 23, body serial XXXXXX, year 19, level 5, serial 000001).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  certificateNumberMessage,
  checkCertificateNumber,
  LEVEL_CODES_INFERRED,
  levelWording,
  levelWordingEn,
  maskRosterIdNumber,
  parseLevelWording,
  SKILL_LEVELS,
  tradeFromWording,
  tradeWording,
  type CertificateNumberFailure,
  type CheckCertificateOptions,
  type SkillLevel,
} from '../../electron/shared/domain/certificates'
import { maskIdNumber } from '../../electron/shared/domain/idNumber'
import { messages, translateField } from '../../electron/shared/i18n/messages'

/** The reference's example with its XXXXXX body serial filled in. */
const EXAMPLE = 'Y000123456789195000001'

describe('checkCertificateNumber: valid numbers', () => {
  it('decodes every part of the 2019 format (the reference example)', () => {
    expect(checkCertificateNumber(EXAMPLE)).toEqual({
      valid: true,
      normalized: EXAMPLE,
      format: 'skill-level-2019',
      parts: {
        category: 'Y', bodyCode: '0001', registeredWith: 'ministry', province: '23', bodySerial: '456789',
        year: '19', issueYear: 2019, levelCode: '5', level: 5, serial: '000001',
      },
      unchecked: [],
    })
  })

  it.each<[string, CheckCertificateOptions, Record<string, unknown>]>([
    // S = social training-evaluation organisation; 0000 = registered only with the province (Guangdong 44).
    ['S000044123456244000123', { issued: '2024-06-30', level: 4 }, { category: 'S', bodyCode: '0000', registeredWith: 'province', province: '44', year: '24', level: 4, serial: '000123' }],
    [EXAMPLE, { issued: '2019-01-01', level: 5 }, { year: '19', level: 5 }],
    [EXAMPLE, { issued: '2019-12-31' }, { year: '19' }],
    ['Y999950000001231999999', { level: 1 }, { bodyCode: '9999', province: '50', year: '23', levelCode: '1', level: 1, serial: '999999' }],
    // Lower case and surrounding blanks are normalised, not refused.
    ['  s000044123456244000123 ', {}, { category: 'S' }],
  ])('%s %j is a valid 2019 number', (number, options, parts) => {
    const result = checkCertificateNumber(number, options)
    expect(result).toMatchObject({ valid: true, format: 'skill-level-2019', parts, unchecked: [] })
    if (result.valid) expect(result.normalized).toBe(number.trim().toUpperCase())
  })

  it('reads full-width letters and digits (a Chinese input method) as their ASCII forms', () => {
    expect(checkCertificateNumber('Ｙ０００１２３４５６７８９１９５０００００１')).toMatchObject({ valid: true, normalized: EXAMPLE })
  })

  it('reads the level digit through the level table given (the default is inferred, UNVERIFIED)', () => {
    expect(LEVEL_CODES_INFERRED).toEqual({ 1: '1', 2: '2', 3: '3', 4: '4', 5: '5' })
    const reversed = { 1: '5', 2: '4', 3: '3', 4: '2', 5: '1' } as const
    expect(checkCertificateNumber(EXAMPLE, { levelCodes: reversed })).toMatchObject({ valid: true, parts: { levelCode: '5', level: 1 } })
    expect(checkCertificateNumber(EXAMPLE, { levelCodes: reversed, level: 1 })).toMatchObject({ valid: true })
    expect(checkCertificateNumber(EXAMPLE, { levelCodes: reversed, level: 5 })).toEqual({
      valid: false, reason: 'level_mismatch', format: 'skill-level-2019', position: 16, found: '5', expected: '1',
    })
  })

  it('accepts a special-technician number (2 letters + 20 digits) and flags the checks it cannot make', () => {
    expect(checkCertificateNumber('TJ00012300000119500001')).toEqual({
      valid: true, normalized: 'TJ00012300000119500001', format: 'special-technician',
      parts: { category: 'TJ', digits: '00012300000119500001' }, unchecked: [],
    })
    expect(checkCertificateNumber('TJ00012300000119500001', { issued: '2030-01-01', level: 2 })).toMatchObject({
      valid: true, format: 'special-technician', unchecked: ['year', 'level'],
    })
  })

  it('decodes an old 16-digit qualification number and checks its year and level', () => {
    // 2005, province 44, city 01, type 2 (地方鉴定站), institution 031, level 3 (高级), sequence 00042.
    const number = '0544012031300042'
    expect(checkCertificateNumber(number, { issued: '2005-03-01', level: 3 })).toEqual({
      valid: true, normalized: number, format: 'qualification-16',
      parts: { year: '05', province: '44', city: '01', institutionType: '2', institutionSerial: '031', levelCode: '3', level: 3, sequence: '00042' },
      unchecked: [],
    })
    expect(checkCertificateNumber('9811014000599999', { issued: '1998-11-30' })).toMatchObject({ valid: true, parts: { institutionType: '4', level: 5, sequence: '99999' } })
  })

  it('accepts a 13-digit Shanghai number, gives the padded lookup number, and flags what it cannot check', () => {
    expect(checkCertificateNumber('0312345678901')).toEqual({
      valid: true, normalized: '0312345678901', format: 'shanghai-13', parts: { lookupNumber: '0000312345678901' }, unchecked: [],
    })
    expect(checkCertificateNumber('0312345678901', { issued: '2003-01-01' })).toMatchObject({ unchecked: ['year'] })
  })
})

describe('checkCertificateNumber: refusals', () => {
  it.each<[string, CheckCertificateOptions, CertificateNumberFailure, Record<string, unknown>]>([
    ['', {}, 'empty', {}],
    ['   ', {}, 'empty', {}],
    // Lengths 21 and 23 on both sides of 22, with a letter and all digits; 15, 17 and 12 around 16 and 13.
    [EXAMPLE.slice(0, 21), {}, 'wrong_length', { length: 21 }],
    [EXAMPLE + '1', {}, 'wrong_length', { length: 23 }],
    ['Y', {}, 'wrong_length', { length: 1 }],
    ['123456789012345', {}, 'wrong_length', { length: 15 }],
    ['12345678901234567', {}, 'wrong_length', { length: 17 }],
    ['123456789012', {}, 'wrong_length', { length: 12 }],
    ['0'.repeat(21), {}, 'wrong_length', { length: 21 }],
    // Anything but a letter or digit, including blanks and dashes inside the number.
    ['Y000123 456789195000001', {}, 'bad_characters', { position: 8 }],
    ['Y000123-456789195000001', {}, 'bad_characters', { position: 8 }],
    ['Y000123·456789195000001', {}, 'bad_characters', { position: 8 }],
    ['Y000123456789195000001。', {}, 'bad_characters', { position: 23 }],
    // Category: only Y or S; a 22-digit number has lost its letter.
    ['X000123456789195000001', {}, 'bad_category', { position: 1, format: 'skill-level-2019' }],
    ['A000123456789195000001', {}, 'bad_category', { position: 1 }],
    ['1000123456789195000001', {}, 'bad_category', { position: 1 }],
    // A letter among the 21 digits (a letter in 2nd place reads as the two-letter special-technician format instead).
    ['Y000123456789195O00001', {}, 'not_digits', { position: 17, format: 'skill-level-2019' }],
    ['S00012345678919500000I', {}, 'not_digits', { position: 22 }],
    ['TJ0001230000011950000I', {}, 'not_digits', { position: 22, format: 'special-technician' }],
    ['TJA001230000011950000', {}, 'wrong_length', { length: 21 }],
    ['TJA0012300000119500001', {}, 'not_digits', { position: 3 }],
    // Level digit outside 1–5.
    ['Y000123456789190000001', {}, 'bad_level_code', { position: 16, found: '0' }],
    ['Y000123456789196000001', {}, 'bad_level_code', { position: 16, found: '6' }],
    ['0544012031900042', {}, 'bad_level_code', { position: 11, found: '9', format: 'qualification-16' }],
    ['0544012031000042', {}, 'bad_level_code', { position: 11, found: '0' }],
    // Old scheme: institution type 0–4, sequence 00001–99999.
    ['0544015031300042', {}, 'bad_institution_type', { position: 7, found: '5' }],
    ['0544012031300000', {}, 'bad_sequence', { position: 12, found: '00000' }],
    // Year part against the issue date's year (both formats), level part against the level.
    [EXAMPLE, { issued: '2020-01-01' }, 'year_mismatch', { position: 14, found: '19', expected: '20' }],
    [EXAMPLE, { issued: '2018-12-31' }, 'year_mismatch', { found: '19', expected: '18' }],
    ['0544012031300042', { issued: '2006-01-01' }, 'year_mismatch', { position: 1, found: '05', expected: '06', format: 'qualification-16' }],
    [EXAMPLE, { level: 4 }, 'level_mismatch', { position: 16, found: '5', expected: '4' }],
    [EXAMPLE, { issued: '2019-05-01', level: 1 }, 'level_mismatch', { found: '5', expected: '1' }],
    ['0544012031300042', { level: 2 }, 'level_mismatch', { position: 11, found: '3', expected: '2' }],
  ])('%j %j → %s', (number, options, reason, details) => {
    expect(checkCertificateNumber(number, options)).toMatchObject({ valid: false, reason, ...details })
  })

  it('checks the shape before the options: a mistyped number is not reported as a year mismatch', () => {
    expect(checkCertificateNumber('X000123456789195000001', { issued: '2030-01-01', level: 1 })).toMatchObject({ reason: 'bad_category' })
    expect(checkCertificateNumber('Y000123456789197000001', { level: 5 })).toMatchObject({ reason: 'bad_level_code' })
  })

  it('compares only the last two digits of the year: 2119 cannot be told from 2019', () => {
    expect(checkCertificateNumber(EXAMPLE, { issued: '2119-01-01' })).toMatchObject({ valid: true, parts: { issueYear: 2019 } })
  })

  it('reports the year before the level when both disagree', () => {
    expect(checkCertificateNumber(EXAMPLE, { issued: '2024-01-01', level: 1 })).toMatchObject({ reason: 'year_mismatch' })
  })

  it('refuses options no caller should send', () => {
    expect(() => checkCertificateNumber(EXAMPLE, { issued: '2019-02-30' })).toThrow(RangeError)
    expect(() => checkCertificateNumber(EXAMPLE, { level: 6 as SkillLevel })).toThrow(RangeError)
  })
})

describe('certificate number messages', () => {
  it('every refusal has a message in both languages, with its details filled in', () => {
    const cases: Array<[string, CheckCertificateOptions, string, string]> = [
      ['', {}, '请输入证书编号', 'Enter the certificate number'],
      [EXAMPLE + '9', {}, '现为 23 位', 'this one has 23'],
      ['Y000123 456789195000001', {}, '第 8 位不是字母或数字', 'Character 8 is not'],
      ['X000123456789195000001', {}, 'Y（用人单位）或 S', 'Y (employer) or S'],
      ['Y000123456789195O00001', {}, '第 17 位应为数字', 'Character 17 must be a digit'],
      ['Y000123456789196000001', {}, '应为 1–5，现为 6', '1–5, not 6'],
      ['0544015031300042', {}, '应为 0–4，现为 5', '0–4, not 5'],
      ['0544012031300000', {}, '00001–99999', '00001–99999'],
      [EXAMPLE, { issued: '2024-01-01' }, '发证年份代码为“19”，按发证日期应为“24”', 'is "19"; the issue date calls for "24"'],
      [EXAMPLE, { level: 3 }, '等级代码为 5，按所选等级应为 3', 'code in the number is 5; the level chosen calls for 3'],
    ]
    const reasons = new Set<string>()
    for (const [number, options, zh, en] of cases) {
      const result = checkCertificateNumber(number, options)
      if (result.valid) throw new Error(`${number} should be refused`)
      reasons.add(result.reason)
      const raw = certificateNumberMessage(result)
      expect(translateField('zh-CN', raw)).toContain(zh)
      expect(translateField('en', raw)).toContain(en)
      expect(translateField('zh-CN', raw)).not.toMatch(/\{\{|cert\./)
    }
    // Every reason the checker can give is exercised above, and each has its key in both tables.
    expect(reasons.size).toBe(10)
    for (const reason of reasons) {
      expect(messages['zh-CN']).toHaveProperty(`cert.${reason}`)
      expect(messages.en).toHaveProperty(`cert.${reason}`)
    }
  })

  it('a message without details is the bare key', () => {
    expect(certificateNumberMessage({ valid: false, reason: 'empty' })).toBe('cert.empty')
    expect(certificateNumberMessage({ valid: false, reason: 'wrong_length', length: 21 })).toBe('cert.wrong_length|{"length":21}')
  })
})

describe('invariants (fast-check)', () => {
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
  /** A consistent 2019 number: category, 4+2+6 digits, the year of the issue date, the level's digit, 6 digits. */
  const consistent = fc.record({
    category: fc.constantFrom('Y', 'S'),
    head: digits(12),
    year: fc.integer({ min: 2019, max: 2099 }),
    level: fc.constantFrom(...SKILL_LEVELS),
    serial: digits(6),
    month: fc.integer({ min: 1, max: 12 }),
  })
  const numberOf = (c: { category: string; head: string; year: number; level: number; serial: string }) =>
    `${c.category}${c.head}${String(c.year).slice(2)}${c.level}${c.serial}`
  const issuedOf = (c: { year: number; month: number }) => `${c.year}-${String(c.month).padStart(2, '0')}-01`

  it('any Y/S + 21 digits with consistent parts validates, and its parts spell the number again', () => {
    fc.assert(
      fc.property(consistent, (c) => {
        const result = checkCertificateNumber(numberOf(c), { issued: issuedOf(c), level: c.level })
        if (!result.valid || result.format !== 'skill-level-2019') return false
        const p = result.parts
        return `${p.category}${p.bodyCode}${p.province}${p.bodySerial}${p.year}${p.levelCode}${p.serial}` === numberOf(c) &&
          p.level === c.level && p.issueYear === c.year
      }),
    )
  })

  it('changing one digit of the year part breaks it against the issue date', () => {
    fc.assert(
      fc.property(consistent, fc.integer({ min: 13, max: 14 }), fc.integer({ min: 1, max: 9 }), (c, index, shift) => {
        const number = numberOf(c)
        const changed = number.slice(0, index) + String((Number(number[index]) + shift) % 10) + number.slice(index + 1)
        const result = checkCertificateNumber(changed, { issued: issuedOf(c) })
        return !result.valid && result.reason === 'year_mismatch' && checkCertificateNumber(changed).valid
      }),
    )
  })

  it('a level other than the one coded is a level mismatch', () => {
    fc.assert(
      fc.property(consistent, fc.constantFrom(...SKILL_LEVELS), (c, other) => {
        fc.pre(other !== c.level)
        const result = checkCertificateNumber(numberOf(c), { level: other })
        return !result.valid && result.reason === 'level_mismatch'
      }),
    )
  })

  it('any other category letter, or any length but 22 with a letter, is refused', () => {
    fc.assert(
      fc.property(consistent, fc.constantFrom(...'ABCDEFGHIJKLMNOPQRTUVWXZ'), (c, letter) => {
        const result = checkCertificateNumber(letter + numberOf(c).slice(1))
        return !result.valid && result.reason === 'bad_category'
      }),
    )
    fc.assert(
      fc.property(consistent, fc.integer({ min: 1, max: 40 }), (c, length) => {
        fc.pre(length !== 22)
        const number = numberOf(c).padEnd(40, '7').slice(0, length)
        const result = checkCertificateNumber(number)
        return !result.valid && result.reason === 'wrong_length' && result.length === length
      }),
    )
  })
})

describe('level wording', () => {
  it.each<[SkillLevel, string, string]>([
    [5, '五级/初级工', 'Level 5 / Junior Worker'],
    [4, '四级/中级工', 'Level 4 / Intermediate Worker'],
    [3, '三级/高级工', 'Level 3 / Senior Worker'],
    [2, '二级/技师', 'Level 2 / Technician'],
    [1, '一级/高级技师', 'Level 1 / Senior Technician'],
  ])('level %i is written %s and read back', (level, zh, en) => {
    expect(levelWording(level)).toBe(zh)
    expect(levelWordingEn(level)).toBe(en)
    expect(parseLevelWording(zh)).toBe(level)
  })

  it.each<[string, SkillLevel | null]>([
    [' 五级 ／ 初级工 ', 5],
    ['三级', 3],
    ['3级', 3],
    ['技师', 2],
    ['高级技师', 1],
    ['2级/技师', 2],
    ['五级/高级技师', null],
    ['初级工/五级', null],
    ['五级/', null],
    ['六级', null],
    ['特级技师', null],
    ['初级', null],
    ['', null],
    ['五级/初级工/初级工', null],
  ])('parseLevelWording(%j) = %j', (text, level) => {
    expect(parseLevelWording(text)).toBe(level)
  })

  it('an empty trade prints "--" and "--" reads back as no trade', () => {
    expect(tradeWording(null)).toBe('--')
    expect(tradeWording(undefined)).toBe('--')
    expect(tradeWording('  ')).toBe('--')
    expect(tradeWording(' 中式面点 ')).toBe('中式面点')
    for (const text of ['--', ' -- ', '－－', '', null]) expect(tradeFromWording(text)).toBeNull()
    expect(tradeFromWording('电工')).toBe('电工')
    expect(tradeFromWording(tradeWording(null))).toBeNull()
  })
})

describe('roster ID masking', () => {
  it.each([
    // Resident ID numbers: exactly maskIdNumber, first 6 and last 4.
    ['11010519491231002X', '110105********002X'],
    [' 440106199003071231 ', '440106********1231'],
    ['440106900307123', '440106*****7123'],
    ['12345678901234', '123456****1234'],
    // Too short for 6 + 4 to hide four characters: only the last 4 stay (a passport number is not shown whole).
    ['E12345678', '*****5678'],
    ['1234567890123', '*********0123'],
    ['12345678', '****5678'],
    ['123456', '****56'],
    ['12345', '****5'],
    ['1234', '****'],
    ['', ''],
  ])('maskRosterIdNumber(%j) = %j', (id, masked) => {
    expect(maskRosterIdNumber(id)).toBe(masked)
  })

  it('is maskIdNumber for every number of 14 characters or more; shorter ones keep at most the last 4; at least 4 are hidden', () => {
    const idChars = fc.constantFrom(...'0123456789X')
    const anyLength = fc.integer({ min: 0, max: 30 }).chain((n) => fc.string({ unit: idChars, minLength: n, maxLength: n }))
    fc.assert(
      fc.property(anyLength, (id) => {
        const masked = maskRosterIdNumber(id)
        const hidden = [...masked].filter((c) => c === '*').length
        if (masked.length !== id.length || hidden < Math.min(4, id.length)) return false
        if (id.length >= 14) return masked === maskIdNumber(id)
        const shown = masked.replace(/^\**/, '')
        return id.endsWith(shown) && shown.length <= 4 && (id.length < 8 || shown.length === 4)
      }),
    )
  })
})
