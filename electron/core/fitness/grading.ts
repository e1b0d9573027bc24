/** Grading through the one engine (shared/domain/fitness), shaped as the contract's preview, and stored as such. */
import type { FitnessGradingPreview } from '../../shared/contract/fitness'
import { gradeFitness, type FitnessItem, type FitnessStandard, type Measurements } from '../../shared/domain/fitness'
import type { Db } from '../db/open'
import { fitnessRepo } from './fitnessRepo'
import { timeOrderedId } from './timeOrderedId'

export function gradePreview(standard: FitnessStandard, subject: { sex: 'M' | 'F'; age: number }, measurements: Measurements, exempt: FitnessItem[]): FitnessGradingPreview {
  const g = gradeFitness(standard, subject, measurements, { exempt })
  const base = { standardId: standard.id, standardVersion: standard.version }
  if (!g.covered) {
    return {
      ...base, covered: false, ageBand: null, ageGroup: null, items: {}, total: null, grade: null, gradeWithheld: g.reason,
      applicable: [], notApplicable: [], missing: [], exempt: [], zero: [], noNorm: [],
    }
  }
  return {
    ...base, covered: true, ageBand: g.ageBand, ageGroup: g.ageGroup, items: g.items, total: g.total, grade: g.grade, gradeWithheld: g.gradeWithheld,
    applicable: g.applicable, notApplicable: g.notApplicable, missing: g.missing, exempt: g.exempt, zero: g.zero, noNorm: g.noNorm,
  }
}

/** Stores a grading of a test (the original, copied onto the test row for ward lists, or a re-grade beside it). */
export function storeGrading(
  db: Db,
  testId: string,
  preview: FitnessGradingPreview,
  g: { kind: 'original' | 'regrade'; at: string; by: string; note: string | null; testRowGraded?: boolean },
): string {
  const id = timeOrderedId(new Date(g.at))
  fitnessRepo.insertGrading(db, {
    id, testId, standardId: preview.standardId, standardVersion: preview.standardVersion, kind: g.kind, covered: preview.covered,
    total: preview.total, grade: preview.grade, gradeWithheld: preview.gradeWithheld, result: preview, at: g.at, by: g.by, note: g.note,
  })
  // A new test carries its grade from the insert (testRowGraded); an edit's new original grading updates it.
  if (g.kind === 'original' && !g.testRowGraded) fitnessRepo.setTestGrade(db, testId, { total: preview.total, grade: preview.grade })
  return id
}
