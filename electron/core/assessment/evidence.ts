/**
 * Evidence for template items: the latest record of each kind a template asks for, read through the owning domain's
 * exported queries, with a link to the record and a one-line summary kept as a snapshot when the item is scored.
 * One read per kind per person (an assessment is one person at a time; nothing here loops over a ward).
 */
import type { EvidenceSnapshot } from '../../shared/contract/assessment'
import { evidenceMet, suggestedPoints, type AssessmentTemplate, type ComponentId, type EvidenceFact, type EvidenceSource } from '../../shared/domain/assessment'
import { personCertificates } from '../certificates/certificatesQueries'
import { personEnrolments } from '../courses/personQueries'
import type { Db } from '../db/open'
import { personTests } from '../fitness/fitnessQueries'
import { personSittings } from '../knowledge/knowledgeQueries'
import { wardAssessmentFacts } from '../psych/psychQueries'
import { conductPointsOf } from './conductAdapter'

export interface ItemEvidence {
  component: ComponentId
  itemId: string
  evidence: EvidenceSnapshot | null
  suggested: number | null
}

type Found = { fact: EvidenceFact; recordType: string | null; recordId: string | null; on: string | null; summary: string } | null

/** Reads one source's latest record up to `on` (the assessment date). */
function find(db: Db, personId: string, admissionDate: string, on: string, source: Exclude<EvidenceSource, { kind: 'manual' }>): Found {
  switch (source.kind) {
    case 'psych': {
      const result = wardAssessmentFacts(db, [personId], [source.instrumentId], []).get(personId)?.results.find((r) => r.instrumentId === source.instrumentId)
      if (!result || result.incomplete || result.bandId === null) return null
      return {
        fact: { kind: 'psych', band: result.bandId },
        recordType: 'psych_assessment',
        recordId: result.assessmentId,
        on: result.on,
        summary: `${source.instrumentId}: ${result.bandLabel?.zh ?? result.bandId}`,
      }
    }
    case 'fitness': {
      const test = personTests(db, personId).filter((t) => t.voided === null && t.date <= on).sort((a, b) => b.date.localeCompare(a.date))[0]
      if (!test) return null
      const grade = test.grading.grade
      return { fact: { kind: 'fitness', grade }, recordType: 'fitness_test', recordId: test.id, on: test.date, summary: `grade:${grade ?? 'none'}` }
    }
    case 'knowledge': {
      const sitting = personSittings(db, personId)
        .filter((s) => s.voided === null && s.status === 'submitted' && s.score !== null && s.answeredOn <= on && (!source.purpose || s.purpose === source.purpose))
        .sort((a, b) => b.answeredOn.localeCompare(a.answeredOn) || b.startedAt.localeCompare(a.startedAt))[0]
      if (!sitting) return null
      return { fact: { kind: 'knowledge', score: sitting.score }, recordType: 'knowledge_attempt', recordId: sitting.id, on: sitting.answeredOn, summary: `${sitting.purpose} ${sitting.score}` }
    }
    case 'attendance': {
      const enrolments = personEnrolments(db, personId).filter((e) => e.enrolledOn !== null && e.enrolledOn >= admissionDate)
      const counted = enrolments.reduce((a, e) => a + e.sessionsCounted, 0)
      if (counted === 0) return null
      const attended = enrolments.reduce((a, e) => a + e.attended, 0)
      const rate = attended / counted
      const latest = [...enrolments].sort((a, b) => (b.enrolledOn ?? '').localeCompare(a.enrolledOn ?? ''))[0]!
      return { fact: { kind: 'attendance', rate }, recordType: 'enrolment', recordId: latest.enrolmentId, on: null, summary: `${attended}/${counted} = ${Math.round(rate * 1000) / 10}%` }
    }
    case 'certificate': {
      const held = personCertificates(db, personId).filter((c) => c.voided === null && c.issuedOn <= on).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
      if (held.length === 0) return { fact: { kind: 'certificate', count: 0 }, recordType: null, recordId: null, on: null, summary: '0' }
      const latest = held[0]!
      return { fact: { kind: 'certificate', count: held.length }, recordType: 'certificate', recordId: latest.id, on: latest.issuedOn, summary: `${held.length}: ${latest.occupation} ${latest.number}` }
    }
    case 'conduct': {
      const points = conductPointsOf(db, personId, admissionDate, on)
      if (!points) return null
      const last = [...points.entries].sort((a, b) => b.on.localeCompare(a.on))[0]
      return {
        fact: { kind: 'conduct', total: points.total },
        recordType: last ? 'conduct' : null,
        recordId: last?.id ?? null,
        on: last?.on ?? null,
        summary: `${points.total} (+${points.rewards} / ${points.sanctions})`,
      }
    }
  }
}

/** Every item of the template with its evidence (null for manual items) and the points it suggests. */
export function gatherEvidence(db: Db, template: AssessmentTemplate, personId: string, admissionDate: string, on: string): ItemEvidence[] {
  const cache = new Map<string, Found>()
  const out: ItemEvidence[] = []
  for (const c of template.components) {
    for (const item of c.items) {
      const source = item.evidence
      if (source.kind === 'manual') {
        out.push({ component: c.id, itemId: item.id, evidence: null, suggested: null })
        continue
      }
      const key = JSON.stringify(source)
      if (!cache.has(key)) cache.set(key, find(db, personId, admissionDate, on, source))
      const found = cache.get(key)!
      const met = evidenceMet(source, found?.fact ?? null)
      out.push({
        component: c.id,
        itemId: item.id,
        evidence: found
          ? { kind: source.kind, recordType: found.recordType, recordId: found.recordId, on: found.on, summary: found.summary, met }
          : { kind: source.kind, recordType: null, recordId: null, on: null, summary: '', met: null },
        suggested: suggestedPoints(item, found?.fact ?? null),
      })
    }
  }
  return out
}
