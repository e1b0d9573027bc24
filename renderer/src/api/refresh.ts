/**
 * Which cached queries a successful write makes stale. Pure (no React, no contract import) so the unit tests can run it.
 *
 * A query's key starts with its contract method (`people:get`); its domain is the part before ':'. A write refreshes the
 * queries of its own domain, the audit log (every write adds a row), and the domains its domain declares it can change
 * (`people` writes move ward occupancy, so `people` declares `wards`). `'all'` is for writes that replace the data
 * wholesale (loading the demo facility).
 */

/** Per writing domain: the other domains whose queries its writes can change. */
export type WriteEffectMap<D extends string> = Partial<Record<D, readonly D[] | 'all'>>

/** Session and first-run state: a save never makes them stale by itself; only `refreshSession` does. */
export const SESSION_QUERIES: readonly string[] = ['auth:me', 'setup:status']

/** Every write adds audit rows, so the audit log refreshes after any save. */
const ALWAYS_REFRESHED = 'audit'

export function domainOf(method: string): string {
  const colon = method.indexOf(':')
  return colon < 0 ? method : method.slice(0, colon)
}

/** One map from several features' declarations; two features declaring for the same domain add up. */
export function mergeWriteEffects<D extends string>(maps: readonly WriteEffectMap<D>[]): WriteEffectMap<D> {
  const merged: Partial<Record<D, D[] | 'all'>> = {}
  for (const map of maps) {
    for (const [domain, effect] of Object.entries(map) as Array<[D, readonly D[] | 'all' | undefined]>) {
      if (effect === undefined) continue
      const before: readonly D[] | 'all' = merged[domain] ?? []
      merged[domain] = before === 'all' || effect === 'all' ? 'all' : [...new Set<D>([...before, ...effect])]
    }
  }
  return merged
}

/**
 * The test for `invalidateQueries({ predicate })`: is the query whose key starts with `queryMethod` stale after a
 * successful `method`?
 */
export function staleAfterWrite<D extends string>(
  method: string,
  effects: WriteEffectMap<D>,
  options: { refreshSession?: boolean } = {},
): (queryMethod: string) => boolean {
  const own = domainOf(method)
  const declared = (effects as Partial<Record<string, readonly string[] | 'all'>>)[own] ?? []
  const domains = new Set<string>([own, ALWAYS_REFRESHED, ...(declared === 'all' ? [] : declared)])
  return (queryMethod) => {
    if (SESSION_QUERIES.includes(queryMethod)) return options.refreshSession === true
    return declared === 'all' || domains.has(domainOf(queryMethod))
  }
}
