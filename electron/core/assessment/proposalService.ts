/**
 * The proposal-and-decision log (domain-reference §1.2 "Implication"): the facility proposes early release, an
 * extension or community rehab; the deciding organ decides (date, document number). An approved extension is added to
 * the term as a people term event (so the last day and the term explanation follow); an approved early release sets
 * the release date the term explains as a step. The legal constraints are checked at proposal and again at decision.
 */
import { randomUUID } from 'node:crypto'
import type { assessmentContract, ProposalView } from '../../shared/contract/assessment'
import { proposalProblem } from '../../shared/domain/assessment'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { AppError, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { insertTermEvent, setEarlyReleaseOn, termEventsOf, voidTermEvent } from '../people/peopleRepo'
import { assessmentById, decideProposal, insertProposal, proposalById, proposalsOf, voidProposal, type StoredProposal } from './assessmentRepo'
import { refreshLastDay } from '../people/peopleService'
import { livePerson, termFacts } from './personFacts'

type ProposalMethods = 'assessment:propose' | 'assessment:decide' | 'assessment:voidProposal'

export function proposalViews(db: Db, personId: string): ProposalView[] {
  return proposalsOf(db, personId).map(toView)
}

function toView(p: StoredProposal): ProposalView {
  const { voidedAt, voidedBy, voidReason, updatedAt: _a, updatedBy: _b, ...rest } = p
  return { ...rest, voided: voidedAt ? { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' } : null }
}

/** The legal constraints against the term as it stands now; a refusal names its field and the limit. */
function assertLegal(ctx: Ctx, personId: string, p: { kind: StoredProposal['kind']; proposedDate: string | null; months: number | null }): void {
  const person = livePerson(ctx.db, personId)
  const facts = termFacts(ctx.db, person, today(ctx))
  if (!facts.term) throw ruleViolation('term.inconsistent', 'kind')
  const problem = proposalProblem(p, facts.term, facts.approvedExtensionMonths)
  if (problem) throw ruleViolation(problem.key, problem.field, problem.params)
}

export const proposalHandlers = {
  'assessment:propose'(input, ctx) {
    const p = livePerson(ctx.db, input.personId, 'personId')
    if (input.proposedOn > today(ctx)) throw ruleViolation('v.date_in_future', 'proposedOn')
    if (input.proposedOn < p.decisionDate) throw ruleViolation('assessment.before_decision', 'proposedOn', { decisionDate: p.decisionDate })
    if (input.kind === 'early_release' && input.months !== null) throw ruleViolation('assessment.months_not_for_early_release', 'months')
    if (input.kind !== 'early_release' && input.proposedDate !== null) throw ruleViolation('assessment.date_only_early_release', 'proposedDate')
    if (input.kind === 'extension' && input.months === null) throw ruleViolation('v.required', 'months')
    assertLegal(ctx, p.id, input)
    if (input.proposedDate !== null && input.proposedDate < input.proposedOn) {
      throw ruleViolation('assessment.release_before_proposal', 'proposedDate', { proposedOn: input.proposedOn })
    }
    if (proposalsOf(ctx.db, p.id).some((x) => x.voidedAt === null && x.outcome === 'pending' && x.kind === input.kind)) {
      throw ruleViolation('assessment.proposal_pending', 'kind')
    }
    if (input.assessmentId !== null) {
      const a = assessmentById(ctx.db, input.assessmentId)
      if (!a || a.personId !== p.id || a.voidedAt) throw ruleViolation('err.not_found', 'assessmentId')
    }
    const id = randomUUID()
    insertProposal(ctx.db, { id, personId: p.id, assessmentId: input.assessmentId, kind: input.kind, proposedOn: input.proposedOn, months: input.months, proposedDate: input.proposedDate, decidingOrgan: input.decidingOrgan, note: input.note, recordedAt: nowIso(ctx), recordedBy: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ kind: input.kind, months: input.months, proposedDate: input.proposedDate, decidingOrgan: input.decidingOrgan })
    return { id, revision: 1 }
  },

  'assessment:decide'(input, ctx) {
    const proposal = proposalById(ctx.db, input.id)
    if (!proposal) throw notFound()
    if (proposal.voidedAt) throw ruleViolation('assessment.proposal_voided')
    if (proposal.revision !== input.revision) throw new AppError('conflict', 'assessment.stale')
    if (proposal.outcome !== 'pending') throw ruleViolation('assessment.already_decided', 'outcome')
    if (input.decisionDate > today(ctx)) throw ruleViolation('v.date_in_future', 'decisionDate')
    if (input.decisionDate < proposal.proposedOn) throw ruleViolation('assessment.decision_before_proposal', 'decisionDate', { proposedOn: proposal.proposedOn })
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    let termEventId: string | null = null
    if (input.outcome === 'approved') {
      assertLegal(ctx, proposal.personId, proposal)
      if (proposal.kind === 'extension') {
        termEventId = randomUUID()
        insertTermEvent(ctx.db, {
          id: termEventId,
          personId: proposal.personId,
          kind: 'extension',
          months: proposal.months,
          fromDate: null,
          toDate: null,
          docNo: input.documentNumber,
          approvalDate: input.decisionDate,
          note: input.note ?? proposal.note,
          recordedAt: at,
          recordedBy: by,
        })
      } else if (proposal.kind === 'early_release') {
        setEarlyReleaseOn(ctx.db, proposal.personId, proposal.proposedDate)
      }
    }
    const next = decideProposal(ctx.db, proposal.id, input.revision, { outcome: input.outcome, decisionDate: input.decisionDate, documentNumber: input.documentNumber, note: input.note, termEventId, at, by })
    if (next === null) throw new AppError('conflict', 'assessment.stale')
    if (input.outcome === 'approved') refreshLastDay(ctx.db, proposal.personId, today(ctx), 'outcome')
    ctx.auditDetail = JSON.stringify({ kind: proposal.kind, outcome: input.outcome, decisionDate: input.decisionDate, documentNumber: input.documentNumber, termEventId })
    return { revision: next }
  },

  'assessment:voidProposal'(input, ctx) {
    const proposal = proposalById(ctx.db, input.id)
    if (!proposal) throw notFound()
    if (proposal.voidedAt) throw ruleViolation('assessment.proposal_voided')
    if (proposal.revision !== input.revision) throw new AppError('conflict', 'assessment.stale')
    const mark = { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason }
    if (!voidProposal(ctx.db, proposal.id, input.revision, mark)) throw new AppError('conflict', 'assessment.stale')
    // Voiding an approved decision takes its term change back out, through the same paths that made it.
    if (proposal.outcome === 'approved') {
      if (proposal.termEventId && termEventsOf(ctx.db, proposal.personId).some((e) => e.id === proposal.termEventId && e.voidedAt === null)) {
        voidTermEvent(ctx.db, proposal.termEventId, mark)
      }
      if (proposal.kind === 'early_release') setEarlyReleaseOn(ctx.db, proposal.personId, null)
      refreshLastDay(ctx.db, proposal.personId, today(ctx), 'reason')
    }
    ctx.auditDetail = JSON.stringify({ reason: input.reason, outcome: proposal.outcome })
    return null
  },
} satisfies HandlersFor<Pick<typeof assessmentContract, ProposalMethods>>
