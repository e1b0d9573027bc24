import { REGIONS, STREETS } from './names'

/** The draws the demo and benchmark generators share (both seeded; the bench's adds weighted draws). */
interface Draw {
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
}

/**
 * The parts of a generated identity that follow from the place of household registration: the address, the police
 * organ that decided and its document number. Drawn in this order (address street and number, then the document
 * number), so a seed gives the same files as before this was shared.
 */
export function regionalParts(r: Draw, region: (typeof REGIONS)[number], decisionDate: string) {
  return {
    householdAddress: `${region.place}${r.pick(STREETS)}${r.int(1, 300)}号`,
    decisionOrgan: region.police,
    decisionDocNo: `${region.short}公（禁）决字〔${decisionDate.slice(0, 4)}〕${r.int(100, 9999)}号`,
  }
}

/** A mainland mobile number (11 digits, common prefixes). */
export const mobilePhone = (r: Draw) => `1${r.pick(['38', '39', '58', '59', '86', '87'])}${String(r.int(0, 99999999)).padStart(8, '0')}`
