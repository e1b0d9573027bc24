import { randomUUID } from 'node:crypto'
import { assertReadable, readableWards } from '../auth/wardScope'
import type { Identity, PersonFile, PersonRevisionRow, peopleContract } from '../../shared/contract'
import { ageOn, daysBetween } from '../../shared/domain/dates'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { identityProblems, type FieldProblem } from '../../shared/domain/identityRules'
import { checkPeriodMove, nextPeriods, type Period } from '../../shared/domain/periods'
import { roleHas, type Role } from '../../shared/domain/roles'
import { MAX_EXTENSION_MONTHS, termExpired, termWarning } from '../../shared/domain/term'
import { auditForRecord } from '../audit/auditQueries'
import { staffDisplayName } from '../auth/staffRepo'
import { currentPeriodTemplateVersion } from '../config/periodTemplates'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { wardById } from '../wards/wardsRepo'
import { assertWardAccepts, periodTemplate } from '../wards/wardsService'
import {
  closeEscapeEvent,
  currentWardAssignment,
  endWardAssignment,
  IDENTITY_FIELDS,
  identityOf,
  insertPeriodMove,
  insertPersonRow,
  insertRevision,
  earlyReleaseOnOf,
  insertTermEvent,
  insertWardAssignment,
  liveIdByIdNumber,
  personById,
  setCurrentPeriod,
  setCurrentWard,
  setEarlyReleaseBar,
  setLastDay,
  termEventsOf,
  updateIdentity,
  voidPerson,
  voidTermEvent,
  type IdentityColumns,
  type PersonRecord,
  type TermEventRecord,
} from './peopleRepo'
import { listPeople, periodMoveRows, revisionsOf, searchPeople, termEventRows, wardAssignmentRows, wardRosterRows } from './peopleQueries'
import { personTerm } from './personTerm'
import { namePinyin } from './pinyin'

/**
 * Every identity rule a file must pass (ID number, its agreement with birth date and sex, date order, no other live file
 * with the ID number), by field; empty when all is well. The create and edit forms and the Excel import share it.
 */
export function identityProblemsIn(db: Db, identity: Identity, todayDate: string, selfId: string | null): Record<string, FieldProblem> {
  const problems = identityProblems(identity, todayDate)
  const existing = problems.idNumber ? undefined : liveIdByIdNumber(db, identity.idNumber.toUpperCase())
  if (existing && existing !== selfId) problems.idNumber = { key: 'id.duplicate' }
  return problems
}

function assertIdentity(db: Db, identity: Identity, todayDate: string, selfId: string | null) {
  const problems = identityProblemsIn(db, identity, todayDate, selfId)
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems)
}

/** The first period's start: not before admission, not in the future (a new file, or an imported one). */
export function periodStartProblem(periodStart: string, admissionDate: string, todayDate: string): FieldProblem | null {
  if (periodStart < admissionDate) return { key: 'period.before_admission' }
  if (periodStart > todayDate) return { key: 'period.date_in_future' }
  return null
}

/** The identity as stored: the ID number upper-cased, the name's pinyin alongside for search. */
function identityColumns(identity: Identity): IdentityColumns {
  const fields = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, identity[field]])) as Identity
  const { full, initials } = namePinyin(identity.name)
  return { ...fields, idNumber: identity.idNumber.toUpperCase(), namePinyin: full, nameInitials: initials }
}

function livePerson(db: Db, id: string): PersonRecord {
  const p = personById(db, id)
  if (!p) throw notFound()
  if (p.voidedAt) throw ruleViolation('person.voided')
  return p
}

/**
 * Recomputes and stores the denormalised last day after anything that changes the term (here, and the assessment
 * domain's decisions).
 */
export function refreshLastDay(db: Db, personId: string, todayDate: string, field?: string) {
  const p = personById(db, personId)!
  const term = personTerm(p.decisionDate, p.earlyReleaseBar, termEventsOf(db, personId), todayDate, earlyReleaseOnOf(db, personId))
  if (term.error) throw ruleViolation(term.error, field)
  setLastDay(db, personId, term.storedLastDay)
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
  const periodProblem = periodStartProblem(periodStart, input.admissionDate, todayDate)
  if (periodProblem) throw ruleViolation(periodProblem.key, 'periodStart')
  const id = randomUUID()
  insertPersonRow(db, {
    ...identityColumns(input),
    id,
    wardId: input.wardId,
    period: input.period,
    periodSince: periodStart,
    lastDay: null,
    earlyReleaseBar: null,
    revision: 1,
    createdAt: at,
    createdBy: actorId,
    updatedAt: at,
    updatedBy: actorId,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  })
  insertRevision(db, { id: randomUUID(), personId: id, revision: 1, data: JSON.stringify(identityOf(personById(db, id)!)), changedAt: at, changedBy: actorId, changeNote: input.note })
  insertWardAssignment(db, { id: randomUUID(), personId: id, wardId: input.wardId, startDate: input.admissionDate, recordedAt: at, recordedBy: actorId, note: null })
  insertPeriodMove(db, { id: randomUUID(), personId: id, fromPeriod: null, toPeriod: input.period, effectiveDate: periodStart, recordedAt: at, recordedBy: actorId, note: input.note, correction: false, periodTemplateVersion: currentPeriodTemplateVersion(db) })
  refreshLastDay(db, id, todayDate)
  return id
}

/** The facility's term warning window in days (setting people.termWarningDays). */
const termWarningDays = (db: Db) => readSetting(db, 'people.termWarningDays')

/**
 * The file as the reader's role may see it: roles that do not edit identities (counsellor, trainer, vocational) get
 * the ID number masked in the identity too; the full number is an explicit, audited reveal with a reason.
 */
function personFile(db: Db, p: PersonRecord, todayDate: string, readerRole: Role): PersonFile {
  const identity = identityOf(p)
  const ward = p.wardId ? wardById(db, p.wardId) : undefined
  const { storedLastDay: _unused, ...term } = personTerm(p.decisionDate, p.earlyReleaseBar, termEventsOf(db, p.id), todayDate, earlyReleaseOnOf(db, p.id))
  const staffName = (id: string | null) => (id ? (staffDisplayName(db, id) ?? '') : '')
  return {
    id: p.id,
    revision: p.revision,
    identity: seesFullIdNumber(readerRole) ? identity : { ...identity, idNumber: maskIdNumber(p.idNumber) },
    idNumberMasked: maskIdNumber(p.idNumber),
    age: ageOn(p.birthDate, todayDate),
    wardId: p.wardId,
    wardName: ward?.name ?? null,
    period: p.period,
    periodSince: p.periodSince,
    daysInPeriod: p.periodSince ? daysBetween(p.periodSince, todayDate) : null,
    nextPeriods: p.period && !p.voidedAt ? nextPeriods(periodTemplate(db), p.period) : [],
    term,
    termWarning: p.voidedAt ? null : termWarning(term.result && !term.openEscapeFrom ? term.result.lastDay : null, todayDate, termWarningDays(db)),
    periods: periodMoveRows(db, p.id),
    wards: wardAssignmentRows(db, p.id),
    termEvents: termEventRows(db, p.id),
    createdAt: p.createdAt,
    createdBy: staffName(p.createdBy),
    updatedAt: p.updatedAt,
    updatedBy: staffName(p.updatedBy),
    voided: p.voidedAt ? { at: p.voidedAt, by: staffName(p.voidedBy), reason: p.voidReason ?? '' } : null,
  }
}

/**
 * Who may see a full ID number in the revision history: the roles that edit identities (their edit form holds the
 * number). Every other role sees it masked there, as the file's header shows it.
 */
export const seesFullIdNumber = (role: Role) => roleHas(role, 'people.write')

/** The file's revisions, newest first; ID numbers (old and new) masked unless the reader's role sees full numbers. */
function revisionRows(db: Db, personId: string, readerRole: Role): PersonRevisionRow[] {
  const revisions = revisionsOf(db, personId)
  const shown = (field: (typeof IDENTITY_FIELDS)[number], value: string | null) =>
    field === 'idNumber' && value !== null && !seesFullIdNumber(readerRole) ? maskIdNumber(value) : value
  return revisions
    .map(({ data, ...row }, i) => {
      const after = JSON.parse(data) as Identity
      const before = i > 0 ? (JSON.parse(revisions[i - 1]!.data) as Identity) : null
      const changes = IDENTITY_FIELDS.filter((k) => !before || before[k] !== after[k]).map((field) => ({
        field,
        before: shown(field, before ? (before[field] ?? null) : null),
        after: shown(field, after[field] ?? null),
      }))
      return { ...row, changes }
    })
    .reverse()
}

export const peopleHandlers = {
  'people:create'(input, ctx) {
    return { id: insertPerson(ctx.db, actorOf(ctx).id, nowIso(ctx), today(ctx), input) }
  },

  'people:update'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    if (p.revision !== input.revision) throw new AppError('conflict', 'person.stale_revision')
    const { id: _id, revision: _rev, changeNote, ...identity } = input
    if (identity.decisionDate !== p.decisionDate || identity.admissionDate !== p.admissionDate) {
      if (p.periodSince && identity.admissionDate > p.periodSince) throw ruleViolation('period.before_admission', 'admissionDate')
    }
    assertIdentity(db, identity, today(ctx), p.id)
    const before = identityOf(p)
    const changed = IDENTITY_FIELDS.filter((k) => (before[k] ?? null) !== ((k === 'idNumber' ? identity.idNumber.toUpperCase() : identity[k]) ?? null))
    if (changed.length === 0) return { revision: p.revision }
    const at = nowIso(ctx)
    const revision = p.revision + 1
    updateIdentity(db, p.id, { ...identityColumns(identity), revision, updatedAt: at, updatedBy: actorOf(ctx).id })
    insertRevision(db, { id: randomUUID(), personId: p.id, revision, data: JSON.stringify(identityOf(personById(db, p.id)!)), changedAt: at, changedBy: actorOf(ctx).id, changeNote })
    refreshLastDay(db, p.id, today(ctx), 'decisionDate')
    ctx.auditDetail = JSON.stringify({ changed })
    return { revision }
  },

  'people:get'(input, ctx) {
    const p = personById(ctx.db, input.id)
    if (!p) throw notFound()
    return personFile(ctx.db, p, today(ctx), actorOf(ctx).role)
  },

  'people:revealIdNumber'(input, ctx) {
    const p = personById(ctx.db, input.id)
    if (!p) throw notFound()
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return { idNumber: p.idNumber }
  },

  'people:list'(input, ctx) {
    assertReadable(ctx, { wardId: input.wardId })
    const wards = readableWards(ctx)
    return listPeople(ctx.db, wards === null ? input : { ...input, wardIn: wards }, today(ctx), termWarningDays(ctx.db))
  },
  'people:search'(input, ctx) {
    const wards = readableWards(ctx)
    if (wards === null) return searchPeople(ctx.db, input.q, input.limit, today(ctx), termWarningDays(ctx.db))
    // A caller limited to his wards searches only their files (a few hundred): the list's own text match, by name.
    const filters = { q: input.q, wardIn: wards, stay: 'current', includeVoided: false, withTotal: false, sort: 'name', dir: 'asc', offset: 0, limit: input.limit } as const
    return listPeople(ctx.db, filters, today(ctx), termWarningDays(ctx.db)).rows
  },

  'people:roster'(input, ctx) {
    const ward = wardById(ctx.db, input.wardId)
    if (!ward) throw notFound()
    const todayDate = today(ctx)
    return {
      facilityName: readSetting(ctx.db, 'facility.name') ?? '',
      wardId: ward.id,
      wardName: ward.name,
      today: todayDate,
      rows: wardRosterRows(ctx.db, ward.id, todayDate, termWarningDays(ctx.db)),
    }
  },

  'people:termSettings': (_input, ctx) => ({ termWarningDays: termWarningDays(ctx.db), version: settingVersion(ctx.db, 'people.termWarningDays') }),

  'people:setTermWarningDays'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'people.termWarningDays')) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'people.termWarningDays', input.termWarningDays)
    ctx.auditDetail = JSON.stringify({ termWarningDays: input.termWarningDays })
    return null
  },

  'people:history'(input, ctx) {
    if (!personById(ctx.db, input.id)) throw notFound()
    return revisionRows(ctx.db, input.id, actorOf(ctx).role)
  },

  'people:auditTrail'(input, ctx) {
    if (!personById(ctx.db, input.id)) throw notFound()
    return auditForRecord(ctx.db, 'person', input.id)
  },

  'people:movePeriod'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    assertSeenPeriod(p, input.seen)
    if (!p.period || !p.periodSince) throw ruleViolation('period.move_not_in_template', 'to')
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    const check = checkPeriodMove(periodTemplate(db), p.period, input.to, daysBetween(p.periodSince, input.effectiveDate))
    if (!check.ok) {
      const field = check.code === 'before_current_start' || check.code === 'min_dwell_not_met' ? 'effectiveDate' : 'to'
      throw ruleViolation(`period.${check.code}`, field, { minDwellDays: check.minDwellDays ?? 0, daysInPeriod: check.daysInPeriod ?? 0 })
    }
    recordPeriod(ctx, p, input.to, input.effectiveDate, input.note, false)
    return null
  },

  'people:correctPeriod'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    assertSeenPeriod(p, input.seen)
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    if (input.effectiveDate < p.admissionDate) throw ruleViolation('period.before_admission', 'effectiveDate')
    if (input.to === p.period && input.effectiveDate === p.periodSince) throw ruleViolation('period.same_period', 'to')
    recordPeriod(ctx, p, input.to, input.effectiveDate, input.reason, true)
    return null
  },

  'people:assignWard'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    // Another transfer saved since the page was read: replacing it silently would lose it (its own record stays).
    if (p.wardId !== input.seen) throw new AppError('conflict', 'person.stale_ward')
    if (p.wardId === input.wardId) throw ruleViolation('ward.same_ward', 'wardId')
    assertWardAccepts(db, input.wardId, 'wardId')
    if (input.effectiveDate > today(ctx)) throw ruleViolation('period.date_in_future', 'effectiveDate')
    const current = currentWardAssignment(db, p.id)
    if (current && input.effectiveDate < current.startDate) throw ruleViolation('ward.before_current_start', 'effectiveDate')
    if (current) endWardAssignment(db, current.id, input.effectiveDate)
    const at = nowIso(ctx)
    insertWardAssignment(db, { id: randomUUID(), personId: p.id, wardId: input.wardId, startDate: input.effectiveDate, recordedAt: at, recordedBy: actorOf(ctx).id, note: input.note })
    setCurrentWard(db, p.id, input.wardId, { at, by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ from: p.wardId, to: input.wardId, effectiveDate: input.effectiveDate })
    return null
  },

  'people:addTermEvent'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const live = termEventsOf(db, p.id).filter((e) => e.voidedAt === null)
    const eventId = randomUUID()
    const base = { id: eventId, personId: p.id, note: input.note, recordedAt: nowIso(ctx), recordedBy: actorOf(ctx).id }
    if (input.kind === 'extension') {
      const approved = live.filter((e) => e.kind === 'extension').reduce((a, e) => a + (e.months ?? 0), 0)
      if (approved + input.months > MAX_EXTENSION_MONTHS) throw ruleViolation('term.extension_total', 'months', { approved })
      assertApprovalDate(ctx, p, input.approvalDate)
      // Extending a term that has already run out is possible (a late decision) but unusual: the user must say so.
      if (termExpired(p.lastDay, today(ctx)) && !input.confirmExpired) {
        throw ruleViolation('term.extension_expired', 'confirmExpired', { lastDay: p.lastDay ?? '' })
      }
      insertTermEvent(db, { ...base, kind: 'extension', months: input.months, fromDate: null, toDate: null, docNo: input.docNo, approvalDate: input.approvalDate })
    } else {
      assertEscapeFits(ctx, p, live, input.fromDate, input.toDate, null)
      insertTermEvent(db, { ...base, kind: 'escape', months: null, fromDate: input.fromDate, toDate: input.toDate, docNo: input.docNo, approvalDate: null })
    }
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify(input.kind === 'extension' ? { eventId, kind: input.kind, confirmedExpired: input.confirmExpired } : { eventId, kind: input.kind })
    return { eventId }
  },

  'people:closeEscape'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const events = termEventsOf(db, p.id)
    const event = events.find((e) => e.id === input.eventId && e.kind === 'escape')
    if (!event) throw notFound()
    if (event.voidedAt) throw ruleViolation('term.event_voided')
    if (event.toDate) throw ruleViolation('term.escape_not_open', 'toDate')
    const others = events.filter((e) => e.voidedAt === null && e.id !== event.id)
    assertEscapeFits(ctx, p, others, event.fromDate!, input.toDate, 'toDate')
    closeEscapeEvent(db, event.id, input.toDate)
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify({ eventId: event.id, toDate: input.toDate })
    return null
  },

  'people:voidTermEvent'(input, ctx) {
    const { db } = ctx
    const p = livePerson(db, input.id)
    const event = termEventsOf(db, p.id).find((e) => e.id === input.eventId)
    if (!event) throw notFound()
    if (event.voidedAt) throw ruleViolation('term.event_voided')
    voidTermEvent(db, event.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })
    refreshLastDay(db, p.id, today(ctx))
    ctx.auditDetail = JSON.stringify({ eventId: event.id, reason: input.reason })
    return null
  },

  'people:setEarlyReleaseBar'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    if (p.earlyReleaseBar !== input.seen) throw new AppError('conflict', 'person.stale_bar')
    const reason = input.reason && input.reason.length > 0 ? input.reason : null
    setEarlyReleaseBar(ctx.db, p.id, reason, { at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ earlyReleaseBar: reason })
    return null
  },

  'people:void'(input, ctx) {
    const p = livePerson(ctx.db, input.id)
    voidPerson(ctx.db, p.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
} satisfies HandlersFor<typeof peopleContract>

/**
 * A move is computed from the period in force: on a page read before someone else's move it would stack a second move
 * (脱毒期→教育适应期→康复巩固期 where one step was meant), and a correction would replace theirs. Both are refused.
 */
function assertSeenPeriod(p: PersonRecord, seen: { period: Period | null; since: string | null }) {
  if (p.period !== seen.period || p.periodSince !== seen.since) throw new AppError('conflict', 'person.stale_period')
}

function recordPeriod(ctx: Ctx, p: PersonRecord, to: Period, effectiveDate: string, note: string | null, correction: boolean) {
  const at = nowIso(ctx)
  const actorId = actorOf(ctx).id
  insertPeriodMove(ctx.db, { id: randomUUID(), personId: p.id, fromPeriod: p.period, toPeriod: to, effectiveDate, recordedAt: at, recordedBy: actorId, note, correction, periodTemplateVersion: currentPeriodTemplateVersion(ctx.db) })
  setCurrentPeriod(ctx.db, p.id, to, effectiveDate, { at, by: actorId })
  ctx.auditDetail = JSON.stringify({ from: p.period, to, effectiveDate, correction })
}

/** 批准日期 of an extension: on or after the decision date, not after today. */
function assertApprovalDate(ctx: Ctx, p: PersonRecord, approvalDate: string) {
  const todayDate = today(ctx)
  if (approvalDate > todayDate) throw ruleViolation('term.approval_in_future', 'approvalDate', { today: todayDate })
  if (approvalDate < p.decisionDate) throw ruleViolation('term.approval_before_decision', 'approvalDate', { decisionDate: p.decisionDate })
}

function assertEscapeFits(
  ctx: Ctx,
  p: PersonRecord,
  others: readonly TermEventRecord[],
  from: string,
  to: string | null,
  toField: string | null,
) {
  const todayDate = today(ctx)
  if (from < p.decisionDate) throw ruleViolation('term.escape_before_decision', 'fromDate')
  if (from > todayDate) throw ruleViolation('period.date_in_future', 'fromDate')
  if (to !== null && to < from) throw ruleViolation('term.escape_order', toField ?? 'toDate')
  if (to !== null && to > todayDate) throw ruleViolation('period.date_in_future', toField ?? 'toDate')
  const escapes = others.filter((e) => e.kind === 'escape')
  if (to === null && escapes.some((e) => e.toDate === null)) throw ruleViolation('term.escape_open', 'fromDate')
  const end = to ?? '9999-12-31'
  for (const e of escapes) {
    const eEnd = e.toDate ?? '9999-12-31'
    if (from < eEnd && e.fromDate! < end) throw ruleViolation('term.escape_overlap', 'fromDate')
  }
}
