/**
 * `npm run -s cli -- aftercare-stats --db FILE --from YYYY-MM-DD --to YYYY-MM-DD`: exactly the JSON on one line,
 * the figures the cohort screen shows; bad arguments exit 2 with {"error": …} and the file is untouched.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aftercareWorld, contact } from './aftercareFixtures'
import { expectOneJsonLine, ok, runCli, tempDir } from './helpers'

const temp = tempDir('xinsheng-aftercare-')
const file = join(temp.dir, 'aftercare.db')
const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex')

beforeAll(() => {
  const s = aftercareWorld(file)
  const record = (personId: string, contactOn: string, status: 'abstinent' | 'relapsed' | 'lost_contact') =>
    ok(s.run('aftercare:recordContact', contact({ personId, contactOn, status, reached: status !== 'lost_contact' })))
  record(s.released('2025-03-01').personId, '2025-04-01', 'abstinent')
  record(s.released('2025-05-01').personId, '2025-06-01', 'relapsed')
  record(s.released('2025-07-01').personId, '2025-08-01', 'lost_contact')
  s.released('2025-09-01')
  s.released('2025-10-01', 'transfer')
  s.w.db.pragma('wal_checkpoint(TRUNCATE)')
  s.w.close()
})
afterAll(() => temp.cleanup())

describe('cli aftercare-stats', () => {
  it('prints exactly the issue\'s keys: 4 released (the transfer not covered), 2 reached, rates 1/2 and 1/4', () => {
    const before = digest()
    const run = runCli(['aftercare-stats', '--db', file, '--from', '2025-01-01', '--to', '2025-12-31'])
    expect(run.code).toBe(0)
    expectOneJsonLine(run)
    expect(run.stdout).toBe('{"released":4,"reached":2,"abstinent":1,"relapsed":1,"lost":1,"abstinenceRateReached":0.5,"abstinenceRateAll":0.25}\n')
    expect(digest()).toBe(before)
  })

  it('an empty range: zeros and null rates; --as-of cuts the contacts', () => {
    expect(runCli(['aftercare-stats', '--db', file, '--from', '2024-01-01', '--to', '2024-12-31']).json).toEqual({
      released: 0, reached: 0, abstinent: 0, relapsed: 0, lost: 0, abstinenceRateReached: null, abstinenceRateAll: null,
    })
    expect(runCli(['aftercare-stats', '--db', file, '--from', '2025-01-01', '--to', '2025-12-31', '--as-of', '2025-05-15']).json).toEqual({
      released: 2, reached: 1, abstinent: 1, relapsed: 0, lost: 0, abstinenceRateReached: 1, abstinenceRateAll: 0.5,
    })
  })

  it.each([
    [['--from', '2025-01-01'], /^--to YYYY-MM-DD is required$/],
    [['--to', '2025-01-01'], /^--from YYYY-MM-DD is required$/],
    [['--from', '2025-02-30', '--to', '2025-12-31'], /^--from must be a calendar date YYYY-MM-DD, got "2025-02-30"$/],
    [['--from', '2025-01-01', '--to', '2025-13-01'], /^--to must be a calendar date/],
    [['--from', '2025-12-31', '--to', '2025-01-01'], /^--to \(2025-01-01\) is before --from \(2025-12-31\)$/],
    [['--from', '2025-01-01', '--to', '2025-12-31', '--as-of', 'today'], /^--as-of must be a calendar date/],
    [['--from', '2025-01-01', '--to', '2025-12-31', '--ward', 'x'], /unknown option/i],
    [['--from', '2025-01-01', '--to', '2025-12-31', 'extra'], /^unexpected argument "extra"$/],
  ])('refuses %j with exit 2 and changes nothing', (args, message) => {
    const before = digest()
    const run = runCli(['aftercare-stats', '--db', file, ...args])
    expect(run.code).toBe(2)
    expectOneJsonLine(run)
    expect((run.json as { error: string }).error).toMatch(message)
    expect(digest()).toBe(before)
  })

  it('refuses a missing --db or a missing file', () => {
    expect(runCli(['aftercare-stats', '--from', '2025-01-01', '--to', '2025-12-31']).json).toEqual({ error: '--db FILE is required' })
    expect(runCli(['aftercare-stats', '--db', join(temp.dir, 'none.db'), '--from', '2025-01-01', '--to', '2025-12-31']).code).toBe(2)
  })
})
