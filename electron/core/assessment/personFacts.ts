/**
 * A person's file and term as the assessment rules need them, read through the people domain's exports. Term changes
 * are stored by the people domain (its term events and `refreshLastDay`).
 */
import type { TermResult } from '../../shared/domain/term'
import { maskIdNumber } from '../../shared/domain/idNumber'
import type { Db } from '../db/open'
import { ruleViolation, notFound } from '../errors'
import { personTerm } from '../people/personTerm'
import { earlyReleaseOnOf, personById, termEventsOf, type PersonRecord } from '../people/peopleRepo'
import { wardName } from '../wards/wardsRepo'

export function livePerson(db: Db, personId: string, field?: string): PersonRecord {
  const p = personById(db, personId)
  if (!p) throw field ? ruleViolation('err.not_found', field) : notFound()
  if (p.voidedAt) throw ruleViolation('person.voided', field)
  return p
}

export interface TermFacts {
  term: TermResult | null
  approvedExtensionMonths: number
  earlyReleaseBarReason: string | null
}

export function termFacts(db: Db, p: PersonRecord, today: string): TermFacts {
  const events = termEventsOf(db, p.id)
  const term = personTerm(p.decisionDate, p.earlyReleaseBar, events, today, earlyReleaseOnOf(db, p.id))
  const approvedExtensionMonths = events.filter((e) => e.kind === 'extension' && e.voidedAt === null).reduce((a, e) => a + (e.months ?? 0), 0)
  return { term: term.result, approvedExtensionMonths, earlyReleaseBarReason: p.earlyReleaseBar }
}

export const personHeader = (db: Db, p: PersonRecord) => ({
  personId: p.id,
  personName: p.name,
  idNumberMasked: maskIdNumber(p.idNumber),
  wardName: p.wardId ? (wardName(db, p.wardId) ?? null) : null,
})
