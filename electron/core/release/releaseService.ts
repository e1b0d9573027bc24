/**
 * Release (出所): plan → update (revision-checked) → confirm (every required checklist item filled; the person leaves
 * the roster and the follow-up plan is made, in the same transaction) → void with a reason (a confirmed one only by an
 * administrator: the person returns to the ward they left). The rules of each kind live in shared/domain/release.
 */
import { randomUUID } from 'node:crypto'
import { releaseInput, type ReleaseInput, type ReleaseRecord, type ReleaseView, type releaseContract } from '../../shared/contract/release'
import { checklistGaps, parseDetails, releaseChecklist, type ChecklistItem } from '../../shared/domain/release'
import { roleHas } from '../../shared/domain/roles'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting, settingsVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { earlyReleaseOnOf, personById, type PersonRecord } from '../people/peopleRepo'
import { leaveWard, returnToWard } from '../people/peopleStay'
import { wardById } from '../wards/wardsRepo'
import { createFollowUpPlan, voidFollowUpPlan } from '../aftercare/aftercareService'
import { handoverHandlers } from './handoverService'
import { listReleases } from './releaseList'
import { releaseRules } from './releaseSettings'
import { closedPersonIds, liveStations, releaseOfPerson, reopeningsOf, stationById, staffNames, voidedReleasesOf } from './releaseQueries'
import { closeReopening, insertRelease, insertReopening, markReleased, openReopeningOf, releaseById, updateRelease, voidRelease, type ReleaseRow } from './releaseRepo'

type Change = { at: string; by: string }

function livePerson(db: Db, personId: string): PersonRecord {
  const p = personById(db, personId)
  if (!p || p.voidedAt) throw notFound()
  return p
}

function liveRelease(db: Db, id: string): ReleaseRow {
  const r = releaseById(db, id)
  if (!r) throw notFound()
  if (r.voidedAt) throw ruleViolation('release.voided')
  return r
}

const checkRevision = (row: { revision: number }, revision: number) => {
  if (row.revision !== revision) throw new AppError('conflict', 'release.stale_revision')
}

export function checklistOf(db: Db, r: ReleaseRow, todayDate: string): ChecklistItem[] {
  const subject = { ...r, communityRehab: r.communityRehab === 1, details: parseDetails(r.kind, JSON.parse(r.details)) }
  return releaseChecklist(subject, { earlyReleaseOn: earlyReleaseOnOf(db, r.personId) }, releaseRules(db), todayDate)
}

/** Field rules every plan and edit must pass (the checklist's gaps are allowed until confirmation). */
function assertFields(db: Db, p: PersonRecord, input: ReleaseInput, todayDate: string, stationBefore: string | null): void {
  const problems: Record<string, { key: string; params?: Record<string, string | number> }> = {}
  if (input.releaseDate < p.admissionDate) problems.releaseDate = { key: 'release.before_admission', params: { date: p.admissionDate } }
  for (const field of ['organNotifiedOn', 'familyNotifiedOn', 'fileHandedOverOn'] as const) {
    const value = input[field]
    if (value && value > todayDate) problems[field] = { key: 'release.done_in_future', params: { today: todayDate } }
    else if (value && value < p.admissionDate) problems[field] = { key: 'release.before_admission', params: { date: p.admissionDate } }
  }
  if (!input.communityRehab) {
    if (input.communityRehabMonths !== null) problems.communityRehabMonths = { key: 'release.no_rehab_order' }
    if (input.communityRehabDocNo !== null) problems.communityRehabDocNo = { key: 'release.no_rehab_order' }
  }
  if (input.stationId && input.stationId !== stationBefore) {
    const station = stationById(db, input.stationId)
    if (!station) problems.stationId = { key: 'release.station_unknown' }
    else if (station.retiredAt) problems.stationId = { key: 'release.station_retired' }
  }
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems)
}

const columnsOf = (input: ReleaseInput) => ({
  kind: input.kind,
  releaseDate: input.releaseDate,
  organNotifiedOn: input.organNotifiedOn,
  certificateNo: input.certificateNo,
  familyNotifiedOn: input.familyNotifiedOn,
  collectedBy: input.collectedBy,
  communityRehab: input.communityRehab ? (1 as const) : (0 as const),
  communityRehabMonths: input.communityRehabMonths,
  communityRehabDocNo: input.communityRehabDocNo,
  stationId: input.stationId,
  receivingCommunity: input.receivingCommunity,
  fileHandedOverOn: input.fileHandedOverOn,
  fileHandedTo: input.fileHandedTo,
  details: JSON.stringify(input.details),
  note: input.note,
})

export function planRelease(db: Db, personId: string, input: ReleaseInput, change: Change, todayDate: string): string {
  const p = livePerson(db, personId)
  if (!p.wardId) throw ruleViolation('release.not_on_roster')
  if (releaseOfPerson(db, p.id)) throw new AppError('conflict', 'release.exists')
  assertFields(db, p, input, todayDate, null)
  const id = randomUUID()
  insertRelease(db, {
    id, personId: p.id, status: 'planned', fromWardId: null, fromPeriod: null, ...columnsOf(input), revision: 1, createdAt: change.at, createdBy: change.by,
    updatedAt: change.at, updatedBy: change.by, releasedAt: null, releasedBy: null, voidedAt: null, voidedBy: null, voidReason: null,
  })
  return id
}

/** Confirms a planned release: refused field by field while a required item is open; then the stay ends. */
export function confirmRelease(db: Db, r: ReleaseRow, change: Change, todayDate: string): number {
  if (r.status !== 'planned') throw ruleViolation('release.already_released')
  const p = livePerson(db, r.personId)
  if (!p.wardId) throw ruleViolation('release.not_on_roster')
  const gaps = checklistGaps(checklistOf(db, r, todayDate))
  if (gaps.length > 0) throw new FieldErrors(Object.fromEntries(gaps.map((g) => [g.field, { key: g.messageKey ?? 'release.item_missing', ...(g.params ? { params: g.params } : {}) }])))
  const left = leaveWard(db, p.id, r.releaseDate, change)
  const revision = r.revision + 1
  markReleased(db, r.id, { fromWardId: left.wardId, fromPeriod: left.period, revision, ...change })
  createFollowUpPlan(db, { releaseId: r.id, personId: p.id, kind: r.kind, releaseDate: r.releaseDate }, change)
  return revision
}

/**
 * Plans and confirms a release in one go, with every side effect (the demo generator's writer). The input passes the
 * same schema and rules as the API's; `change.at`'s date is "today".
 */
export function recordRelease(
  db: Db,
  input: {
    personId: string
    kind: ReleaseInput['kind']
    releaseDate: string
    details: Record<string, unknown>
    certificateNo?: string | null
    organNotifiedOn?: string | null
    familyNotifiedOn?: string | null
    collectedBy?: string | null
    communityRehab?: boolean
    communityRehabMonths?: number | null
    stationId?: string | null
    receivingCommunity?: string | null
    fileHandedOverOn?: string | null
    fileHandedTo?: string | null
  },
  change: Change,
): { releaseId: string } {
  const { personId, ...fields } = input
  const parsed = releaseInput.parse(fields)
  const todayDate = change.at.slice(0, 10)
  // All or nothing (a savepoint inside the caller's transaction): a refused confirmation leaves no planned row behind.
  return db.transaction(() => {
    const releaseId = planRelease(db, personId, parsed, change, todayDate)
    confirmRelease(db, releaseById(db, releaseId)!, change, todayDate)
    return { releaseId }
  })()
}

function recordOf(db: Db, r: ReleaseRow): ReleaseRecord {
  const names = staffNames(db, [r.createdBy, r.updatedBy, r.releasedBy])
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    status: r.status,
    releaseDate: r.releaseDate,
    fromWardId: r.fromWardId,
    fromWardName: r.fromWardId ? (wardById(db, r.fromWardId)?.name ?? null) : null,
    fromPeriod: r.fromPeriod,
    organNotifiedOn: r.organNotifiedOn,
    certificateNo: r.certificateNo,
    familyNotifiedOn: r.familyNotifiedOn,
    collectedBy: r.collectedBy,
    communityRehab: r.communityRehab === 1,
    communityRehabMonths: r.communityRehabMonths,
    communityRehabDocNo: r.communityRehabDocNo,
    stationId: r.stationId,
    stationName: r.stationId ? (stationById(db, r.stationId)?.name ?? null) : null,
    receivingCommunity: r.receivingCommunity,
    fileHandedOverOn: r.fileHandedOverOn,
    fileHandedTo: r.fileHandedTo,
    details: parseDetails(r.kind, JSON.parse(r.details)),
    note: r.note,
    revision: r.revision,
    createdAt: r.createdAt,
    createdByName: names.get(r.createdBy) ?? r.createdBy,
    updatedAt: r.updatedAt,
    updatedByName: names.get(r.updatedBy) ?? r.updatedBy,
    releasedAt: r.releasedAt,
    releasedByName: r.releasedBy ? (names.get(r.releasedBy) ?? r.releasedBy) : null,
  }
}

export function releaseView(db: Db, personId: string, todayDate: string): ReleaseView {
  const p = personById(db, personId)
  if (!p) throw notFound()
  const row = releaseOfPerson(db, personId)
  const reopenings = reopeningsOf(db, personId)
  return {
    release: row ? recordOf(db, row) : null,
    checklist: row ? checklistOf(db, row, todayDate) : [],
    fileClosed: closedPersonIds(db, [personId]).has(personId),
    pastStay: p.wardId === null,
    openReopening: reopenings.find((o) => o.closedAt === null) ?? null,
    reopenings,
    person: {
      wardId: p.wardId,
      wardName: p.wardId ? (wardById(db, p.wardId)?.name ?? null) : null,
      period: p.period,
      lastDay: p.lastDay,
      earlyReleaseOn: earlyReleaseOnOf(db, personId),
      admissionDate: p.admissionDate,
    },
    rules: releaseRules(db),
    voided: voidedReleasesOf(db, personId),
  }
}

/** The settings the release settings form saves together (one version for both). */
const RELEASE_SETTINGS = ['release.rules', 'release.contactCard'] as const

const changeOf = (ctx: Ctx): Change => ({ at: nowIso(ctx), by: actorOf(ctx).id })

export const releaseHandlers = {
  'release:get': (input, ctx) => releaseView(ctx.db, input.personId, today(ctx)),

  'release:plan'(input, ctx) {
    const { personId, ...fields } = input
    const id = planRelease(ctx.db, personId, fields, changeOf(ctx), today(ctx))
    ctx.auditDetail = JSON.stringify({ personId, kind: input.kind, releaseDate: input.releaseDate })
    return { id }
  },

  'release:update'(input, ctx) {
    const { db } = ctx
    const r = liveRelease(db, input.id)
    checkRevision(r, input.revision)
    const { id: _id, revision: _revision, ...fields } = input
    if (r.status === 'released') {
      // Once the person has left, the kind and the day are facts of the roster: undo (void) the release to change them.
      if (fields.kind !== r.kind) throw ruleViolation('release.fixed_once_released', 'kind')
      if (fields.releaseDate !== r.releaseDate) throw ruleViolation('release.fixed_once_released', 'releaseDate')
    }
    assertFields(db, livePerson(db, r.personId), fields, today(ctx), r.stationId)
    const change = changeOf(ctx)
    const revision = r.revision + 1
    updateRelease(db, r.id, { ...columnsOf(fields), revision, updatedAt: change.at, updatedBy: change.by })
    ctx.auditDetail = JSON.stringify({ personId: r.personId, status: r.status })
    return { revision }
  },

  'release:confirm'(input, ctx) {
    const r = liveRelease(ctx.db, input.id)
    checkRevision(r, input.revision)
    const revision = confirmRelease(ctx.db, r, changeOf(ctx), today(ctx))
    ctx.auditDetail = JSON.stringify({ personId: r.personId, kind: r.kind, releaseDate: r.releaseDate })
    return { revision }
  },

  'release:void'(input, ctx) {
    const { db } = ctx
    const r = liveRelease(db, input.id)
    checkRevision(r, input.revision)
    const change = changeOf(ctx)
    if (r.status === 'released') {
      if (!roleHas(actorOf(ctx).role, 'release.reopen')) throw new AppError('forbidden', 'release.void_released_admin')
      const p = livePerson(db, r.personId)
      if (p.wardId) throw ruleViolation('release.person_on_roster')
      if (!r.fromWardId) throw ruleViolation('release.no_ward_left')
      returnToWard(db, p.id, { wardId: r.fromWardId, period: r.fromPeriod, date: r.releaseDate }, change)
      const open = openReopeningOf(db, p.id)
      if (open) closeReopening(db, open.id, { ...change, note: input.reason })
      voidFollowUpPlan(db, r.id, { ...change, reason: input.reason })
    }
    voidRelease(db, r.id, { ...change, reason: input.reason, revision: r.revision + 1 })
    ctx.auditDetail = JSON.stringify({ personId: r.personId, status: r.status, reason: input.reason })
    return null
  },

  'release:list': (input, ctx) => listReleases(ctx, input),

  'release:stations': (_input, ctx) => liveStations(ctx.db),

  'release:reopenFile'(input, ctx) {
    const { db } = ctx
    livePerson(db, input.personId)
    if (openReopeningOf(db, input.personId)) throw new AppError('conflict', 'release.already_reopened')
    if (!closedPersonIds(db, [input.personId]).has(input.personId)) throw ruleViolation('release.file_not_closed')
    const change = changeOf(ctx)
    const id = randomUUID()
    insertReopening(db, { id, personId: input.personId, reason: input.reason, openedAt: change.at, openedBy: change.by })
    ctx.auditDetail = JSON.stringify({ reopened: id, reason: input.reason })
    return { id }
  },

  'release:closeFile'(input, ctx) {
    const open = openReopeningOf(ctx.db, input.personId)
    if (!open) throw ruleViolation('release.no_open_reopening')
    closeReopening(ctx.db, open.id, { ...changeOf(ctx), note: input.note })
    ctx.auditDetail = JSON.stringify({ closed: open.id })
    return null
  },

  ...handoverHandlers,

  'release:settings': (_input, ctx) => ({
    rules: releaseRules(ctx.db),
    contactCard: readSetting(ctx.db, 'release.contactCard'),
    version: settingsVersion(ctx.db, RELEASE_SETTINGS),
  }),

  'release:saveSettings'(input, ctx) {
    if (input.version !== settingsVersion(ctx.db, RELEASE_SETTINGS)) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'release.rules', input.rules)
    writeSetting(ctx.db, 'release.contactCard', input.contactCard)
    ctx.auditDetail = JSON.stringify({ rules: input.rules, contactCard: input.contactCard })
    return null
  },
} satisfies HandlersFor<typeof releaseContract>
