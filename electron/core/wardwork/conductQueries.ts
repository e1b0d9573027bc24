/**
 * The conduct points (奖惩) of one person over a window: the behaviour component's evidence in diagnostic assessment
 * (the assessment helper reads this; shape agreed in SHAPES13.md). Live entries only; points are signed.
 */
import type { Db } from '../db/open'

export interface ConductPoints {
  total: number
  rewards: number
  sanctions: number
  entries: Array<{ id: string; on: string; kind: 'reward' | 'sanction'; category: string; points: number }>
}

/** Entries dated from `from` (inclusive; null: since the first) to `to` (inclusive), in date order. */
export function conductPoints(db: Db, personId: string, from: string | null, to: string): ConductPoints {
  const entries = db
    .prepare(
      `SELECT id, on_date AS "on", kind, category, points FROM conduct_entries
       WHERE person_id = @personId AND on_date >= @from AND on_date <= @to AND voided_at IS NULL
       ORDER BY on_date, recorded_at, id`,
    )
    .all({ personId, from: from ?? '', to }) as ConductPoints['entries']
  let rewards = 0
  let sanctions = 0
  for (const e of entries) {
    if (e.kind === 'reward') rewards += e.points
    else sanctions += e.points
  }
  return { total: rewards + sanctions, rewards, sanctions, entries }
}
