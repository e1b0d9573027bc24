/**
 * The legal constraints on a term proposal (禁毒法 §47, 戒毒条例 §32, §38; domain-reference §1.2, §3.5), checked in the
 * core at proposal and again at decision, and shown by the form before submit. Each refusal names the field and the
 * limit; nothing is adjusted to fit.
 */
import type { TermResult } from '../term'
import { MAX_EXTENSION_MONTHS } from '../term'

export const PROPOSAL_KINDS = ['early_release', 'extension', 'community_rehab'] as const
export type ProposalKind = (typeof PROPOSAL_KINDS)[number]
/** 社区康复 may be ordered for at most 3 years (禁毒法 §48). */
export const MAX_COMMUNITY_REHAB_MONTHS = 36

export interface ProposalDraft {
  kind: ProposalKind
  /** Early release: the proposed release date. */
  proposedDate: string | null
  /** Extension or community rehab: months. */
  months: number | null
}

export interface ProposalProblem {
  field: 'kind' | 'proposedDate' | 'months'
  key: string
  params: Record<string, string | number>
}

/**
 * `term` is the person's term as it stands (with approved extensions and escapes); `approvedExtensionMonths` the months
 * of extensions already approved (term_events, however recorded).
 */
export function proposalProblem(p: ProposalDraft, term: TermResult, approvedExtensionMonths: number): ProposalProblem | null {
  if (p.kind === 'early_release') {
    if (term.earlyReleaseBarredBy === 'escape') return { field: 'kind', key: 'assessment.early_release_escape', params: {} }
    if (term.earlyReleaseBarredBy === 'recorded_bar') return { field: 'kind', key: 'assessment.early_release_bar', params: {} }
    if (!p.proposedDate) return { field: 'proposedDate', key: 'v.required', params: {} }
    if (p.proposedDate < term.earliestEarlyRelease) {
      return { field: 'proposedDate', key: 'assessment.early_release_too_soon', params: { earliest: term.earliestEarlyRelease } }
    }
    if (p.proposedDate > term.lastDay) return { field: 'proposedDate', key: 'assessment.early_release_after_term', params: { lastDay: term.lastDay } }
    return null
  }
  if (p.kind === 'extension') {
    if (p.months === null) return { field: 'months', key: 'v.required', params: {} }
    if (approvedExtensionMonths + p.months > MAX_EXTENSION_MONTHS) {
      return {
        field: 'months',
        key: 'assessment.extension_total',
        params: { approved: approvedExtensionMonths, max: MAX_EXTENSION_MONTHS, left: Math.max(0, MAX_EXTENSION_MONTHS - approvedExtensionMonths) },
      }
    }
    return null
  }
  if (p.months !== null && p.months > MAX_COMMUNITY_REHAB_MONTHS) {
    return { field: 'months', key: 'assessment.community_rehab_months', params: { max: MAX_COMMUNITY_REHAB_MONTHS } }
  }
  return null
}
