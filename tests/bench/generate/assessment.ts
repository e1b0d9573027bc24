/**
 * Diagnostic assessments of the benchmark facility: every current and past stay gets the assessments its time in the
 * facility has reached (admission, detox, stage, one year, pre-expiry), scored under the stored Beijing 2021 version,
 * with a few recent drafts holding open evidence requests — realistic rows for duework's facts and the assessment list.
 */
import { seedAssessments, type SeedStay } from '../../../electron/core/assessment/assessmentSeed'
import type { Db } from '../../../electron/core/db/open'
import type { Stay } from './people'
import type { Random } from './random'

export function writeAssessments(o: { db: Db; r: Random; today: string; stays: readonly Stay[]; by: string }): { assessments: number } {
  const decisions = new Map(
    (o.db.prepare('SELECT id, decision_date AS decisionDate FROM people').all() as Array<{ id: string; decisionDate: string }>).map((p) => [p.id, p.decisionDate]),
  )
  const stays: SeedStay[] = o.stays.map((s) => ({
    personId: s.personId,
    admissionDate: s.admissionDate,
    decisionDate: decisions.get(s.personId)!,
    end: s.releaseDate ?? o.today,
    current: s.current,
  }))
  return { assessments: seedAssessments(o.db, stays, () => o.r.next(), o.by, `${o.today}T02:00:00.000Z`, () => o.r.uuid()) }
}
