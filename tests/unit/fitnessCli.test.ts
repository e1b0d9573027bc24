/**
 * `npm run -s cli -- grade-fitness …` and `step-index …`: one JSON line with fixed keys, exit 2 with {"error": …} on
 * bad input. Expected lines are worked out by hand from domain-reference §5.3 (the engine's tables are covered in
 * fitnessNormsTables.test.ts; each case here spawns tsx, which reads the norms folder instead of Vite's glob).
 */
import { describe, expect, it } from 'vitest'
import { expectOneJsonLine, runCli } from './helpers'

const base = ['grade-fitness', '--standard', 'GTY-2003-adult']

describe('cli grade-fitness', () => {
  it.each([
    // Man 22 (20–24): 170 cm 65 kg in the 5-pt range [55.8, 72.1]; vital 4000 ≥ 3985 → 4; step 67.7 → 5; grip 49.3 → 4;
    // push-ups 28 → 4; jump 45.9 → 5; sit-and-reach −3.5 → 1 (negative value as a separate argument); reaction 0.43 → 4;
    // stand 42 → 4. Total 5+4+5+4+4+5+1+4+4 = 36 > 33 → excellent.
    [
      ['--sex', 'M', '--age', '22', '--height', '170', '--weight', '65', '--vital-capacity', '4000', '--step-index', '67.7', '--grip', '49.3',
        '--push-ups', '28', '--vertical-jump', '45.9', '--sit-and-reach', '-3.5', '--choice-reaction', '0.43', '--single-leg-stand', '42'],
      '{"items":{"height_weight":5,"vital_capacity":4,"step_index":5,"grip":4,"push_ups":4,"vertical_jump":5,"sit_and_reach":1,' +
        '"choice_reaction":4,"single_leg_stand":4},"total":36,"grade":"excellent","notApplicable":["sit_ups"],"missing":[]}',
    ],
    // Woman 27 (25–29), 160 cm 48 kg < 48.1 → 3; vital 1835 → 2; step 46.9 → 2; grip 21.8 → 2; sit-ups 12 → 3; jump 15.1 → 2;
    // sit-and-reach 2.0 → 2; reaction 0.68 → 2 (erratum); stand 6 → 2. Total 20 < 23 → fail.
    [
      ['--sex', 'F', '--age', '27', '--height', '160.9', '--weight', '48', '--vital-capacity', '1835', '--step-index', '46.9', '--grip', '21.8',
        '--sit-ups', '12', '--vertical-jump', '15.1', '--sit-and-reach', '2', '--choice-reaction', '0.68', '--single-leg-stand', '6'],
      '{"items":{"height_weight":3,"vital_capacity":2,"step_index":2,"grip":2,"sit_ups":3,"vertical_jump":2,"sit_and_reach":2,' +
        '"choice_reaction":2,"single_leg_stand":2},"total":20,"grade":"fail","notApplicable":["push_ups"],"missing":[]}',
    ],
    // Man 45: three items not applicable; grip 29.1 < 29.2 → 0 (无分): no grade; height and stand not given → missing.
    [
      ['--sex', 'M', '--age', '45', '--vital-capacity', '4100', '--step-index', '53.6', '--grip', '29.1', '--sit-and-reach=-10', '--choice-reaction', '0.5'],
      '{"items":{"vital_capacity":5,"step_index":3,"grip":0,"sit_and_reach":1,"choice_reaction":4},"total":13,"grade":null,' +
        '"notApplicable":["push_ups","sit_ups","vertical_jump"],"missing":["height_weight","single_leg_stand"]}',
    ],
    // Woman 21, complete but grip 18.5 < 18.6 → 0: no grade although the total is high.
    [
      ['--sex', 'F', '--age', '21', '--height', '158', '--weight', '55', '--vital-capacity', '3260', '--step-index', '67.2', '--grip', '18.5',
        '--sit-ups', '37', '--vertical-jump', '30.1', '--sit-and-reach', '20.3', '--choice-reaction', '0.4', '--single-leg-stand', '91'],
      '{"items":{"height_weight":5,"vital_capacity":5,"step_index":5,"grip":0,"sit_ups":5,"vertical_jump":5,"sit_and_reach":5,' +
        '"choice_reaction":5,"single_leg_stand":5},"total":40,"grade":null,"notApplicable":["push_ups"],"missing":[]}',
    ],
    // A height whose height-weight row the file does not have (men 20–29 are keyed 165–175 cm): no points, no grade.
    [
      ['--sex', 'M', '--age', '25', '--height', '180', '--weight', '75'],
      '{"items":{},"total":0,"grade":null,"notApplicable":["sit_ups"],"missing":["height_weight","vital_capacity","step_index","grip",' +
        '"push_ups","vertical_jump","sit_and_reach","choice_reaction","single_leg_stand"]}',
    ],
  ])('grade-fitness %j', (args, line) => {
    const run = runCli([...base, ...args])
    expectOneJsonLine(run)
    expect(run.stdout).toBe(line + '\n')
    expect(run.code).toBe(0)
  })

  it.each([
    [[...base, '--sex', 'M', '--age', '60'], 'age 60 is not covered by standard GTY-2003-adult (ages 20-59)'],
    [[...base, '--sex', 'F', '--age', '19', '--grip', '30'], 'age 19 is not covered by standard GTY-2003-adult (ages 20-59)'],
    [['grade-fitness', '--standard', 'GTY-2023-adult', '--sex', 'M', '--age', '30'], 'unknown standard "GTY-2023-adult" (one of GTY-2003-adult)'],
    [[...base, '--sex', 'X', '--age', '30'], '--sex must be M or F, got "X"'],
    [[...base, '--age', '30'], '--sex M|F is required'],
    [[...base, '--sex', 'M'], '--age N (whole years on the test date) is required'],
    [[...base, '--sex', 'M', '--age', '30.5'], '--age must be whole years, got "30.5"'],
    [[...base, '--sex', 'M', '--age', '30', '--grip', 'strong'], '--grip must be a number, got "strong"'],
    [[...base, '--sex', 'M', '--age', '30', '--vital-capacity', '40000'], '--vital-capacity 40000 is implausible: expected 300 to 9000 mL'],
    [[...base, '--sex', 'M', '--age', '30', '--choice-reaction', '12'], '--choice-reaction 12 is implausible: expected 0.15 to 3 s'],
    [[...base, '--sex', 'M', '--age', '30', '--grip', '45.25'], '--grip 45.25 has too many decimals: at most 1'],
    [[...base, '--sex', 'M', '--age', '30', '--height', '170'], '--height and --weight go together (the height-standard-weight item needs both)'],
    [[...base, '--sex', 'M', '--age', '30', '--grip', '40', '--grip', '41'], '--grip is given twice'],
    [[...base, '--sex', 'M', '--age', '30', '--grip'], '--grip needs a value'],
  ])('%j → exit 2, %s', (args, error) => {
    const run = runCli(args)
    expectOneJsonLine(run)
    expect(run.json).toEqual({ error })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('')
  })

  it('refuses an unknown option with the usage', () => {
    const run = runCli([...base, '--sex', 'M', '--age', '30', '--bmi', '22'])
    expect(run.code).toBe(2)
    expect((run.json as { error: string }).error).toMatch(/^unknown option "--bmi"; usage: grade-fitness --standard ID --sex M\|F --age N/)
  })
})

describe('cli step-index', () => {
  it.each([
    [['--duration', '180', '--pulses', '50,45,40'], '{"index":66.7}'],
    [['--duration', '180', '--pulses', '55,54,51'], '{"index":56.3}'],
    [['--duration=150', '--pulses=60,55,50'], '{"index":45.5}'],
  ])('step-index %j', (args, line) => {
    const run = runCli(['step-index', ...args])
    expectOneJsonLine(run)
    expect(run.stdout).toBe(line + '\n')
    expect(run.code).toBe(0)
  })

  it.each([
    [['--duration', '180'], 'usage: step-index --duration S --pulses A,B,C'],
    [['--duration', '180', '--pulses', '50,45'], '--pulses takes three counts A,B,C, got 2'],
    [['--duration', '180', '--pulses', '50,x,40'], '--pulses (count 2) must be a number, got "x"'],
    [['--duration', '0', '--pulses', '50,45,40'], '--duration 0 is implausible: expected 1 to 180 s'],
    [['--duration', '180', '--pulses', '50,45,400'], '--pulses (count 3) 400 is implausible: expected 10 to 120 beats'],
    [['--duration', '180', '--pulses', '50,45,40', '--rate', '120'], 'unknown option "--rate"; usage: step-index --duration S --pulses A,B,C'],
  ])('%j → exit 2, %s', (args, error) => {
    const run = runCli(['step-index', ...args])
    expectOneJsonLine(run)
    expect(run.json).toEqual({ error })
    expect(run.code).toBe(2)
  })
})
