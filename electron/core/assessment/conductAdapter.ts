/**
 * The behaviour points of a person (奖惩, kept by the ward: wardwork's `conductPoints`, SHAPES13.md), behind this one
 * function so the assessment code names one source for the behaviour component's evidence.
 */
import type { Db } from '../db/open'
import { conductPoints, type ConductPoints } from '../wardwork/conductQueries'

export type { ConductPoints }

/** Live entries from `from` to `to`; null when the person has none (no evidence to judge: an evidence request). */
export function conductPointsOf(db: Db, personId: string, from: string | null, to: string): ConductPoints | null {
  const points = conductPoints(db, personId, from, to)
  return points.entries.length === 0 ? null : points
}
