/**
 * Aftercare rules: the follow-up plan made at release (called by the release service in its confirm transaction),
 * voided with a voided release, and the contact writes, each keeping the release's outcome row in the same
 * transaction (the cohort statistics read that row, never the contacts).
 */
import { randomUUID } from 'node:crypto'
import { planSlots } from '../../shared/domain/aftercare/plan'
import type { AftercareReleaseKind } from '../../shared/domain/aftercare/settings'
import { readSetting, settingVersion } from '../db/settingsRepo'
import type { Db } from '../db/open'
import { aftercareRepo } from './aftercareRepo'

export interface FollowUpPlanInput {
  releaseId: string
  personId: string
  kind: AftercareReleaseKind
  releaseDate: string
}

/**
 * Makes the follow-up plan of a confirmed release from setting `aftercare.plan` (its version kept on the outcome row);
 * a no-op for a kind the plan does not cover. Run inside the caller's transaction.
 */
export function createFollowUpPlan(db: Db, input: FollowUpPlanInput, change: { at: string; by: string }): void {
  const plan = readSetting(db, 'aftercare.plan')
  const slots = planSlots(plan, input.kind, input.releaseDate)
  if (slots.length === 0) return
  aftercareRepo.insertSlots(db, { releaseId: input.releaseId, personId: input.personId, slots, ids: slots.map(() => randomUUID()), at: change.at, by: change.by })
  aftercareRepo.insertOutcome(db, { releaseId: input.releaseId, personId: input.personId, planVersion: settingVersion(db, 'aftercare.plan') })
  aftercareRepo.refreshOutcome(db, input.releaseId)
}

/** Voids the plan of a voided release (its slots and outcome row); the contacts stay as recorded. */
export function voidFollowUpPlan(db: Db, releaseId: string, change: { at: string; by: string; reason: string }): void {
  aftercareRepo.voidPlan(db, releaseId, change)
}
