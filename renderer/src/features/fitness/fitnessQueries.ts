import type { TestDayPerson } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'

const NO_INPUT = {}

/** Every fitness standard (norms file) and the facility's default; the renderer grades live with the same engine. */
export function useStandards() {
  return useApiQuery('fitness:standards', NO_INPUT)
}

export function useFitnessSettings(enabled = true) {
  return useApiQuery('fitness:settings', NO_INPUT, { enabled })
}

/** The contraindication that exempts a person from an item on the test day, as one line (several joined). */
export function exemptReason(person: Pick<TestDayPerson, 'exempt' | 'contraindications'>): string | null {
  if (person.exempt.length === 0) return null
  const reasons = person.contraindications.filter((c) => !c.voided && c.items.some((item) => person.exempt.includes(item))).map((c) => c.reason)
  return reasons.length > 0 ? [...new Set(reasons)].join('；') : null
}
