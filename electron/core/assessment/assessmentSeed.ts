/**
 * Realistic diagnostic assessments for generated facilities (the demo and the benchmark facility): per stay, the
 * admission survey, the detox-stage evaluation, a stage assessment, the one-year and the pre-expiry assessments as far
 * as the stay has reached, scored by the one engine under the stored Beijing 2021 version; a few recent drafts with
 * evidence still missing (open evidence requests, due work). Written straight through the repository, in the caller's
 * transaction(s).
 */
import { randomUUID } from 'node:crypto'
import { componentServes, scoreAssessment, suggestRecommendation, type AssessmentPoint, type AssessmentTemplate } from '../../shared/domain/assessment'
import { addDays, addMonths } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { insertAssessment, insertItems, openEvidenceRequest, type StoredItem } from './assessmentRepo'
import { templateForUse } from './templates'

export interface SeedStay {
  personId: string
  admissionDate: string
  decisionDate: string
  /** Today for a current stay, the release date of a past one. */
  end: string
  current: boolean
}

const ASSESSORS = ['王警官、李医生', '赵警官、心理咨询师刘', '陈警官、张医生', '周警官、孙老师']

/** Writes the stays' assessments; `random` is the caller's seeded generator (0 ≤ x < 1), `newId` its ids. Returns how many were written. */
export function seedAssessments(db: Db, stays: readonly SeedStay[], random: () => number, by: string, at: string, newId: () => string = randomUUID): number {
  const used = templateForUse(db, 'beijing-2021', { at, by })
  if (!used) throw new Error('seed: the shipped beijing-2021 template is missing')
  let written = 0
  for (const stay of stays) {
    const plan: Array<[AssessmentPoint, string]> = [
      ['admission', addDays(stay.admissionDate, 3 + Math.floor(random() * 5))],
      ['detox', addDays(stay.admissionDate, 25 + Math.floor(random() * 15))],
      ['stage', addDays(stay.admissionDate, 110 + Math.floor(random() * 30))],
      ['one_year', addDays(addMonths(stay.decisionDate, 12), -Math.floor(random() * 20))],
      ['pre_expiry', addDays(addMonths(stay.decisionDate, 24), -30 - Math.floor(random() * 20))],
    ]
    const due = plan.filter(([, on]) => on <= stay.end && on >= stay.admissionDate)
    due.forEach(([point, on], i) => {
      // The latest assessment of one current stay in twelve is a draft still waiting for evidence.
      const draft = stay.current && i === due.length - 1 && random() < 1 / 12
      writeOne(db, used.template, used.version, stay, point, on, draft, random, by, at, newId)
      written++
    })
  }
  return written
}

function writeOne(db: Db, template: AssessmentTemplate, version: number, stay: SeedStay, point: AssessmentPoint, on: string, draft: boolean, random: () => number, by: string, at: string, newId: () => string): void {
  const good = random() < 0.85
  const items: StoredItem[] = []
  for (const c of template.components) {
    if (!componentServes(c, point)) continue
    for (const item of c.items) {
      const missing = draft && item.evidence.kind !== 'manual' && random() < 0.5
      let points: number | null
      if (missing) points = null
      else if (item.scoring === 'all_or_nothing') points = good || random() < 0.7 ? item.points : 0
      else points = Math.round(item.points * (good ? 0.6 + random() * 0.4 : random() * 0.7))
      items.push({
        component: c.id,
        itemId: item.id,
        points,
        suggested: null,
        evidence: item.evidence.kind === 'manual' ? null : { kind: item.evidence.kind, recordType: null, recordId: null, on: null, summary: '', met: null },
        note: item.evidence.kind === 'manual' || missing ? null : '纸质记录核对',
      })
    }
  }
  const score = scoreAssessment(template, point, Object.fromEntries(items.map((i) => [`${i.component}.${i.itemId}`, i.points])))
  const id = newId()
  const stamp = `${on}T08:00:00.000Z` < at ? `${on}T08:00:00.000Z` : at
  insertAssessment(db, {
    id,
    personId: stay.personId,
    point,
    stagePeriod: point === 'stage' ? 'education' : null,
    assessedOn: on,
    status: draft ? 'draft' : 'final',
    templateId: template.id,
    templateVersion: version,
    components: JSON.stringify(score.components.map((c) => ({ id: c.id, applies: c.applies, points: c.points, maxPoints: c.maxPoints, result: c.result }))),
    overallPass: score.overallPass === null ? null : score.overallPass ? 1 : 0,
    social: score.social,
    recommendation: suggestRecommendation(template, point, score),
    assessors: ASSESSORS[Math.floor(random() * ASSESSORS.length)]!,
    note: null,
    recordedAt: stamp,
    recordedBy: by,
    updatedAt: stamp,
    updatedBy: by,
  })
  insertItems(db, id, 1, items)
  for (const i of items) {
    if (i.points === null && i.evidence) openEvidenceRequest(db, { id: newId(), personId: stay.personId, assessmentId: id, component: i.component, itemId: i.itemId, kind: i.evidence.kind, on })
  }
}
