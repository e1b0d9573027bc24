/** Crises: raised for a person, followed by interventions and follow-ups, closed with an outcome. */
import { z } from 'zod'
import { CRISIS_EVENT_KINDS, RISK_LEVELS, type RiskLevel } from '../../domain/psych'
import { id, isoDate, text } from '../common'
import { method, noAudit } from '../define'

/**
 * A crisis as lists show it (the ward screen, the crisis list): the flag — risk, status, dates — never the reason or
 * the outcome, which only the audited detail (psych:getCrisis, for those who run the crisis workflow) carries.
 */
export interface CrisisSummary {
  id: string
  personId: string
  personName: string
  wardId: string | null
  riskLevel: RiskLevel
  raisedOn: string
  raisedBy: string
  status: 'open' | 'closed'
  closedOn: string | null
  lastEventOn: string | null
  nextFollowUp: string | null
}

export interface CrisisDetail extends CrisisSummary {
  reason: string
  outcome: string | null
  events: Array<{ id: string; kind: 'intervention' | 'follow_up'; on: string; by: string; note: string; nextFollowUp: string | null }>
}

export const crisesContract = {
  'psych:raiseCrisis': method<{ id: string }>()({
    input: z.object({ personId: id, riskLevel: z.enum(RISK_LEVELS, { error: 'v.required' }), reason: text(1000), raisedOn: isoDate }),
    access: 'psych.assess',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'crisis', record: (_i, o) => o.id },
  }),
  'psych:addCrisisEvent': method<null>()({
    input: z.object({ crisisId: id, kind: z.enum(CRISIS_EVENT_KINDS), on: isoDate, note: text(2000), nextFollowUp: isoDate.nullable().default(null) }),
    access: 'psych.assess',
    scope: { record: 'crisis', id: (i) => i.crisisId },
    audit: { kind: 'write', recordType: 'crisis', record: (i) => i.crisisId },
  }),
  'psych:closeCrisis': method<null>()({
    input: z.object({ crisisId: id, closedOn: isoDate, outcome: text(1000) }),
    access: 'psych.assess',
    scope: { record: 'crisis', id: (i) => i.crisisId },
    audit: { kind: 'write', recordType: 'crisis', record: (i) => i.crisisId },
  }),
  'psych:crises': method<CrisisSummary[]>()({
    input: z.object({ wardId: id.optional(), personId: id.optional(), status: z.enum(['open', 'closed']).optional() }),
    access: 'psych.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  'psych:getCrisis': method<CrisisDetail>()({
    input: z.object({ id }),
    access: 'psych.assess',
    scope: { record: 'crisis', id: (i) => i.id },
    audit: { kind: 'read', recordType: 'crisis', record: (i) => i.id },
  }),
}
