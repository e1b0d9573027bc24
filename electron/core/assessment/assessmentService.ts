/**
 * Diagnostic assessments: templates (list, view, import a version, choose), a person's assessments, the new-assessment
 * preparation (evidence and suggestions), record / update / void with the template version kept, evidence requests.
 * Rules live here; SQL in assessmentRepo / assessmentQueries; scoring in shared/domain/assessment.
 */
import { randomUUID } from 'node:crypto'
import type { assessmentContract, AssessmentPreparation, DiagAssessmentView, ItemResultView } from '../../shared/contract/assessment'
import type { ParsedInput } from '../../shared/contract'
import {
  componentServes,
  pointsProblem,
  scoreAssessment,
  validateTemplate,
  type AssessmentTemplate,
} from '../../shared/domain/assessment'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { readableWards } from '../auth/wardScope'
import { personById } from '../people/peopleRepo'
import {
  assessmentById,
  closeAllEvidenceRequests,
  closeEvidenceRequest,
  closeEvidenceRequests,
  insertAssessment,
  insertItems,
  itemsOf,
  openEvidenceRequest,
  updateAssessment,
  voidAssessment,
  type StoredItem,
} from './assessmentRepo'
import { assessmentPage, assessmentSummary, openRequestsOf, personAssessmentRows, staffNameOf } from './assessmentQueries'
import { gatherEvidence } from './evidence'
import { livePerson, personHeader, termFacts } from './personFacts'
import { proposalHandlers, proposalViews } from './proposalService'
import { chosenTemplateId, saveTemplateVersion, templateForUse, templateList, templateView } from './templates'

type Body = Omit<ParsedInput<'assessment:record'>, 'personId'>
type FieldProblem = { key: string; params?: Record<string, string | number> }

/** Checks the entered items against the template and scores them; every problem is returned at its field. */
function scoreBody(ctx: Ctx, template: AssessmentTemplate, personId: string, admissionDate: string, body: Body) {
  const problems: Record<string, FieldProblem> = {}
  if (!template.points.includes(body.point)) problems.point = { key: 'assessment.point_not_served', params: { template: template.name.zh } }
  if (body.point === 'stage' && body.stagePeriod === null) problems.stagePeriod = { key: 'assessment.stage_period_required' }
  if (body.point !== 'stage' && body.stagePeriod !== null) problems.stagePeriod = { key: 'assessment.stage_period_only_stage' }
  if (body.assessedOn > today(ctx)) problems.assessedOn = { key: 'v.date_in_future' }
  if (body.assessedOn < admissionDate) problems.assessedOn = { key: 'assessment.before_admission', params: { admissionDate } }

  const evidence = gatherEvidence(ctx.db, template, personId, admissionDate, body.assessedOn)
  const entered: Record<string, number | null> = {}
  const seen = new Set<string>()
  body.items.forEach((input, n) => {
    const key = `${input.component}.${input.itemId}`
    const component = template.components.find((c) => c.id === input.component)
    const item = component?.items.find((i) => i.id === input.itemId)
    if (!component || !item) {
      problems[`items.${n}.itemId`] = { key: 'assessment.unknown_item' }
      return
    }
    if (seen.has(key)) problems[`items.${n}.itemId`] = { key: 'assessment.duplicate_item' }
    seen.add(key)
    if (input.points !== null) {
      const problem = pointsProblem(item, input.points)
      if (problem) problems[`items.${n}.points`] = { key: `assessment.points_${problem}`, params: { max: item.points } }
      const suggested = evidence.find((e) => e.component === input.component && e.itemId === input.itemId)?.suggested ?? null
      // An override of what the evidence says, or a manual item scored below full, must say why.
      if (!input.note && suggested !== null && suggested !== input.points) problems[`items.${n}.note`] = { key: 'assessment.override_note', params: { suggested } }
    }
    entered[key] = input.points
  })
  const score = scoreAssessment(template, body.point, entered)
  if (body.status === 'final') {
    for (const c of template.components) {
      if (!componentServes(c, body.point)) continue
      for (const item of c.items) {
        if (entered[`${c.id}.${item.id}`] !== null && entered[`${c.id}.${item.id}`] !== undefined) continue
        const n = body.items.findIndex((i) => i.component === c.id && i.itemId === item.id)
        problems[n >= 0 ? `items.${n}.points` : 'items'] = { key: 'assessment.final_needs_all', params: { item: item.label.zh } }
      }
    }
  }
  return { problems, evidence, score, entered }
}

/** Legal constraints on the recommendation itself (the proposal is checked again, with its date, when it is made). */
function recommendationProblem(ctx: Ctx, personId: string, body: Body): FieldProblem | null {
  const p = livePerson(ctx.db, personId)
  const facts = termFacts(ctx.db, p, today(ctx))
  if (body.recommendation === 'propose_early_release') {
    if (facts.term?.earlyReleaseBarredBy === 'escape') return { key: 'assessment.early_release_escape' }
    if (facts.term?.earlyReleaseBarredBy === 'recorded_bar') return { key: 'assessment.early_release_bar' }
    if (body.point !== 'one_year') return { key: 'assessment.early_release_point' }
  }
  if (body.recommendation === 'propose_extension' && facts.approvedExtensionMonths >= 12) {
    return { key: 'assessment.extension_total', params: { approved: facts.approvedExtensionMonths, max: 12, left: 0 } }
  }
  return null
}

function throwProblems(problems: Record<string, FieldProblem>): void {
  const entries = Object.entries(problems)
  if (entries.length === 0) return
  if (entries.length === 1) {
    const [field, p] = entries[0]!
    throw ruleViolation(p.key, field, p.params)
  }
  throw new FieldErrors(problems)
}

/** Writes the item rows of a revision and opens or closes evidence requests from them. */
function storeItems(ctx: Ctx, assessmentId: string, personId: string, revision: number, body: Body, evidence: ReturnType<typeof gatherEvidence>): void {
  const byKey = new Map(body.items.map((i) => [`${i.component}.${i.itemId}`, i]))
  const rows: StoredItem[] = evidence.map((e) => {
    const input = byKey.get(`${e.component}.${e.itemId}`)
    return { component: e.component, itemId: e.itemId, points: input?.points ?? null, suggested: e.suggested, evidence: e.evidence, note: input?.note ?? null }
  })
  insertItems(ctx.db, assessmentId, revision, rows)
  const mark = { at: nowIso(ctx), by: actorOf(ctx).id }
  const supplied: StoredItem[] = []
  for (const r of rows) {
    const missing = r.evidence !== null && r.evidence.met === null && r.points === null
    if (missing) openEvidenceRequest(ctx.db, { id: randomUUID(), personId, assessmentId, component: r.component, itemId: r.itemId, kind: r.evidence!.kind, on: body.assessedOn })
    else supplied.push(r)
  }
  closeEvidenceRequests(ctx.db, assessmentId, supplied, { ...mark, note: 'supplied' })
}

function assessmentView(ctx: Ctx, id: string): DiagAssessmentView {
  const stored = assessmentById(ctx.db, id)
  const summary = assessmentSummary(ctx.db, id)
  if (!stored || !summary) throw notFound()
  const view = templateView(ctx.db, stored.templateId, stored.templateVersion)
  if (!view) throw new AppError('internal', 'assessment.template_missing')
  const p = livePersonOrVoided(ctx, stored.personId)
  const facts = p.voidedAt ? null : termFacts(ctx.db, p, today(ctx))
  const items: ItemResultView[] = itemsOf(ctx.db, id, stored.revision).map((i) => ({
    component: i.component,
    itemId: i.itemId,
    points: i.points,
    evidence: i.evidence,
    suggested: i.suggested,
    note: i.note,
  }))
  return {
    ...summary,
    idNumberMasked: personHeader(ctx.db, p).idNumberMasked,
    template: view.template,
    items,
    assessors: stored.assessors,
    note: stored.note,
    recordedAt: stored.recordedAt,
    recordedBy: stored.recordedBy,
    recordedByName: staffNameOf(ctx.db, stored.recordedBy),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    openEvidenceRequests: openRequestsOf(ctx.db, stored.personId).filter((r) => r.assessmentId === id),
    term: facts?.term ?? null,
    approvedExtensionMonths: facts?.approvedExtensionMonths ?? 0,
  }
}

/** The person, voided or not: a voided file's assessments stay readable. */
function livePersonOrVoided(ctx: Ctx, personId: string) {
  const p = personById(ctx.db, personId)
  if (!p) throw notFound()
  return p
}

function componentsJson(score: ReturnType<typeof scoreAssessment>): string {
  return JSON.stringify(score.components.map((c) => ({ id: c.id, applies: c.applies, points: c.points, maxPoints: c.maxPoints, result: c.result })))
}

export const assessmentHandlers = {
  'assessment:templates': (_input, ctx) => templateList(ctx.db),

  'assessment:template'(input, ctx) {
    const view = templateView(ctx.db, input.templateId, input.version)
    if (!view) throw notFound()
    return view
  },

  'assessment:importTemplate'(input, ctx) {
    let data: unknown
    try {
      data = JSON.parse(input.json)
    } catch (error) {
      return { ok: false, problems: [{ path: '(json)', message: error instanceof Error ? error.message : 'not JSON' }] }
    }
    const checked = validateTemplate(data)
    if (!checked.ok) return { ok: false, problems: checked.problems }
    const version = saveTemplateVersion(ctx.db, checked.template, { at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ templateId: version.templateId, version: version.version, label: version.label })
    return { ok: true, version }
  },

  'assessment:chooseTemplate'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'assessment.templateId')) throw new AppError('conflict', 'settings.stale')
    if (!templateView(ctx.db, input.templateId, null)) throw ruleViolation('assessment.unknown_template', 'templateId')
    ctx.auditDetail = JSON.stringify({ from: chosenTemplateId(ctx.db), to: input.templateId })
    writeSetting(ctx.db, 'assessment.templateId', input.templateId)
    return null
  },

  'assessment:person'(input, ctx) {
    const p = livePersonOrVoided(ctx, input.personId)
    const facts = termFacts(ctx.db, p, today(ctx))
    return {
      personId: p.id,
      assessments: personAssessmentRows(ctx.db, p.id),
      proposals: proposalViews(ctx.db, p.id),
      openEvidenceRequests: openRequestsOf(ctx.db, p.id),
      ...facts,
    }
  },

  'assessment:prepare'(input, ctx): AssessmentPreparation {
    const p = livePerson(ctx.db, input.personId)
    const view = templateView(ctx.db, chosenTemplateId(ctx.db), null)
    if (!view) throw ruleViolation('assessment.unknown_template')
    const on = input.assessedOn ?? today(ctx)
    const facts = termFacts(ctx.db, p, today(ctx))
    return {
      ...personHeader(ctx.db, p),
      period: p.period,
      admissionDate: p.admissionDate,
      template: view,
      items: gatherEvidence(ctx.db, view.template, p.id, p.admissionDate, on),
      term: facts.term,
      approvedExtensionMonths: facts.approvedExtensionMonths,
    }
  },

  'assessment:get': (input, ctx) => assessmentView(ctx, input.id),

  'assessment:list': (input, ctx) => assessmentPage(ctx.db, input, readableWards(ctx)),

  'assessment:record'(input, ctx) {
    const { personId, ...body } = input
    const p = livePerson(ctx.db, personId, 'personId')
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const used = templateForUse(ctx.db, chosenTemplateId(ctx.db), { at, by })
    if (!used) throw ruleViolation('assessment.unknown_template')
    const { problems, evidence, score } = scoreBody(ctx, used.template, p.id, p.admissionDate, body)
    const rec = recommendationProblem(ctx, p.id, body)
    if (rec) problems.recommendation = rec
    throwProblems(problems)
    const id = randomUUID()
    insertAssessment(ctx.db, {
      id,
      personId: p.id,
      point: body.point,
      stagePeriod: body.stagePeriod,
      assessedOn: body.assessedOn,
      status: body.status,
      templateId: used.template.id,
      templateVersion: used.version,
      components: componentsJson(score),
      overallPass: score.overallPass === null ? null : score.overallPass ? 1 : 0,
      social: score.social,
      recommendation: body.recommendation,
      assessors: body.assessors,
      note: body.note,
      recordedAt: at,
      recordedBy: by,
      updatedAt: at,
      updatedBy: by,
    })
    storeItems(ctx, id, p.id, 1, body, evidence)
    ctx.auditDetail = JSON.stringify({ point: body.point, status: body.status, template: `${used.template.id}@${used.version}`, overallPass: score.overallPass, recommendation: body.recommendation })
    return { id, revision: 1 }
  },

  'assessment:update'(input, ctx) {
    const { id, revision, ...body } = input
    const stored = assessmentById(ctx.db, id)
    if (!stored) throw notFound()
    if (stored.voidedAt) throw ruleViolation('assessment.voided')
    if (stored.revision !== revision) throw new AppError('conflict', 'assessment.stale')
    const p = livePerson(ctx.db, stored.personId)
    // An edit keeps the template version the assessment was made with.
    const view = templateView(ctx.db, stored.templateId, stored.templateVersion)
    if (!view) throw new AppError('internal', 'assessment.template_missing')
    const { problems, evidence, score } = scoreBody(ctx, view.template, p.id, p.admissionDate, body)
    const rec = recommendationProblem(ctx, p.id, body)
    if (rec) problems.recommendation = rec
    throwProblems(problems)
    const at = nowIso(ctx)
    const next = updateAssessment(ctx.db, id, revision, {
      point: body.point,
      stagePeriod: body.stagePeriod,
      assessedOn: body.assessedOn,
      status: body.status,
      components: componentsJson(score),
      overallPass: score.overallPass === null ? null : score.overallPass ? 1 : 0,
      social: score.social,
      recommendation: body.recommendation,
      assessors: body.assessors,
      note: body.note,
      updatedAt: at,
      updatedBy: actorOf(ctx).id,
    })
    if (next === null) throw new AppError('conflict', 'assessment.stale')
    storeItems(ctx, id, p.id, next, body, evidence)
    ctx.auditDetail = JSON.stringify({ revision: next, status: body.status, overallPass: score.overallPass, recommendation: body.recommendation })
    return { id, revision: next }
  },

  'assessment:void'(input, ctx) {
    const stored = assessmentById(ctx.db, input.id)
    if (!stored) throw notFound()
    if (stored.voidedAt) throw ruleViolation('assessment.voided')
    if (stored.revision !== input.revision) throw new AppError('conflict', 'assessment.stale')
    const mark = { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason }
    if (!voidAssessment(ctx.db, input.id, input.revision, mark)) throw new AppError('conflict', 'assessment.stale')
    closeAllEvidenceRequests(ctx.db, input.id, { at: mark.at, by: mark.by, note: 'voided' })
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'assessment:closeEvidenceRequest'(input, ctx) {
    const result = closeEvidenceRequest(ctx.db, input.id, input.personId, { at: nowIso(ctx), by: actorOf(ctx).id, note: input.note })
    if (result === 'not_found') throw notFound()
    if (result === 'already') throw ruleViolation('assessment.request_closed')
    ctx.auditDetail = JSON.stringify({ note: input.note })
    return null
  },

  ...proposalHandlers,
} satisfies HandlersFor<typeof assessmentContract>
