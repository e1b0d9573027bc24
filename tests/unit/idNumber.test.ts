/**
 * Resident ID numbers (GB 11643-1999, domain-reference §7.5). Expected check characters were computed by hand:
 * weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the first 17 digits, S mod 11 → 1 0 X 9 8 7 6 5 4 3 2.
 * The weighted sum S is given beside each number.
 */
import { describe, expect, it } from 'vitest'
import { checkCharacterFor, checkIdNumber, idTail, maskIdNumber, type IdCheckFailure } from '../../electron/shared/domain/idNumber'
import { expectOneJsonLine, runCli } from './helpers'

describe('checkIdNumber: valid numbers', () => {
  it.each([
    // id, birthDate, sex, address code, S / S mod 11
    ['11010519491231002X', '1949-12-31', 'F', '110105'], // S=167, 2 → X; 17th digit 2 even → F
    ['34052419800101001X', '1980-01-01', 'M', '340524'], // S=189, 2 → X; 17th digit 1 odd → M
    ['440106199003071231', '1990-03-07', 'M', '440106'], // S=242, 0 → 1; 17th digit 3 odd
    ['44010619900307124X', '1990-03-07', 'F', '440106'], // S=244, 2 → X; 17th digit 4 even
    ['510104199602290036', '1996-02-29', 'M', '510104'], // S=237, 6 → 6; leap day 1996; 17th digit 3 odd
    ['110101200002290042', '2000-02-29', 'F', '110101'], // S=120, 10 → 2; 2000 is a leap year
    ['530102198510155677', '1985-10-15', 'M', '530102'], // S=269, 5 → 7; 17th digit 7 odd
    ['110101198808080052', '1988-08-08', 'M', '110101'], // S=230, 10 → 2; 17th digit 5 odd
    ['110101199505050061', '1995-05-05', 'F', '110101'], // S=187, 0 → 1; 17th digit 6 even
    ['110101190002280016', '1900-02-28', 'M', '110101'], // S=116, 6 → 6; the earliest year accepted
  ] as const)('%s → born %s, sex %s', (id, birthDate, sex, addressCode) => {
    const r = checkIdNumber(id)
    expect(r).toEqual({ valid: true, normalized: id, birthDate, sex, addressCode })
  })

  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['34052419800101001x', '34052419800101001X'],
    ['  440106199003071231  ', '440106199003071231'],
  ])('accepts %j and normalises it to %s', (raw, normalized) => {
    const r = checkIdNumber(raw)
    expect(r.valid).toBe(true)
    if (r.valid) expect(r.normalized).toBe(normalized)
  })

  it.each([
    ['11010519491231002', 'X'], // S=167
    ['34052419800101001', 'X'], // S=189
    ['44010619900307123', '1'], // S=242, 242 mod 11 = 0
    ['11010120000229004', '2'], // S=120, 120 mod 11 = 10
    ['11010119850615003', '5'], // S=194, 194 mod 11 = 7
    ['11010119920101004', '4'], // S=118, 118 mod 11 = 8
  ])('checkCharacterFor(%s) = %s', (body, check) => {
    expect(checkCharacterFor(body)).toBe(check)
  })

  it('accepts a birth date equal to today', () => {
    // 11010120261123001: S=112, 112 mod 11 = 2 → X
    expect(checkIdNumber('11010120261123001X', '2026-11-23')).toMatchObject({ valid: true, birthDate: '2026-11-23' })
  })
})

describe('checkIdNumber: invalid numbers', () => {
  it.each([
    // wrong check characters: the right one, and the character that must be named in the reason
    ['110105194912310021', 'X'],
    ['110105194912310020', 'X'],
    ['340524198001010011', 'X'],
    ['44010619900307123X', '1'],
    ['440106199003071232', '1'],
    ['510104199602290037', '6'],
    ['110101200002290043', '2'],
  ])('%s has a wrong check character (should be %s)', (id, expected) => {
    const r = checkIdNumber(id)
    expect(r.valid).toBe(false)
    if (r.valid) return
    expect(r.failure).toBe('wrong_check_digit')
    expect(r.expectedCheck).toBe(expected)
    expect(r.reason).toContain(`should be ${expected}`)
  })

  it.each([
    // Each carries the check character its body would need, so only the date is wrong.
    ['11010119990230001X', '1999-02-30'], // S=167
    ['110101200102290015', '2001-02-29 (2001 is not a leap year)'], // S=117
    ['110101199913010018', 'month 13'], // S=158
    ['110101199900010019', 'month 00'], // S=124
    ['110101199901000015', 'day 00'], // S=128
    ['110101199902310015', '1999-02-31'], // S=172
    ['110101199904310019', '1999-04-31'], // S=190
    ['11010118991231001X', 'before 1900'], // S=178
    ['110101190002290011', '1900-02-29 (1900 is not a leap year)'], // S=121
  ])('%s has an impossible birth date: %s', (id) => {
    const r = checkIdNumber(id)
    expect(r).toMatchObject({ valid: false, failure: 'impossible_birth_date' })
  })

  it.each<[string, IdCheckFailure]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['11010519491231002', 'wrong_length'], // 17 digits
    ['11010519491231002X1', 'wrong_length'], // 19 characters
    ['1101051949123100', 'wrong_length'], // 16 digits
    ['110105491231002', 'legacy_15_digit'],
    ['340524800101001', 'legacy_15_digit'],
    ['1101051949123100XX', 'bad_characters'],
    ['11010A19491231002X', 'bad_characters'],
    ['X10105194912310021', 'bad_characters'],
    ['110105-1949123100X', 'bad_characters'],
    ['11010519491231002Y', 'bad_characters'],
    ['１１０１０５１９４９１２３１００２X', 'bad_characters'], // full-width digits
  ])('%j → %s', (id, failure) => {
    expect(checkIdNumber(id)).toMatchObject({ valid: false, failure })
  })

  it('refuses a birth date after today when today is given, and only then', () => {
    // 11010120261124001: S=117, 117 mod 11 = 7 → 5
    const id = '110101202611240015'
    expect(checkIdNumber(id, '2026-11-23')).toMatchObject({ valid: false, failure: 'birth_date_in_future' })
    expect(checkIdNumber(id, '2026-11-24')).toMatchObject({ valid: true, birthDate: '2026-11-24' })
    expect(checkIdNumber(id)).toMatchObject({ valid: true })
  })

  it('checks the date before the check character', () => {
    // 1999-02-30 with a check character that is wrong too: the date is the reported failure.
    expect(checkIdNumber('110101199902300011')).toMatchObject({ failure: 'impossible_birth_date' })
  })
})

describe('maskIdNumber and idTail', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['440106199003071231', '440106********1231'],
    ['1234567890', '1234567890'],
    ['12345678901', '123456*8901'],
    ['123', '123'],
    ['', ''],
  ])('maskIdNumber(%j) = %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked)
  })

  it.each([
    ['11010519491231002X', '002X'],
    ['440106199003071231', '1231'],
  ])('idTail(%s) = %s', (id, tail) => {
    expect(idTail(id)).toBe(tail)
  })
})

describe('CLI check-id', () => {
  it('prints validity, birth date and sex for a valid number (lowercase x accepted), exit 0', () => {
    const run = runCli(['check-id', '11010519491231002x'])
    expect(run.code).toBe(0)
    expectOneJsonLine(run)
    expect(run.stdout.trim()).toBe('{"valid":true,"birthDate":"1949-12-31","sex":"F"}')
  })

  it('prints the reason for a wrong check character, exit 1', () => {
    const run = runCli(['check-id', '340524198001010011'])
    expect(run.code).toBe(1)
    expectOneJsonLine(run)
    expect(Object.keys(run.json as object)).toEqual(['valid', 'reason'])
    expect(run.json).toMatchObject({ valid: false })
    expect((run.json as { reason: string }).reason).toContain('X')
  })

  it('reports an impossible date, exit 1', () => {
    const run = runCli(['check-id', '110101200102290015'])
    expect(run.code).toBe(1)
    expect(run.json).toEqual({ valid: false, reason: expect.stringContaining('20010229') })
  })
})
