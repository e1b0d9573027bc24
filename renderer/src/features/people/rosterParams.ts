import { useSearchParams } from 'react-router'
import type { ROSTER_SORTS, STAYS, Stay } from '@shared/contract'
import { PERIODS, type Period } from '@shared/domain/periods'
import { SEXES, type Sex } from '@shared/domain/person'

/*
 * Light on purpose: the router's prefetch of a roster (features/wards/index.ts) parses the URL with this module in the
 * first bundle, so it imports only types from the contract (whose schemas would bring zod along). The lists below are
 * checked against the contract's by their types.
 */
const SORT_VALUES = ['name', 'period', 'daysInPeriod', 'daysToLastDay', 'decisionDate'] as const satisfies typeof ROSTER_SORTS
const STAY_VALUES = ['current', 'past', 'all'] as const satisfies typeof STAYS

export type RosterSort = (typeof ROSTER_SORTS)[number]

/** Sorts that mean nothing for files whose stay has ended (no current period): offered for people in the wards only. */
export const PERIOD_SORTS: readonly RosterSort[] = ['period', 'daysInPeriod']

export interface RosterQuery {
  q: string
  period: Period | ''
  sex: Sex | ''
  wardId: string
  sort: RosterSort
  dir: 'asc' | 'desc'
  /** The all-people list: people in the wards (default), past files, or both. A ward's roster is always current. */
  stay: Stay
  includeVoided: boolean
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''
}

/** The roster filters and sort a URL's search part asks for (unknown values fall back to the defaults). */
export function parseRosterQuery(params: URLSearchParams): RosterQuery {
  const query: RosterQuery = {
    q: params.get('q') ?? '',
    period: oneOf(PERIODS, params.get('period')),
    sex: oneOf(SEXES, params.get('sex')),
    wardId: params.get('ward') ?? '',
    sort: oneOf(SORT_VALUES, params.get('sort')) || 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    stay: oneOf(STAY_VALUES, params.get('stay')) || 'current',
    includeVoided: params.get('voided') === '1',
  }
  // Past files have no current ward or period: such a filter or sort left in the URL is ignored, not applied to nothing.
  if (query.stay === 'past') {
    query.period = ''
    query.wardId = ''
    if (PERIOD_SORTS.includes(query.sort)) query.sort = 'name'
  }
  return query
}

/** Roster filters and sort live in the URL (the scroll position in the history entry), so Back returns to the same view. */
export function useRosterParams(): [RosterQuery, (patch: Partial<RosterQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = parseRosterQuery(params)
  const update = (patch: Partial<RosterQuery>) => {
    const next = { ...query, ...patch }
    const out = new URLSearchParams()
    if (next.q) out.set('q', next.q)
    if (next.period) out.set('period', next.period)
    if (next.sex) out.set('sex', next.sex)
    if (next.wardId) out.set('ward', next.wardId)
    if (next.sort !== 'name') out.set('sort', next.sort)
    if (next.dir !== 'asc') out.set('dir', next.dir)
    if (next.stay !== 'current') out.set('stay', next.stay)
    if (next.includeVoided) out.set('voided', '1')
    setParams(out, { replace: true })
  }
  return [query, update]
}

/**
 * The `people:list` filters and sort of a roster view, without the page (each block adds its own); a fixed ward (the
 * ward roster page) wins over the URL and is always people in the facility.
 */
export function listFilters(query: RosterQuery, fixedWardId?: string) {
  const wardId = fixedWardId ?? query.wardId
  return {
    q: query.q || undefined,
    wardId: wardId || undefined,
    period: query.period || undefined,
    sex: query.sex || undefined,
    stay: wardId ? ('current' as const) : query.stay,
    includeVoided: query.includeVoided,
    sort: query.sort,
    dir: query.dir,
  }
}

export type ListFilters = ReturnType<typeof listFilters>
