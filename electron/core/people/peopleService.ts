import { randomUUID } from 'node:crypto'
import type { Identity, PersonFile, PersonRevisionRow } from '../../shared/contract'
import { ageOn, daysBetween } from '../../shared/domain/dates'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { identityProblems } from '../../shared/domain/identityRules'
import { checkPeriodMove, nextPeriods, type Period } from '../../shared/domain/periods'
import { MAX_EXTENSION_MONTHS } from '../../shared/domain/term'
import { auditForRecord } from '../audit/auditLog'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import { periodTemplate } from '../wards/wardsService'
import { assertWardAccepts } from '../wards/wardsRepo'
import { IDENTITY_COLUMNS, identityOf, peopleRepo, toTermEventRow, type PersonRecord } from './peopleRepo'
import { personTerm } from './personTerm'
import { namePinyin } from './pinyin'
import { listPeople, searchPeople } from './peopleQueries'

function assertIdentity(db: Db, identity: Identity, todayDate: string, selfId: string | null) {
  const problems = identityProblems(identity, todayDate)
  const existing = problems.idNumber ? undefined : peopleRepo.liveIdByIdNumber(db, identity.idNumber.toUpperCase())
  if (existing && existing !== selfId) problems.idNumber = { key: 'id.duplicate' }
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems)
}

function identityColumns(identity: Identity): Partial<PersonRecord> {
  const out: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(IDENTITY_COLUMNS)) out[column] = identity[field as keyof Identity]
  out.id_number = identity.idNumber.toUpperCase()
  const { full, initials } = namePinyin(identity.name)
  out.name_pinyin = full
  out.name_initials = initials
  return out as Partial<PersonRecord>
}

function livePerson(db: Db, id: string): PersonRecord {
  const p = peopleRepo.byId(db, id)
  if (!p) throw notFound()
  if (p.voided_at) throw ruleViolation('person.voided')
  return p
}

/** Recomputes and stores the denormalised last day after anything that changes the term. */
function refreshLastDay(db: Db, personId: string, todayDate: string, field?: string) {
  const p = peopleRepo.byId(db, personId)!
  const term = personTerm(p.decision_date, p.early_release_bar, peopleRepo.termEvents(db, personId), todayDate)
  if (term.error) throw ruleViolation(term.error, field)
  db.prepare('UPDATE people SET last_day = ? WHERE id = ?').run(term.storedLastDay, personId)
}

export interface NewPerson extends Identity {
  wardId: string
  period: Period
  periodStart?: string | undefined
  note: string | null
}

/** Creates a file with its first revision, ward assignment and period. Used by the API and by the demo generator. */
export function insertPerson(db: Db, actorId: string, at: string, todayDate: string, input: NewPerson): string {
  assertIdentity(db, input, todayDate, null)
  assertWardAccepts(db, input.wardId, 'wardId')
  const periodStart = input.periodStart ?? input.admissionDate
  if (periodStart < input.admissionDate) throw ruleViolation('period.before_admission', 'periodStart')
  if (periodStart > todayDate) throw ruleViolation('period.date_in_future', 'periodStart')
  const id = randomUUID()
  const identity: Identity = { ...input }
  peopleRepo.insert(db, {
    ...(identityColumns(identity) as Omit<PersonRecord, 'id'>),
    id,
    ward_id: input.wardId,
    period: input.period,
    period_since: periodStart,
    last_day: null,
    early_release_bar: null,
    revision: 1,
    created_at: at,
    created_by: actorId,
    updated_at: at,
    updated_by: actorId,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  })
  peopleRepo.insertRevision(db, { id: randomUUID(), person_id: id, revision: 1, data: JSON.stringify(identityOf(peopleRepo.byId(db, id)!)), changed_at: at, changed_by: actorId, change_note: input.note })
  peopleRepo.insertWardAssignment(db, { id: randomUUID(), person_id: id, ward_id: input.wardId, start_date: input.admissionDate, recorded_at: at, recorded_by: actorId, note: null })
  peopleRepo.insertPeriodMove(db, { id: randomUUID(), person_id: id, from_period: null, to_period: input.period, effective_date: periodStart, recorded_at: at, recorded_by: actorId, note: input.note, correction: 0 })
  refreshLastDay(db, id, todayDate)
  return id
}

function personFile(db: Db, p: PersonRecord, todayDate: string): PersonFile {
  const ward = p.ward_id ? (db.prepare('SELECT name FROM wards WHERE id = ?').get(p.ward_id) as { name: string }) : null
  const events = peopleRepo.termEvents(db, p.id)
  const { storedLastDay: _unused, ...term } = personTerm(p.decision_date, p.early_release_bar, events, todayDate)
  const staffName = (id: string | null) => (id ? ((db.prepare('SELECT display_name AS n FROM staff WHERE id = ?').get(id) as { n: string } | undefined)?.n ?? '') : '')
  return {
    id: p.id,
    revision: p.revision,
    identity: identityOf(p),
    idNumberMasked: maskIdNumber(p.id_number),
    age: ageOn(p.birth_date, todayDate),
    wardId: p.ward_id,
    wardName: ward?.name ?? null,
    period: p.period,
    periodSince: p.period_since,
    daysInPeriod: p.period_since ? daysBetween(p.period_since, todayDate) : null,
    nextPeriods: p.period && !p.voided_at ? nextPeriods(periodTemplate(db), p.period) : [],
    term,
    periods: peopleRepo.periodMoves(db, p.id),
    wards: peopleRepo.wardAssignments(db, p.id),
    termEvents: events.map(toTermEventRow),
    createdAt: p.created_at,
    createdBy: staffName(p.created_by),
    updatedAt: p.updated_at,
    updatedBy: staffName(p.updated_by),
    voided: p.voided_at ? { at: p.voided_at, by: staffName(p.voided_by), reason: p.void_reason ?? '' } : null,
  }
}

function revisionRows(db: Db, personId: string): PersonRevisionRow[] {
  const revisions = peopleRepo.revisions(db, personId)
  return revisions
    .map((r, i) => {
      const after = JSON.parse(r.data) as Identity
      const before = i > 0 ? (JSON.parse(revisions[i - 1]!.data) as Identity) : null
      const changes = (Object.keys(IDENTITY_COLUMNS) as Array<keyof Identity>)
        .filter((k) => !before || before[k] !== after[k])
        .map((field) => ({ field, before: before ? (before[field] ?? null) : null, after: after[field] ?? null }))
      return { revision: r.revision, changedAt: r.changed_at, changedBy: r.changed_by, changeNote: r.change_note, changes }
    })
    .reverse()
}

type PeopleMethods =
  | 'people:create' | 'people:update' | 'people:get' | 'people:list' | 'people:search' | 'people:history' | 'people:auditTrail'
  | 'people:movePeriod' | 'people:correctPeriod' | 'people:assignWard' | 'people:addTermEvent' | 'people:closeEscape'
  | 'people:voidTermEvent' | 'people:setEarlyReleaseBar' | 'people:void'

export const peopleHandlers: Pick<Handlers, PeopleMethods> = {
  'people:create'(input, ctx) {
    return { id: insertPerson(ctx.db, actorOf(ctx).id, nowIso(ctx), today(ctx), input) }
  },

  'people:update'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    if (p.revision !== input.revision) throw new AppError('conflict', 'person.stale_revision')
    const { id: _id, revision: _rev, changeNote, ...identity } = input
    if (identity.decisionDate !== p.decision_date || identity.admissionDate !== p.admission_date) {
      if (p.period_since && identity.admissionDate > p.period_since) throw ruleViolation('period.before_admission', 'admissionDate')
    }
    assertIdentity(db, identity, today(ctx), p.id)
    const before = identityOf(p)
    const changed = (Object.keys(IDENTITY_COLUMNS) as Array<keyof Identity>).filter((k) => (before[k] ?? null) !== ((k === 'idNumber' ? identity.idNumber.toUpperCase() : identity[k]) ?? null))
    if (changed.length === 0) return { revision: p.revision }
    const at = nowIso(ctx)
    const revision = p.revision + 1
    peopleRepo.updateIdentity(db, p.id, { ...identityColumns(identity), revision, updated_at: at, updated_by: actorOf(ctx).id })
    peopleRepo.insertRevision(db, { id: randomUUID(), person_id: p.id, revision, data: JSON.stringify(identityOf(peopleRepo.byId(db, p.id)!)), changed_at: at, changed_by: actorOf(ctx).id, change_note: changeNote })
    refreshLastDay(db, p.id, today(ctx), 'decisionDate')
    ctx.auditDetail = JSON.stringify({ changed })
    return { revision }
  },

  'people:get'(input, ctx) {
    const p = peopleRepo.byId(ctx.db, input.id)
    if (!p) throw notFound()
    return personFile(ctx.db, p, today(ctx))
  },

  'people:list': (input, ctx) => listPeople(ctx.db, input, today(ctx)),
  'people:search': (input, ctx) => searchPeople(ctx.db, input.q, input.limit, today(ctx)),

  'people:history'(input, ctx) {
    if (!peopleRepo.byId(ctx.db, input.id)) throw notFound()
    return revisionRows(ctx.db, input.id)
  },

  'people:auditTrail'(input, ctx) {
    if (!peopleRepo.byId(ctx.db, input.id)) throw notFound()
    return auditForRecord(ctx.db, 'person', input.id)
  },

  'people:movePeriod'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    if (!p.period || !p.period_since) throw ruleViolation('period.move_not_in_template', 'to')
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    const check = checkPeriodMove(periodTemplate(db), p.period, input.to, daysBetween(p.period_since, input.effectiveDate))
    if (!check.ok) {
      const field = check.code === 'before_current_start' || check.code === 'min_dwell_not_met' ? 'effectiveDate' : 'to'
      throw ruleViolation(`period.${check.code}`, field, { minDwellDays: check.minDwellDays ?? 0, daysInPeriod: check.daysInPeriod ?? 0 })
    }
    recordPeriod(ctx, p, input.to, input.effectiveDate, input.note, false)
    return null
  },

  'people:correctPeriod'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    if (input.effectiveDate < p.admission_date) throw ruleViolation('period.before_admission', 'effectiveDate')
    if (input.to === p.period && input.effectiveDate === p.period_since) throw ruleViolation('period.same_period', 'to')
    recordPeriod(ctx, p, input.to, input.effectiveDate, input.reason, true)
    return null
  },

  'people:assignWard'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    if (p.ward_id === input.wardId) throw ruleViolation('ward.same_ward', 'wardId')
    assertWardAccepts(db, input.wardId, 'wardId')
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    const current = peopleRepo.currentWardAssignment(db, p.id)
    if (current && input.effectiveDate < current.start_date) throw ruleViolation('ward.before_current_start', 'effectiveDate')
    if (current) peopleRepo.endWardAssignment(db, current.id, input.effectiveDate)
    const at = nowIso(ctx)
    peopleRepo.insertWardAssignment(db, { id: randomUUID(), person_id: p.id, ward_id: input.wardId, start_date: input.effectiveDate, recorded_at: at, recorded_by: actorOf(ctx).id, note: input.note })
    db.prepare('UPDATE people SET ward_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(input.wardId, at, actorOf(ctx).id, p.id)
    ctx.auditDetail = JSON.stringify({ from: p.ward_id, to: input.wardId, effectiveDate: input.effectiveDate })
    return null
  },

  'people:addTermEvent'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const live = peopleRepo.termEvents(db, p.id).filter((e) => e.voided_at === null)
    const eventId = randomUUID()
    const base = { id: eventId, person_id: p.id, note: input.note, recorded_at: nowIso(ctx), recorded_by: actorOf(ctx).id }
    if (input.kind === 'extension') {
      const approved = live.filter((e) => e.kind === 'extension').reduce((a, e) => a + (e.months ?? 0), 0)
      if (approved + input.months > MAX_EXTENSION_MONTHS) throw ruleViolation('term.extension_total', 'months', { approved })
      peopleRepo.insertTermEvent(db, { ...base, kind: 'extension', months: input.months, from_date: null, to_date: null, doc_no: input.docNo })
    } else {
      assertEscapeFits(ctx, p, live, input.fromDate, input.toDate, null)
      peopleRepo.insertTermEvent(db, { ...base, kind: 'escape', months: null, from_date: input.fromDate, to_date: input.toDate, doc_no: input.docNo })
    }
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify({ eventId, kind: input.kind })
    return { eventId }
  },

  'people:closeEscape'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const events = peopleRepo.termEvents(db, p.id)
    const event = events.find((e) => e.id === input.eventId && e.kind === 'escape')
    if (!event) throw notFound()
    if (event.voided_at) throw ruleViolation('term.event_voided')
    if (event.to_date) throw ruleViolation('term.escape_not_open', 'toDate')
    const others = events.filter((e) => e.voided_at === null && e.id !== event.id)
    assertEscapeFits(ctx, p, others, event.from_date!, input.toDate, 'toDate')
    db.prepare('UPDATE term_events SET to_date = ? WHERE id = ?').run(input.toDate, event.id)
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify({ eventId: event.id, toDate: input.toDate })
    return null
  },

  'people:voidTermEvent'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const event = peopleRepo.termEvents(db, p.id).find((e) => e.id === input.eventId)
    if (!event) throw notFound()
    if (event.voided_at) throw ruleViolation('term.event_voided')
    db.prepare('UPDATE term_events SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(nowIso(ctx), actorOf(ctx).id, input.reason, event.id)
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify({ eventId: event.id, reason: input.reason })
    return null
  },

  'people:setEarlyReleaseBar'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    const reason = input.reason && input.reason.length > 0 ? input.reason : null
    ctx.db.prepare('UPDATE people SET early_release_bar = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(reason, nowIso(ctx), actorOf(ctx).id, p.id)
    ctx.auditDetail = JSON.stringify({ earlyReleaseBar: reason })
    return null
  },

  'people:void'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    ctx.db.prepare('UPDATE people SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(nowIso(ctx), actorOf(ctx).id, input.reason, p.id)
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
}

function recordPeriod(ctx: Ctx, p: PersonRecord, to: Period, effectiveDate: string, note: string | null, correction: boolean) {
  const at = nowIso(ctx)
  const actorId = actorOf(ctx).id
  peopleRepo.insertPeriodMove(ctx.db, { id: randomUUID(), person_id: p.id, from_period: p.period, to_period: to, effective_date: effectiveDate, recorded_at: at, recorded_by: actorId, note, correction: correction ? 1 : 0 })
  ctx.db.prepare('UPDATE people SET period = ?, period_since = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(to, effectiveDate, at, actorId, p.id)
  ctx.auditDetail = JSON.stringify({ from: p.period, to, effectiveDate, correction })
}

function assertEscapeFits(
  ctx: Ctx,
  p: PersonRecord,
  others: ReturnType<typeof peopleRepo.termEvents>,
  from: string,
  to: string | null,
  toField: string | null,
) {
  const todayDate = today(ctx)
  if (from < p.decision_date) throw ruleViolation('term.escape_before_decision', 'fromDate')
  if (from > todayDate) throw ruleViolation('period.date_in_future', 'fromDate')
  if (to !== null && to < from) throw ruleViolation('term.escape_order', toField ?? 'toDate')
  if (to !== null && to > todayDate) throw ruleViolation('period.date_in_future', toField ?? 'toDate')
  const escapes = others.filter((e) => e.kind === 'escape')
  if (to === null && escapes.some((e) => e.to_date === null)) throw ruleViolation('term.escape_open', 'fromDate')
  const end = to ?? '9999-12-31'
  for (const e of escapes) {
    const eEnd = e.to_date ?? '9999-12-31'
    if (from < eEnd && e.from_date! < end) throw ruleViolation('term.escape_overlap', 'fromDate')
  }
}
