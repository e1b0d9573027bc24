import { useSearchParams } from 'react-router'
import { ROSTER_SORTS } from '@shared/contract'
import { PERIODS, type Period } from '@shared/domain/periods'
import { SEXES, type Sex } from '@shared/domain/person'

export type RosterSort = (typeof ROSTER_SORTS)[number]
export const PAGE_SIZE = 50

export interface RosterQuery {
  q: string
  period: Period | ''
  sex: Sex | ''
  wardId: string
  sort: RosterSort
  dir: 'asc' | 'desc'
  offset: number
  includeVoided: boolean
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''
}

/** Roster filters, sort and page live in the URL, so Back from a file returns to the same view. */
export function useRosterParams(): [RosterQuery, (patch: Partial<RosterQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query: RosterQuery = {
    q: params.get('q') ?? '',
    period: oneOf(PERIODS, params.get('period')),
    sex: oneOf(SEXES, params.get('sex')),
    wardId: params.get('ward') ?? '',
    sort: oneOf(ROSTER_SORTS, params.get('sort')) || 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    offset: Math.max(0, Number(params.get('offset')) || 0),
    includeVoided: params.get('voided') === '1',
  }
  const update = (patch: Partial<RosterQuery>) => {
    const next = { ...query, offset: 0, ...patch }
    const out = new URLSearchParams()
    if (next.q) out.set('q', next.q)
    if (next.period) out.set('period', next.period)
    if (next.sex) out.set('sex', next.sex)
    if (next.wardId) out.set('ward', next.wardId)
    if (next.sort !== 'name') out.set('sort', next.sort)
    if (next.dir !== 'asc') out.set('dir', next.dir)
    if (next.offset) out.set('offset', String(next.offset))
    if (next.includeVoided) out.set('voided', '1')
    setParams(out, { replace: true })
  }
  return [query, update]
}

/** The `people:list` input for a roster view; a fixed ward (the ward roster page) wins over the URL. */
export function listInput(query: RosterQuery, fixedWardId?: string) {
  const wardId = fixedWardId ?? query.wardId
  return {
    q: query.q || undefined,
    wardId: wardId || undefined,
    period: query.period || undefined,
    sex: query.sex || undefined,
    includeVoided: query.includeVoided,
    sort: query.sort,
    dir: query.dir,
    offset: query.offset,
    limit: PAGE_SIZE,
  }
}
