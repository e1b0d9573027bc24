/**
 * Norms are data: the shipped files load through Vite's glob, a facility adds a standard as a file (graded without
 * code changes), and a bad file is refused with its name and the path of the bad value — a shipped one at start-up,
 * a facility's one reported while the app goes on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_STANDARD_ID,
  FITNESS_STANDARDS,
  getFitnessStandard,
  listFitnessStandards,
  extraStandardProblems,
  loadExtraStandards,
  shippedNormsLoadedBy,
} from '../../electron/core/fitness/norms'
import { FitnessStandardError, gradeFitness, parseFitnessStandard } from '../../electron/shared/domain/fitness'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'fitness', 'extra')
const SHIPPED = join(import.meta.dirname, '..', '..', 'resources', 'norms', 'GTY-2003-adult.json')
const shippedJson = () => JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The problems parseFitnessStandard reports for `data`, as "path: message" lines. */
function problems(data: unknown): string[] {
  try {
    parseFitnessStandard(data, 'resources/norms/broken.json')
  } catch (error) {
    expect(error).toBeInstanceOf(FitnessStandardError)
    expect((error as Error).message).toMatch(/^resources\/norms\/broken\.json: invalid fitness standard/)
    return (error as FitnessStandardError).issues.map((i) => `${i.path || '(root)'}: ${i.message}`)
  }
  throw new Error('expected the file to be refused')
}

describe('shipped standards', () => {
  it('load through Vite’s import.meta.glob under vitest, with the default standard among them', () => {
    expect(shippedNormsLoadedBy).toBe('vite-glob')
    expect(FITNESS_STANDARDS.map((s) => `${s.id}@${s.version}`)).toContain('GTY-2003-adult@2003')
    expect(getFitnessStandard(DEFAULT_STANDARD_ID)?.name['zh-CN']).toContain('国民体质测定标准')
    expect(getFitnessStandard('GTY-2003-adult', '2003')).toBe(getFitnessStandard('GTY-2003-adult'))
    expect(getFitnessStandard('GTY-2003-adult', '2099')).toBeUndefined()
    expect(getFitnessStandard('nope')).toBeUndefined()
  })

  it('keep the errata decisions and say the plausible ranges are the product’s, not the standard’s', () => {
    const file = shippedJson()
    expect(file.errata.join(' ')).toMatch(/30\.1.*−0\.5.*0\.68/s)
    expect(file.errata.join(' ')).toMatch(/UNVERIFIED: sit-and-reach F 35–39/)
    expect(file.plausibleNote).toMatch(/not part of the national standard/)
  })
})

describe('the schema refuses a bad file, naming the file and the path', () => {
  it('thresholds that do not rise along a row', () => {
    const file = shippedJson()
    file.items.grip.rows[3].thresholds = [31.3, 37.3, 37.3, 50.3, 57.8]
    expect(problems(file)).toEqual(['items.grip.rows[3].thresholds[2]: ascending thresholds must rise: 37.3 then 37.3'])
  })

  it('reaction-time thresholds that do not fall', () => {
    const file = shippedJson()
    file.items.choice_reaction.rows[0].thresholds = [0.6, 0.69, 0.49, 0.43, 0.39]
    expect(problems(file)).toEqual(['items.choice_reaction.rows[0].thresholds[1]: descending thresholds must fall: 0.6 then 0.69'])
  })

  it('a missing band', () => {
    const file = shippedJson()
    file.items.vital_capacity.rows = file.items.vital_capacity.rows.filter((r: { ages: string; sex: string }) => !(r.ages === '45-49' && r.sex === 'F'))
    expect(problems(file)).toEqual(['items.vital_capacity.rows: no row for F 45-49'])
  })

  it('a row for people the item does not apply to (push-ups for women)', () => {
    const file = shippedJson()
    file.items.push_ups.rows.push({ ages: '20-24', sex: 'F', thresholds: [1, 2, 3, 4, 5] })
    expect(problems(file)).toEqual(['items.push_ups.rows[4]: row 20-24 F: the item does not apply to these people'])
  })

  it('an unknown item, an unknown key, a missing plausible range', () => {
    const file = shippedJson()
    file.items.bmi = file.items.grip
    delete file.plausible.grip_kg
    file.colour = 'red'
    expect(problems(file).sort()).toEqual([
      '(root): Unrecognized key: "colour"',
      'items: Unrecognized key: "bmi"',
      'plausible.grip_kg: Invalid input: expected object, received undefined',
    ].sort())
  })

  it('height-weight weights that do not rise along a height row', () => {
    const file = shippedJson()
    file.items.height_weight.rows[0].heights['170'] = [52.0, 55.8, 55.0, 76.8]
    expect(problems(file)).toEqual(['items.height_weight.rows[0].heights.170: weights must rise along the row, got 52 / 55.8 / 55 / 76.8'])
  })

  it('age bands with a gap, and grade cut-offs out of order', () => {
    const file = shippedJson()
    file.ageBands = file.ageBands.filter((b: string) => b !== '30-34')
    file.ageGroups[1].grades = { excellent: 24, good: 24, pass: 18 }
    const found = problems(file)
    expect(found).toContain('ageBands: 35-39: expected a span starting at 30 (spans must cover 20-59 without gap or overlap)')
    expect(found).toContain('ageGroups[1].grades: grade cut-offs must fall: excellent > good > pass')
  })
})

describe('a facility adds a standard as a file', () => {
  let dir: string | undefined
  afterEach(() => {
    loadExtraStandards(join(tmpdir(), 'xinsheng-no-such-folder')) // back to the shipped standards only
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('grades people by the added file without code changes: its own ages, bands, items and cut-offs', () => {
    const load = loadExtraStandards(FIXTURES)
    expect(load.errors).toEqual([])
    expect(load.standards.map((s) => s.id)).toEqual(['TEST-rehab-mini'])
    const mini = getFitnessStandard('TEST-rehab-mini')!
    expect(listFitnessStandards()).toContain(mini)
    // 18 is below the national standard's ages but inside this one's.
    const g = gradeFitness(mini, { sex: 'F', age: 18 }, { height_cm: 160.4, weight_kg: 50, grip_kg: 25, choice_reaction_s: 0.7 })
    expect(g).toMatchObject({ covered: true, ageBand: '18-40', items: { height_weight: 5, grip: 3, choice_reaction: 2 }, total: 10, grade: 'excellent' })
    expect(gradeFitness(mini, { sex: 'F', age: 50 }, { height_cm: 160, weight_kg: 66, grip_kg: 17 })).toMatchObject({
      covered: true,
      notApplicable: ['choice_reaction'],
      items: { height_weight: 3, grip: 2 },
      total: 5,
      grade: 'pass',
    })
    expect(gradeFitness(mini, { sex: 'M', age: 30 }, {})).toMatchObject({ covered: false, reason: 'sex_outside' })
  })

  it('reports a bad file, a file that is not JSON and a duplicate id and version, and loads the good ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'xinsheng-norms-'))
    const good = readFileSync(join(FIXTURES, 'TEST-rehab-mini.json'), 'utf8')
    writeFileSync(join(dir, 'a-good.json'), good)
    writeFileSync(join(dir, 'b-duplicate.json'), good)
    writeFileSync(join(dir, 'c-shipped-again.json'), readFileSync(SHIPPED, 'utf8'))
    writeFileSync(join(dir, 'd-not-json.json'), '{ "id": ')
    const bad = JSON.parse(good) as { items: { grip: { rows: Array<{ thresholds: number[] }> } } }
    bad.items.grip.rows[0]!.thresholds = [15, 14, 25]
    writeFileSync(join(dir, 'e-bad.json'), JSON.stringify(bad))
    writeFileSync(join(dir, 'readme.txt'), 'not a standard')
    mkdirSync(join(dir, 'old'))

    const load = loadExtraStandards(dir)
    expect(load.standards.map((s) => s.id)).toEqual(['TEST-rehab-mini'])
    expect(load.errors.map((e) => e.file)).toEqual(['b-duplicate.json', 'c-shipped-again.json', 'd-not-json.json', 'e-bad.json'].map((f) => join(dir!, f)))
    expect(load.errors[0]!.message).toBe(`${join(dir, 'b-duplicate.json')}: standard TEST-rehab-mini version 1 is already loaded from another file`)
    expect(load.errors[1]!.message).toMatch(/standard GTY-2003-adult version 2003 is already loaded/)
    expect(load.errors[2]!.message).toMatch(/d-not-json\.json: not valid JSON/)
    expect(load.errors[3]!.message).toContain('items.grip.rows[0].thresholds[1]: ascending thresholds must rise: 15 then 14')
    expect(getFitnessStandard('GTY-2003-adult')).toBe(FITNESS_STANDARDS[0])
    // Kept for the administrators' settings card (fitness:standards → refusedFiles) until the next load.
    expect(extraStandardProblems()).toEqual(load.errors)
  })

  it('a newer version of a shipped standard (e.g. with the height-weight rows completed) becomes the default one', () => {
    dir = mkdtempSync(join(tmpdir(), 'xinsheng-norms-'))
    const file = shippedJson()
    file.version = '2003.1'
    file.items.height_weight.rows[2].heights = { '170': [55.0, 58.0, 74.0, 79.0] } // men 30–39, a made-up test row
    writeFileSync(join(dir, 'GTY-2003-adult-2003.1.json'), JSON.stringify(file))
    expect(loadExtraStandards(dir).errors).toEqual([])
    const latest = getFitnessStandard('GTY-2003-adult')!
    expect(latest.version).toBe('2003.1')
    expect(getFitnessStandard('GTY-2003-adult', '2003')).toBe(FITNESS_STANDARDS[0])
    expect(gradeFitness(latest, { sex: 'M', age: 33 }, { height_cm: 170, weight_kg: 60 })).toMatchObject({ items: { height_weight: 5 } })
    expect(gradeFitness(FITNESS_STANDARDS[0]!, { sex: 'M', age: 33 }, { height_cm: 170, weight_kg: 60 })).toMatchObject({ noNorm: ['height_weight'] })
  })

  it('a folder that does not exist is no extra standards, not an error', () => {
    expect(loadExtraStandards(join(tmpdir(), 'xinsheng-no-such-folder'))).toEqual({ standards: [], errors: [] })
    expect(extraStandardProblems()).toEqual([])
    expect(getFitnessStandard('TEST-rehab-mini')).toBeUndefined()
  })
})
