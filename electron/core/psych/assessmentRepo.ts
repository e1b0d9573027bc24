/** Writes and rule lookups on assessments and their re-scores. */
import type { ScoredResult } from '../../shared/contract'
import type { AssessmentSetting } from '../../shared/domain/psych'
import type { Db } from '../db/open'

export interface NewAssessment {
  id: string
  personId: string
  instrumentId: string
  instrumentVersion: string
  setting: AssessmentSetting
  administeredOn: string
  administeredBy: string
  answers: Array<number | null>
  incompleteReason: string | null
  cutoffSetId: string | null
  rounding: ScoredResult['rounding']
  result: ScoredResult | null
  headline: number | null
  bandId: string | null
  bandSeverity: number | null
  recordedAt: string
  recordedBy: string
}

/** What the rules need of a stored assessment (re-score, void). */
export interface StoredAssessment {
  instrumentId: string
  answers: Array<number | null>
  incompleteReason: string | null
  voided: boolean
}

export const assessmentRepo = {
  insert(db: Db, a: NewAssessment) {
    db.prepare(
      `INSERT INTO assessments (id, person_id, instrument_id, instrument_version, setting, administered_on, administered_by, answers,
        incomplete_reason, cutoff_set_id, rounding, result, headline, band_id, band_severity, recorded_at, recorded_by)
       VALUES (@id, @personId, @instrumentId, @instrumentVersion, @setting, @administeredOn, @administeredBy, @answers,
        @incompleteReason, @cutoffSetId, @rounding, @result, @headline, @bandId, @bandSeverity, @recordedAt, @recordedBy)`,
    ).run({ ...a, answers: JSON.stringify(a.answers), result: a.result ? JSON.stringify(a.result) : null })
  },

  byId(db: Db, id: string): StoredAssessment | undefined {
    const row = db
      .prepare('SELECT instrument_id AS instrumentId, answers, incomplete_reason AS incompleteReason, voided_at IS NOT NULL AS voided FROM assessments WHERE id = ?')
      .get(id) as { instrumentId: string; answers: string; incompleteReason: string | null; voided: 0 | 1 } | undefined
    return row && { ...row, answers: JSON.parse(row.answers) as Array<number | null>, voided: row.voided === 1 }
  },

  insertRescore(db: Db, r: { id: string; assessmentId: string; cutoffSetId: string; rounding: ScoredResult['rounding']; result: ScoredResult; note: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO assessment_rescores (id, assessment_id, cutoff_set_id, rounding, result, note, rescored_at, rescored_by)
       VALUES (@id, @assessmentId, @cutoffSetId, @rounding, @result, @note, @at, @by)`,
    ).run({ ...r, result: JSON.stringify(r.result) })
  },
}
