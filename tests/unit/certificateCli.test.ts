/**
 * `npm run -s cli -- check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]`, the stable interface of issue 12: one
 * JSON line; exit 0 {"valid":true,"format","parts"}, exit 1 {"valid":false,"reason"}, exit 2 {"error"} for unusable
 * arguments. The rules themselves are covered in certificateNumbers.test.ts; each case here spawns tsx.
 */
import { describe, expect, it } from 'vitest'
import { expectOneJsonLine, runCli } from './helpers'

const EXAMPLE = 'Y000123456789195000001'
const USAGE = 'usage: check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]'

describe('cli check-cert', () => {
  it('a valid 2019 number: exit 0, every part decoded, keys in a fixed order', () => {
    const run = runCli(['check-cert', EXAMPLE, '--issued', '2019-07-01', '--level', '5'])
    expectOneJsonLine(run)
    expect(run.stdout).toBe(
      '{"valid":true,"format":"skill-level-2019","parts":{"category":"Y","bodyCode":"0001","registeredWith":"ministry",' +
        '"province":"23","bodySerial":"456789","year":"19","issueYear":2019,"levelCode":"5","level":5,"serial":"000001"}}\n',
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })

  it.each([
    [['check-cert', '0544012031300042', '--issued=2005-03-01', '--level=3'], 'qualification-16', { year: '05', level: 3, institutionType: '2' }],
    [['check-cert', '0312345678901'], 'shanghai-13', { lookupNumber: '0000312345678901' }],
    [['check-cert', 'TJ00012300000119500001'], 'special-technician', { category: 'TJ' }],
    [['check-cert', '--level', '4', 'S000044123456244000123'], 'skill-level-2019', { category: 'S', registeredWith: 'province', level: 4 }],
  ])('%j → exit 0, %s', (args, format, parts) => {
    const run = runCli(args)
    expectOneJsonLine(run)
    expect(run.json).toEqual({ valid: true, format, parts: expect.objectContaining(parts) })
    expect(run.code).toBe(0)
  })

  it('a format whose year and level positions are unknown is accepted with the checks it could not make named', () => {
    const run = runCli(['check-cert', 'TJ00012300000119500001', '--issued', '2024-01-01', '--level', '1'])
    expect(run.json).toEqual({ valid: true, format: 'special-technician', parts: { category: 'TJ', digits: '00012300000119500001' }, unchecked: ['year', 'level'] })
    expect(run.code).toBe(0)
  })

  it.each([
    [[EXAMPLE.slice(0, 21)], 'wrong_length'],
    [[EXAMPLE + '0'], 'wrong_length'],
    [['X' + EXAMPLE.slice(1)], 'bad_category'],
    [['Y000123456789195O00001'], 'not_digits'],
    [['Y000123456789196000001'], 'bad_level_code'],
    [[EXAMPLE, '--issued', '2020-01-01'], 'year_mismatch'],
    [[EXAMPLE, '--level', '4'], 'level_mismatch'],
    [['0544012031300042', '--issued', '2006-01-01'], 'year_mismatch'],
  ])('%j → exit 1, %s', (args, reason) => {
    const run = runCli(['check-cert', ...args])
    expectOneJsonLine(run)
    expect(run.stdout).toBe(`{"valid":false,"reason":"${reason}"}\n`)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
  })

  it.each([
    [[], USAGE],
    [['  '], USAGE],
    [['--issued', '2019-01-01'], USAGE],
    [[EXAMPLE, '--issued', '2019-02-30'], '--issued must be a date YYYY-MM-DD, got "2019-02-30"'],
    [[EXAMPLE, '--issued', '19-01-01'], '--issued must be a date YYYY-MM-DD, got "19-01-01"'],
    [[EXAMPLE, '--level', '0'], '--level must be 1-5 (1 = 一级/高级技师 … 5 = 五级/初级工), got "0"'],
    [[EXAMPLE, '--level', '6'], '--level must be 1-5 (1 = 一级/高级技师 … 5 = 五级/初级工), got "6"'],
    [[EXAMPLE, '--level', '五'], '--level must be 1-5 (1 = 一级/高级技师 … 5 = 五级/初级工), got "五"'],
    [[EXAMPLE, '--level'], '--level needs a value'],
    [[EXAMPLE, '--level', '5', '--level', '5'], '--level is given twice'],
    [[EXAMPLE, '--trade', '电工'], `unknown option "--trade"; ${USAGE}`],
    [[EXAMPLE, EXAMPLE], `unexpected argument "${EXAMPLE}"; ${USAGE}`],
  ])('%j → exit 2, %s', (args, error) => {
    const run = runCli(['check-cert', ...args])
    expectOneJsonLine(run)
    expect(run.json).toEqual({ error })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('')
  })

  it('--help prints its line', () => {
    const run = runCli(['check-cert', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('  check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]   validate a certificate number (22-char, 16 or 13 digits)\n')
  })
})
