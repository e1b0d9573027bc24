import type { Roster } from '@shared/contract'
import { MAX_ROSTER_LIMIT } from '@shared/contract'
import { api } from '../../../api/client'
import { rosterInput, type RosterView } from './rosterParams'

/** The most rows a printout or an export takes in one go (the whole facility has about 20,000 certificates). */
export const MAX_ROSTER_OUTPUT = 20_000

/**
 * Every row of the view (or its first `upTo`), in pages of the contract's largest limit (the totals, always of the
 * whole view, come with the first page).
 */
export async function fetchWholeRoster(view: RosterView, upTo = MAX_ROSTER_OUTPUT): Promise<Roster> {
  const cap = Math.min(upTo, MAX_ROSTER_OUTPUT)
  const first = await api.invoke('certificates:roster', rosterInput(view, 0, Math.min(MAX_ROSTER_LIMIT, cap)))
  const rows = [...first.rows]
  const total = Math.min(first.total, cap)
  while (rows.length < total) {
    const page = await api.invoke('certificates:roster', rosterInput(view, rows.length, Math.min(MAX_ROSTER_LIMIT, total - rows.length)))
    if (page.rows.length === 0) break
    rows.push(...page.rows)
  }
  return { ...first, rows }
}
