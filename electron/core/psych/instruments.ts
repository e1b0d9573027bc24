/**
 * The shipped instrument definitions (resources/instruments/*.json), each validated against the schema once, when this
 * module loads: a broken definition stops the app (and every test) at start-up with the file and path named, instead
 * of mis-scoring an assessment later.
 */
import { parseInstrument, type Instrument } from '../../shared/domain/instruments'
import gad7 from '../../../resources/instruments/gad7.json'
import phq9 from '../../../resources/instruments/phq9.json'
import scl90 from '../../../resources/instruments/scl90.json'
import zungSas from '../../../resources/instruments/zung_sas.json'
import zungSds from '../../../resources/instruments/zung_sds.json'

const SOURCES: Array<[file: string, data: unknown]> = [
  ['resources/instruments/scl90.json', scl90],
  ['resources/instruments/phq9.json', phq9],
  ['resources/instruments/gad7.json', gad7],
  ['resources/instruments/zung_sds.json', zungSds],
  ['resources/instruments/zung_sas.json', zungSas],
]

export const INSTRUMENTS: Instrument[] = SOURCES.map(([file, data]) => parseInstrument(data, file))

const BY_ID = new Map(INSTRUMENTS.map((i) => [i.id, i]))
if (BY_ID.size !== INSTRUMENTS.length) throw new Error('resources/instruments: two definitions share an id')

export function getInstrument(id: string): Instrument | undefined {
  return BY_ID.get(id)
}
