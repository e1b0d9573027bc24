/** Assessments as screens show them: a person's list and one assessment in full, with staff and person names. */
import type { AssessmentDetail, AssessmentSummary, ScoredResult } from '../../shared/contract'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'
import { personRefsByIds } from '../people/peopleQueries'

const SUMMARY = `
  SELECT a.id, a.person_id AS personId, a.instrument_id AS instrumentId, a.instrument_version AS instrumentVersion, a.setting,
         a.administered_on AS administeredOn, a.administered_by AS administeredById, a.incomplete_reason IS NOT NULL AS incomplete,
         a.incomplete_reason AS incompleteReason, a.headline, a.result,
         EXISTS (SELECT 1 FROM assessment_rescores x WHERE x.assessment_id = a.id) AS rescored, a.voided_at IS NOT NULL AS voided`

type SummaryRow = Omit<AssessmentSummary, 'administeredBy' | 'incomplete' | 'result' | 'rescored' | 'voided'> & {
  administeredById: string
  incomplete: 0 | 1
  result: string | null
  rescored: 0 | 1
  voided: 0 | 1
}

function toSummary({ administeredById, incomplete, result, rescored, voided, ...r }: SummaryRow, staffNames: Map<string, string>): AssessmentSummary {
  return {
    ...r,
    administeredBy: staffNames.get(administeredById) ?? '',
    incomplete: incomplete === 1,
    result: result ? (JSON.parse(result) as ScoredResult) : null,
    rescored: rescored === 1,
    voided: voided === 1,
  }
}

/** Every assessment of the person (voided ones marked), latest first. */
export function personAssessments(db: Db, personId: string): AssessmentSummary[] {
  const rows = db
    .prepare(`${SUMMARY} FROM assessments a WHERE a.person_id = ? ORDER BY a.administered_on DESC, a.recorded_at DESC, a.rowid DESC`)
    .all(personId) as SummaryRow[]
  const staffNames = staffNamesByIds(db, rows.map((r) => r.administeredById))
  return rows.map((r) => toSummary(r, staffNames))
}

/** One assessment with its answers and re-scores, or undefined. */
export function assessmentDetail(db: Db, id: string): AssessmentDetail | undefined {
  const row = db
    .prepare(`${SUMMARY}, a.answers, a.recorded_at AS recordedAt, a.recorded_by AS recordedById FROM assessments a WHERE a.id = ?`)
    .get(id) as (SummaryRow & { answers: string; recordedAt: string; recordedById: string }) | undefined
  if (!row) return undefined
  const { answers, recordedAt, recordedById, ...summary } = row
  const rescores = db
    .prepare('SELECT id, rescored_at AS at, rescored_by AS byId, note, result FROM assessment_rescores WHERE assessment_id = ? ORDER BY rescored_at, rowid')
    .all(id) as Array<{ id: string; at: string; byId: string; note: string | null; result: string }>
  const staffNames = staffNamesByIds(db, [summary.administeredById, recordedById, ...rescores.map((x) => x.byId)])
  return {
    ...toSummary(summary, staffNames),
    personName: personRefsByIds(db, [summary.personId]).get(summary.personId)?.name ?? '',
    answers: JSON.parse(answers) as Array<number | null>,
    rescores: rescores.map(({ byId, result, ...x }) => ({ ...x, by: staffNames.get(byId) ?? '', result: JSON.parse(result) as ScoredResult })),
    recordedAt,
    recordedBy: staffNames.get(recordedById) ?? '',
  }
}
