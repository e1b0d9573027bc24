/**
 * `npm run -s cli -- score <instrumentId> <answers>`: one JSON line, exact keys in a fixed order, exit 2 with
 * {"error": …} on bad input. Expected lines are worked out by hand (see scoring.test.ts for the rules).
 */
import { describe, expect, it } from 'vitest'
import { expectOneJsonLine, runCli } from './helpers'

const repeat = (value: number, n: number) => Array<number>(n).fill(value).join(',')

/** Each case spawns tsx (about half a second), so the engine's own tables live in scoring.test.ts. */

describe('cli score', () => {
  it.each([
    // PHQ-9 total 1, item 9 = 1 > 0: only the item flag is printed
    [['phq9', '0,0,0,0,0,0,0,0,1'], '{"total":1,"band":"minimal","flags":["suicide_item"]}'],
    // PHQ-9 2+2+2+2+2+2+2+1+0 = 15 → moderately severe; the band flag is not printed
    [['phq9', '2,2,2,2,2,2,2,1,0'], '{"total":15,"band":"moderately_severe","flags":[]}'],
    // GAD-7 7 × 3 = 21 → severe
    [['gad7', '3,3,3,3,3,3,3'], '{"total":21,"band":"severe","flags":[]}'],
    // SDS all 1: 10 × 1 + 10 × 4 = 50; 62.5 → 62 (truncate); SDS_CN_53 → mild
    [['zung_sds', repeat(1, 20)], '{"raw":50,"standardScore":62,"band":"mild"}'],
    // same, rounded half up: 63 → moderate
    [['zung_sds', repeat(1, 20), '--rounding', 'round_half_up'], '{"raw":50,"standardScore":63,"band":"moderate"}'],
    // SAS all 2: 15 × 2 + 5 × 3 = 45; 56.25 → 56; mild
    [['zung_sas', repeat(2, 20)], '{"raw":45,"standardScore":56,"band":"mild"}'],
    // SCL-90 all 1 except items 1 and 2 at 5 (somatization, anxiety): total 98, GSI 98/90 = 1.089 → 1.09; 2 positives,
    // mean (98 − 88) / 2 = 5; somatization (11 + 5)/12 = 1.333 → 1.33; anxiety (9 + 5)/10 = 1.40; not positive
    [
      ['scl90', `5,5,${repeat(1, 88)}`],
      '{"total":98,"gsi":1.09,"positiveItems":2,"positiveSymptomMean":5,"factors":{"somatization":1.33,"obsessive_compulsive":1,' +
        '"interpersonal_sensitivity":1,"depression":1,"anxiety":1.4,"hostility":1,"phobic_anxiety":1,"paranoid_ideation":1,' +
        '"psychoticism":1,"additional":1},"screenPositive":false}',
    ],
  ])('score %s', (args, line) => {
    const run = runCli(['score', ...args])
    expectOneJsonLine(run)
    expect(run.stdout).toBe(line + '\n')
    expect(run.code).toBe(0)
  })

  it.each([
    [['phq9', '0,0,0,0,0,0,0,0'], 'expected 9 answers, got 8'],
    [['phq9', '0,0,4,0,0,0,0,0,0'], 'item 3: 4 is outside 0–3'],
    [['phq9', '0,0,0,x,0,0,0,0,0'], 'item 4: "x" is not a number'],
    [['gad7', '0,0,0,0,0,0,1.5'], 'item 7: 1.5 is not a whole number'],
    [['bdi', '1,2,3'], 'unknown instrument "bdi" (one of phq9, gad7, scl90, zung_sds, zung_sas)'],
    [['zung_sds', repeat(1, 20), '--cutoff-set', 'SDS_X'], 'unknown cut-off set "SDS_X" for zung_sds (one of SDS_CN_53, SDS_ZUNG_50)'],
  ])('score %j → exit 2, %s', (args, error) => {
    const run = runCli(['score', ...args])
    expectOneJsonLine(run)
    expect(run.json).toEqual({ error })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('')
  })

  it('without answers prints the usage', () => {
    const run = runCli(['score', 'phq9'])
    expect(run.code).toBe(2)
    expect((run.json as { error: string }).error).toMatch(/^usage: score <instrumentId> <answers>/)
  })
})
