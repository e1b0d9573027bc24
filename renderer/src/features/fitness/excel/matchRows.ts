/**
 * The rows of an imported fitness sheet checked against the ward's test day, before anything is sent: who each row is
 * (the hidden person key of the template, or name + the last four ID characters), whether a person appears twice,
 * and whether every value is a plausible number on a measure the person takes. Pure, so it runs on 1,000 rows in a few
 * milliseconds and is the same in a unit test.
 */
import type { ParsedRow } from '../../people/import/parseSheet'
import type { MeasureCheck, MeasureFault } from '../day/measureText'
import type { FitnessMeasure, SheetKey } from './fitnessSheet'
import { zhCN } from '../i18n/zh-CN'

const FITNESS_MEASURES = Object.keys(zhCN.fitness.measures) as FitnessMeasure[]
type Measurements = Partial<Record<FitnessMeasure, number>>
/** The engine's check of one cell (checkMeasure bound to the day's standard); passed in to keep this file pure. */
export type CheckCell = (measure: FitnessMeasure, text: string) => MeasureCheck

export interface MatchPerson {
  personId: string
  name: string
  idTail: string
  cell: (measure: FitnessMeasure) => 'input' | 'na' | 'exempt'
}

export type RowProblem =
  | { kind: 'unknown_person' }
  | { kind: 'duplicate'; firstRow: number }
  | { kind: 'bad_value'; measure: FitnessMeasure; check: MeasureFault }
  | { kind: 'not_applicable'; measure: FitnessMeasure; exempt: boolean }
  /** The server's dry run refused the row (a rule only it knows, e.g. a test already saved and changed since). */
  | { kind: 'server'; message: string }

export interface MatchedRow {
  row: number
  name: string
  personId: string | null
  measurements: Measurements
  problems: RowProblem[]
  /** A person's row left empty (the template lists the whole ward; not everyone is tested): not imported, not an error. */
  skipped: boolean
}

/** The last four characters of whatever the ID cell holds (a full, masked or tail-only number). */
export function idTailOf(text: string | undefined): string {
  return (text ?? '').replace(/[\s*＊]/g, '').slice(-4).toUpperCase()
}

/** Matches the whole sheet at once. */
export function matchRows(check: CheckCell, people: readonly MatchPerson[], rows: ReadonlyArray<ParsedRow<SheetKey>>): MatchedRow[] {
  return rowMatcher(check, people)(rows)
}

/** A matcher fed the sheet in chunks (a long file shows progress); it remembers who was seen, for duplicates. */
export function rowMatcher(checkCell: CheckCell, people: readonly MatchPerson[]): (rows: ReadonlyArray<ParsedRow<SheetKey>>) => MatchedRow[] {
  const byId = new Map(people.map((p) => [p.personId, p]))
  const byNameTail = new Map<string, MatchPerson[]>()
  for (const p of people) {
    const key = `${p.name}|${p.idTail.toUpperCase()}`
    byNameTail.set(key, [...(byNameTail.get(key) ?? []), p])
  }
  const firstRowOf = new Map<string, number>()
  return (rows) => rows.map(({ row, cells }) => {
    const problems: RowProblem[] = []
    const keyed = cells.personKey ? byId.get(cells.personKey.trim()) : undefined
    const named = byNameTail.get(`${(cells.name ?? '').replace(/\s+/g, '')}|${idTailOf(cells.idNumber)}`)
    // A key that names nobody here is not rescued by the name: the row was made for another ward or day.
    const person = cells.personKey ? keyed : named?.length === 1 ? named[0] : undefined
    if (!person) problems.push({ kind: 'unknown_person' })
    else {
      const first = firstRowOf.get(person.personId)
      if (first !== undefined) problems.push({ kind: 'duplicate', firstRow: first })
      else firstRowOf.set(person.personId, row)
    }
    const measurements: Measurements = {}
    for (const measure of FITNESS_MEASURES) {
      const text = cells[measure]
      if (text === undefined || text === '') continue
      if (person && person.cell(measure) !== 'input') {
        // The template writes 免测 in exempt cells; that is not a value.
        if (text === '免测' && person.cell(measure) === 'exempt') continue
        problems.push({ kind: 'not_applicable', measure, exempt: person.cell(measure) === 'exempt' })
        continue
      }
      const check = checkCell(measure, text)
      if (check.kind === 'ok') measurements[measure] = check.value
      else if (check.kind !== 'empty') problems.push({ kind: 'bad_value', measure, check })
    }
    const skipped = person !== undefined && problems.length === 0 && Object.keys(measurements).length === 0
    return { row, name: person?.name ?? cells.name ?? '', personId: person?.personId ?? null, measurements, problems, skipped }
  })
}
