import type { DueCentre } from '@shared/contract'

export type CentreCounts = Record<DueCentre, { due: number; overdue: number }>

/** Due and overdue summed over the given centres. */
export function totals(counts: CentreCounts, centres: readonly DueCentre[]): { due: number; overdue: number } {
  let due = 0
  let overdue = 0
  for (const centre of centres) {
    due += counts[centre]?.due ?? 0
    overdue += counts[centre]?.overdue ?? 0
  }
  return { due, overdue }
}

/** What a clicked count stands for: the drill-down's input and its caption. */
export interface DuePick {
  wardId: string | null
  wardName: string
  centre: DueCentre | null
  status: 'due' | 'overdue'
}
