/**
 * The generic copy rule, table by table in foreign-key order (copyPlan.ts), inside the import's transaction:
 *   1. a row whose key the server holds is already present;
 *   2. a row referencing a skipped row (a duplicate person, or any row skipped with one) is skipped with it, so a
 *      duplicate person's assessments, crises and their events, enrolments… all stay out, however deep;
 *   3. a row configuring a matched reference row stays the server's (a matched account's wards);
 *   4. a row whose unique key finds a server row is matched (wards by name, staff by username, config versions by kind
 *      and version, training groups by ward and name, guidance stations by live name…): it is not inserted and every
 *      later reference to it is remapped; a person matched on the live ID-number index is a duplicate instead (2);
 *   5. everything else is inserted, its text remapped, with the few column values copyPlan.ts replaces.
 * Fates are kept in temp.xfer_rows (transferCopyRepo.ts), which the report reads.
 */
import type { Db } from '../db/open'
import { IMPORTED_COLUMN_VALUES, SERVER_OWNED_WHEN_MATCHED, SKIPPED_WHEN_MATCHED, type CopyPlan } from './copyPlan'
import { createWorkTable, importRest, markPresent, markReferencing, recordFate, uniqueMatches } from './transferCopyRepo'

/** Copies the attached package's rows into the server; `idMap` receives each matched row's workstation id → server id. */
export function copyRows(db: Db, plan: CopyPlan, idMap: Map<string, string>): void {
  createWorkTable(db)
  for (const t of plan.order) {
    markPresent(db, t)
    for (const fk of t.foreignKeys) markReferencing(db, t, fk.from, fk.parent, ['duplicate', 'with_person'], 'with_person')
    const owner = SERVER_OWNED_WHEN_MATCHED[t.name]
    for (const fk of t.foreignKeys) if (fk.parent === owner) markReferencing(db, t, fk.from, owner, ['matched'], 'server_owned')
    const fate = t.name === SKIPPED_WHEN_MATCHED ? 'duplicate' : 'matched'
    for (const key of t.uniqueKeys) {
      for (const match of uniqueMatches(db, t, key)) {
        recordFate(db, t.name, match.key, fate, match.serverKey)
        if (fate === 'matched' && t.pk.length === 1) idMap.set((JSON.parse(match.key) as string[])[0]!, (JSON.parse(match.serverKey) as string[])[0]!)
      }
    }
    importRest(db, t, IMPORTED_COLUMN_VALUES[t.name])
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/**
 * A value with each matched workstation id replaced by the server's: a reference column holds the id itself, JSON
 * (a revision's snapshot, an audit detail) holds it inside. Ids are random UUIDs, so a match is never by chance.
 */
export function remapValue(idMap: ReadonlyMap<string, string>, value: unknown): unknown {
  if (typeof value !== 'string' || idMap.size === 0) return value
  const direct = idMap.get(value)
  if (direct !== undefined) return direct
  return value.length > 36 ? value.replace(UUID, (id) => idMap.get(id) ?? id) : value
}
