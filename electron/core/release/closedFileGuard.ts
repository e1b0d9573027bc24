/**
 * The read-only seam (issue 14): a released file — on no ward, live, with no open reopening (closedPersonIds) — takes
 * no more writes. The dispatcher asks here before a handler runs: an audited write whose person or record scope names
 * a closed file is refused (person.file_closed) unless its method declares `closedFile: 'writable'` (release, aftercare,
 * an employment outcome after release …: methods that act on released people by design).
 */
import type { MethodSpec } from '../../shared/contract/define'
import { GROUP_RECORDS, SCOPE_RECORD_PEOPLE } from '../auth/scopeRecords'
import type { Db } from '../db/open'
import { closedPersonIds } from './releaseQueries'

/** The one person a call's person scope names, or the people of the record it names (none for other scopes and lists). */
export function peopleNamedBy(db: Db, spec: MethodSpec, input: unknown): string[] {
  const scope = spec.scope
  if (!scope || typeof scope === 'string' || 'ward' in scope || typeof input !== 'object' || input === null) return []
  const named: unknown = 'person' in scope ? scope.person(input) : scope.id(input)
  // A write naming a list of people (a register, a batch, a group session) is the group's: its handler refuses, naming
  // each, the people without a current stay (course.no_current_stay …), so one released member does not stop the rest.
  if (Array.isArray(named)) return []
  const ids = [named].filter((v): v is string => typeof v === 'string')
  if ('person' in scope) return ids
  // A group's record (GROUP_RECORDS) is left to its handler, as a list of people is above.
  if (GROUP_RECORDS.has(scope.record)) return []
  return ids.flatMap((id) => SCOPE_RECORD_PEOPLE[scope.record](db, id).map((p) => p.personId))
}

/** Whether the call must be refused because it would write to a closed file. */
export function writesClosedFile(db: Db, spec: MethodSpec, input: unknown): boolean {
  if (spec.audit.kind !== 'write' || spec.closedFile === 'writable') return false
  const people = peopleNamedBy(db, spec, input)
  return people.length > 0 && closedPersonIds(db, people).size > 0
}
