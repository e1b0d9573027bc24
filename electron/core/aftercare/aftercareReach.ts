/**
 * Ward reach (包队责任制) for aftercare's person calls: a current file lies in its ward; a released one in the ward it was
 * released from (releases.from_ward_id), so the officers and counsellors of that ward keep following the person up.
 * Roles reaching every ward pass; a person unknown here is left to the handler (not found).
 */
import { wardAllowed, type ScopeMode } from '../../shared/domain/wardScope'
import type { Ctx } from '../context'
import { AppError } from '../errors'
import { aftercareRepo } from './aftercareRepo'

export function assertAftercareReach(ctx: Pick<Ctx, 'actor' | 'db'>, personId: string, mode: ScopeMode): void {
  const actor = ctx.actor
  if (!actor || actor.reach[mode] === 'all') return
  const person = aftercareRepo.person(ctx.db, personId)
  if (!person) return
  const wardId = person.wardId ?? aftercareRepo.releasedFromWard(ctx.db, personId)
  if (!wardAllowed(actor.reach, mode, actor.wardIds, wardId)) throw new AppError('forbidden', 'err.ward_forbidden')
}
