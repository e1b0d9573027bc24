import type { StaffUser } from '../../shared/contract'
import type { WardScopeSpec } from '../../shared/contract/define'
import { wardAllowed, type ScopeMode } from '../../shared/domain/wardScope'
import type { Ctx } from '../context'
import type { Db } from '../db/open'
import { AppError } from '../errors'
import { personRefsByIds } from '../people/peopleQueries'
import { SCOPE_RECORD_PEOPLE } from './scopeRecords'

/**
 * Whether a call is within the actor's reach (包队责任制) for `mode`: every person it names, or whose record it names,
 * must be in one of the actor's wards — or the ward it names, or the ward a ward-owned record belongs to — unless the role reaches every ward. `input` is
 * the call's raw input: only id strings are looked up; people and records that do not exist, and values that are no
 * strings, name nothing here (validation or the handler answers for them). 'filtered' lists are cut to the actor's
 * wards by their handlers (readableWards); 'facility' calls act on no ward.
 */
export function withinWardScope(db: Db, actor: StaffUser, scope: WardScopeSpec<unknown>, input: unknown, mode: ScopeMode): boolean {
  if (actor.reach[mode] === 'all' || scope === 'filtered' || scope === 'facility') return true
  if (typeof input !== 'object' || input === null) return true
  if ('ward' in scope) {
    const wardId: unknown = scope.ward(input)
    return typeof wardId !== 'string' || wardAllowed(actor.reach, mode, actor.wardIds, wardId)
  }
  const named: unknown = 'person' in scope ? scope.person(input) : scope.id(input)
  const ids = (Array.isArray(named) ? named : [named]).filter((v): v is string => typeof v === 'string')
  const wards = 'person' in scope ? [...personRefsByIds(db, ids).values()].map((p) => p.wardId) : ids.flatMap((id) => SCOPE_RECORD_PEOPLE[scope.record](db, id).map((p) => p.wardId))
  return wards.every((wardId) => wardAllowed(actor.reach, mode, actor.wardIds, wardId))
}

/**
 * The wards whose rows a 'filtered' list may show the caller: null for every ward (and past files), else the caller's
 * own wards (possibly none).
 */
export function readableWards(ctx: Pick<Ctx, 'actor'>): readonly string[] | null {
  const actor = ctx.actor
  if (!actor) throw new Error('a ward-filtered list reached without an actor; the dispatcher must check access first')
  return actor.reach.read === 'all' ? null : actor.wardIds
}

/**
 * For a 'filtered' list that names a ward or a person: refuses one outside the caller's reading reach (instead of
 * quietly answering with nothing, which would read as "no records"). A past file (no ward) is outside an 'own' reach.
 */
export function assertReadable(ctx: Pick<Ctx, 'actor' | 'db'>, named: { wardId?: string | undefined; personId?: string | undefined }): void {
  const actor = ctx.actor
  if (!actor || actor.reach.read === 'all') return
  const readable = (wardId: string | null) => wardAllowed(actor.reach, 'read', actor.wardIds, wardId)
  if (named.wardId !== undefined && !readable(named.wardId)) throw new AppError('forbidden', 'err.ward_forbidden')
  if (named.personId !== undefined) {
    const person = personRefsByIds(ctx.db, [named.personId]).get(named.personId)
    if (person && !readable(person.wardId)) throw new AppError('forbidden', 'err.ward_forbidden')
  }
}
