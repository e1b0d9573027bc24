/**
 * Diagnostic assessment (诊断评估, issue 13; domain-reference §3): province templates kept as versioned configuration, a
 * person's assessments at each point (items with evidence linked to the record it came from, component results, the
 * overall result and the recommendation), evidence requests for what is missing, and the proposal-and-decision log
 * (early release, extension, community rehab) whose approvals change the term. Every record keeps its revision, is
 * voided with a reason and never deleted; an assessment is always shown with the template version it used.
 */
import { z } from 'zod'
import {
  ASSESSMENT_POINTS,
  COMPONENT_IDS,
  PROPOSAL_KINDS,
  RECOMMENDATIONS,
  type AssessmentPoint,
  type AssessmentTemplate,
  type ComponentId,
  type ComponentResult,
  type EvidenceKind,
  type ProposalKind,
  type Recommendation,
  type TemplateProblem,
} from '../domain/assessment'
import { PERIODS, type Period } from '../domain/periods'
import type { TermResult } from '../domain/term'
import { id, intAtLeast, intRange, isoDate, optionalText, page, reason, settingVersionInput, text, tooLong, type Paged } from './common'
import { method } from './define'

export const DIAG_STATUSES = ['draft', 'final'] as const
export type DiagStatus = (typeof DIAG_STATUSES)[number]
export const PROPOSAL_OUTCOMES = ['pending', 'approved', 'rejected'] as const
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number]

/** A stored template version (config_versions kind 'assessmentTemplate'; the number counts over all templates). */
export interface TemplateVersionInfo {
  templateId: string
  /** The stored version number an assessment keeps. */
  version: number
  /** The province's own label (e.g. "2021"). */
  label: string
  name: { zh: string; en: string }
  province: string
  effectiveDate: string
  createdAt: string
  createdBy: string | null
}

export interface TemplateList {
  /** The facility's choice for new assessments (setting assessment.templateId). */
  chosenId: string
  /** The choice's version, which assessment:chooseTemplate must name (settings.stale when someone chose meanwhile). */
  version: string
  /** Every stored version, newest first, and the shipped templates not stored yet (version null). */
  templates: Array<{ templateId: string; name: { zh: string; en: string }; province: string; shipped: boolean; versions: TemplateVersionInfo[] }>
}

export interface TemplateView {
  /** null: the shipped file, not stored yet (it is stored with the first assessment that uses it). */
  version: number | null
  template: AssessmentTemplate
}

/** What an item's evidence was when it was scored: the record it came from, and what it said. */
export interface EvidenceSnapshot {
  kind: EvidenceKind
  /** The linked record (psych_assessment, fitness_test, knowledge_attempt, enrolment, certificate, conduct), if any. */
  recordType: string | null
  recordId: string | null
  /** When the record was made (test date, sitting date …). */
  on: string | null
  /** The value read, e.g. "PHQ-9 band mild", "score 72", "attendance 91%". Kept as text: a snapshot, not a live value. */
  summary: string
  /** Whether the evidence met the item's rule: true/false, null when there was none. */
  met: boolean | null
}

export interface ItemResultView {
  component: ComponentId
  itemId: string
  points: number | null
  evidence: EvidenceSnapshot | null
  /** Suggested by the evidence (null: nothing to suggest); differs from `points` when the assessor overrode it. */
  suggested: number | null
  note: string | null
}

export interface ComponentResultView {
  id: ComponentId
  applies: boolean
  points: number
  maxPoints: number
  result: ComponentResult | null
}

export interface DiagAssessmentSummary {
  id: string
  personId: string
  personName: string
  wardId: string | null
  wardName: string | null
  point: AssessmentPoint
  stagePeriod: Period | null
  assessedOn: string
  status: DiagStatus
  templateId: string
  templateVersion: number
  components: ComponentResultView[]
  overallPass: boolean | null
  social: 'good' | 'fair' | null
  recommendation: Recommendation
  revision: number
  voided: { at: string; by: string; reason: string } | null
}

export interface DiagAssessmentView extends DiagAssessmentSummary {
  idNumberMasked: string
  template: AssessmentTemplate
  items: ItemResultView[]
  assessors: string
  note: string | null
  recordedAt: string
  recordedBy: string
  recordedByName: string
  updatedAt: string
  updatedBy: string
  openEvidenceRequests: EvidenceRequestView[]
  /** The person's term when shown (for the recommendation's constraints). */
  term: TermResult | null
  approvedExtensionMonths: number
}

export interface EvidenceRequestView {
  id: string
  personId: string
  assessmentId: string
  component: ComponentId
  itemId: string
  evidenceKind: EvidenceKind
  requestedOn: string
  closedAt: string | null
  closedNote: string | null
}

export interface ProposalView {
  id: string
  personId: string
  assessmentId: string | null
  kind: ProposalKind
  proposedOn: string
  months: number | null
  proposedDate: string | null
  decidingOrgan: string
  decisionDate: string | null
  outcome: ProposalOutcome
  documentNumber: string | null
  /** The term event an approved extension added (people's term_events). */
  termEventId: string | null
  note: string | null
  revision: number
  recordedAt: string
  recordedBy: string
  voided: { at: string; by: string; reason: string } | null
}

/** What the new-assessment form starts from: the template version, each item's evidence and suggestion, the term. */
export interface AssessmentPreparation {
  personId: string
  personName: string
  idNumberMasked: string
  wardName: string | null
  period: Period | null
  admissionDate: string
  template: TemplateView
  items: Array<{ component: ComponentId; itemId: string; evidence: EvidenceSnapshot | null; suggested: number | null }>
  term: TermResult | null
  /** Months of extension already approved (the 12-month limit counts them). */
  approvedExtensionMonths: number
}

export interface PersonAssessments {
  personId: string
  assessments: DiagAssessmentSummary[]
  proposals: ProposalView[]
  openEvidenceRequests: EvidenceRequestView[]
  term: TermResult | null
  approvedExtensionMonths: number
  earlyReleaseBarReason: string | null
}

export const assessmentPointSchema = z.enum(ASSESSMENT_POINTS, { error: 'v.required' })
const templateIdSchema = z.string({ error: 'v.required' }).regex(/^[a-z][a-z0-9_-]{0,59}$/, 'assessment.template_id')

const itemInput = z.object({
  component: z.enum(COMPONENT_IDS),
  itemId: z.string({ error: 'v.required' }).min(1, 'v.required').max(60, tooLong(60)),
  /** null: not scored yet (a draft); a final assessment needs every applicable item. */
  points: z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.at_least|{"min":0}').max(100, 'v.at_most|{"max":100}').nullable(),
  /** Why the assessor's points differ from the evidence, or what a manual item rests on. */
  note: optionalText(300),
})

const assessmentBody = {
  point: assessmentPointSchema,
  stagePeriod: z.enum(PERIODS).nullable().default(null),
  assessedOn: isoDate,
  status: z.enum(DIAG_STATUSES),
  items: z.array(itemInput).max(200, tooLong(200)),
  recommendation: z.enum(RECOMMENDATIONS),
  assessors: text(200),
  note: optionalText(1000),
}

const proposalBody = {
  kind: z.enum(PROPOSAL_KINDS),
  proposedOn: isoDate,
  months: intRange(1, 36).nullable().default(null),
  proposedDate: isoDate.nullable().default(null),
  decidingOrgan: text(100),
  assessmentId: id.nullable().default(null),
  note: optionalText(500),
}

const byAssessment = { record: 'diagAssessment' as const, id: (i: { id: string }) => i.id }
const byProposal = { record: 'termProposal' as const, id: (i: { id: string }) => i.id }
const assessmentRecord = (i: { id?: string; personId?: string }, o: unknown) =>
  (o && typeof o === 'object' && 'id' in o && typeof o.id === 'string' ? o.id : null) ?? i.id ?? null

export const assessmentContract = {
  'assessment:templates': method<TemplateList>()({
    input: z.object({}),
    access: 'assessment.read',
    scope: 'facility',
    audit: { kind: 'none' },
  }),
  /** One template version (null: the newest stored, else the shipped file). */
  'assessment:template': method<TemplateView>()({
    input: z.object({ templateId: templateIdSchema, version: intAtLeast(1).nullable().default(null) }),
    access: 'assessment.read',
    scope: 'facility',
    audit: { kind: 'none' },
  }),
  /** Loads a template version from JSON (validated; every problem returned with its path, nothing saved). */
  'assessment:importTemplate': method<{ ok: true; version: TemplateVersionInfo } | { ok: false; problems: TemplateProblem[] }>()({
    input: z.object({ json: z.string({ error: 'v.required' }).min(2, 'v.required').max(500_000, tooLong(500_000)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'assessment_template', record: (_i, o) => (o.ok ? `${o.version.templateId}@${o.version.version}` : null) },
  }),
  /** The template new assessments use. */
  'assessment:chooseTemplate': method<null>()({
    input: z.object({ templateId: templateIdSchema, version: settingVersionInput }),
    access: 'facility.manage',
    scope: 'facility',
    // The record is the facility's choice (the chosen template is in the detail): a stale choice names who chose last.
    audit: { kind: 'write', recordType: 'settings', record: () => 'assessment.templateId' },
  }),
  'assessment:person': method<PersonAssessments>()({
    input: z.object({ personId: id }),
    access: 'assessment.read',
    scope: { person: (i) => i.personId },
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'assessment:prepare': method<AssessmentPreparation>()({
    input: z.object({ personId: id, point: assessmentPointSchema, assessedOn: isoDate.optional() }),
    access: 'assessment.read',
    scope: { person: (i) => i.personId },
    audit: { kind: 'none' },
  }),
  'assessment:get': method<DiagAssessmentView>()({
    input: z.object({ id }),
    access: 'assessment.read',
    scope: byAssessment,
    audit: { kind: 'read', recordType: 'diag_assessment', record: (i) => i.id },
  }),
  'assessment:list': method<Paged<DiagAssessmentSummary>>()({
    input: z.object({
      point: assessmentPointSchema.optional(),
      status: z.enum(DIAG_STATUSES).optional(),
      wardId: id.optional(),
      ...page,
    }),
    access: 'assessment.read',
    scope: 'filtered',
    audit: { kind: 'none' },
  }),
  'assessment:record': method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, ...assessmentBody }),
    access: 'assessment.record',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'diag_assessment', record: assessmentRecord },
  }),
  /** Edits an assessment read at `revision` (a stale edit is refused); it keeps its template version. */
  'assessment:update': method<{ id: string; revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...assessmentBody }),
    access: 'assessment.record',
    scope: byAssessment,
    audit: { kind: 'write', recordType: 'diag_assessment', record: (i) => i.id },
  }),
  'assessment:void': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'assessment.record',
    scope: byAssessment,
    audit: { kind: 'write', recordType: 'diag_assessment', record: (i) => i.id },
  }),
  /** Closes an evidence request by hand (e.g. the evidence is on paper); supplied evidence closes it by itself. */
  'assessment:closeEvidenceRequest': method<null>()({
    input: z.object({ id, personId: id, note: text(300) }),
    access: 'assessment.record',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'diag_evidence_request', record: (i) => i.id },
  }),
  /** Records a proposal to the deciding organ; the legal constraints are checked here and again at decision. */
  'assessment:propose': method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, ...proposalBody }),
    access: 'assessment.decide',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'term_proposal', record: assessmentRecord },
  }),
  /** The deciding organ's decision; an approval changes the term (extension months, early release date). */
  'assessment:decide': method<{ revision: number }>()({
    input: z.object({
      id,
      revision: intAtLeast(1),
      outcome: z.enum(['approved', 'rejected']),
      decisionDate: isoDate,
      documentNumber: text(80),
      note: optionalText(500),
    }),
    access: 'assessment.decide',
    scope: byProposal,
    audit: { kind: 'write', recordType: 'term_proposal', record: (i) => i.id },
  }),
  /** Voids a proposal (and, if it was approved, the term change it made). */
  'assessment:voidProposal': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'assessment.decide',
    scope: byProposal,
    audit: { kind: 'write', recordType: 'term_proposal', record: (i) => i.id },
  }),
}
