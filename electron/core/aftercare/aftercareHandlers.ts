/**
 * The aftercare handlers (contract shared/contract/aftercare.ts): guidance stations, one person's aftercare, the
 * contacts, the due follow-ups, the cohorts and the settings.
 */
import { randomUUID } from 'node:crypto'
import { MAX_COHORT_YEARS, type aftercareContract, type StationDetail } from '../../shared/contract/aftercare'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { readableWards } from '../auth/wardScope'
import { aftercareQueries } from './aftercareQueries'
import { assertAftercareReach } from './aftercareReach'
import { aftercareRepo } from './aftercareRepo'
import { cohortTable } from './cohortTable'
import { cohortPeople } from './aftercareStats'
import { recordContact, updateContact, voidContact } from './contactService'
import { stationRepo } from './stationRepo'

const change = (ctx: Ctx) => ({ at: nowIso(ctx), by: actorOf(ctx).id })
const contactCtx = (ctx: Ctx) => ({ today: today(ctx), helpKinds: readSetting(ctx.db, 'aftercare.helpKinds') })

/** from ≤ to, asOf not in the future, at most MAX_COHORT_YEARS years. */
function checkRange(ctx: Ctx, input: { from: string; to: string; asOf?: string | undefined }) {
  const todayDate = today(ctx)
  const asOf = input.asOf ?? todayDate
  if (input.to < input.from) throw new FieldErrors({ to: { key: 'aftercare.range_order' } })
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) >= MAX_COHORT_YEARS) {
    throw new FieldErrors({ to: { key: 'aftercare.range_too_long', params: { max: MAX_COHORT_YEARS } } })
  }
  if (asOf > todayDate) throw new FieldErrors({ asOf: { key: 'aftercare.as_of_future', params: { date: todayDate } } })
  return { from: input.from, to: input.to, asOf }
}

export const aftercareHandlers = {
  'aftercare:stations': (input, ctx) => stationRepo.list(ctx.db, { query: input.query, includeRetired: input.includeRetired }),
  'aftercare:station'(input, ctx): StationDetail {
    const station = stationRepo.byId(ctx.db, input.id)
    if (!station) throw notFound()
    const wards = readableWards(ctx)
    const allowed = (wardId: string | null) => !wards || (wardId !== null && wards.includes(wardId))
    const people = stationRepo.people(ctx.db, station.id).filter((p) => allowed(p.fromWardId)).map(({ fromWardId: _w, ...p }) => p)
    const recentContacts = aftercareQueries
      .stationContacts(ctx.db, station.id, 50)
      .filter((c) => allowed(c.fromWardId))
      .map(({ fromWardId: _w, ...c }) => c)
    return { station, people, recentContacts }
  },
  'aftercare:saveStation'(input, ctx) {
    const { id: givenId, revision: _revision, ...fields } = input
    const existingId = givenId ?? null
    if (stationRepo.nameTaken(ctx.db, fields.name, existingId)) throw new FieldErrors({ name: { key: 'aftercare.station_name_taken' } })
    ctx.auditDetail = JSON.stringify(fields)
    if (existingId === null) {
      if (input.revision !== undefined) throw new FieldErrors({ revision: { key: 'aftercare.revision_without_id' } })
      const id = randomUUID()
      stationRepo.insert(ctx.db, { id, fields, ...change(ctx) })
      return { id, revision: 1 }
    }
    const stored = stationRepo.byId(ctx.db, existingId)
    if (!stored) throw notFound()
    if (stored.retired) throw ruleViolation('aftercare.station_retired')
    if (input.revision === undefined || stored.revision !== input.revision) throw new AppError('conflict', 'aftercare.station_stale')
    if (!stationRepo.update(ctx.db, { id: existingId, revision: input.revision, fields, ...change(ctx) })) throw new AppError('conflict', 'aftercare.station_stale')
    return { id: existingId, revision: input.revision + 1 }
  },
  'aftercare:retireStation'(input, ctx) {
    const stored = stationRepo.byId(ctx.db, input.id)
    if (!stored) throw notFound()
    if (stored.retired) throw ruleViolation('aftercare.station_retired')
    if (!stationRepo.retire(ctx.db, { id: input.id, revision: input.revision, reason: input.reason, ...change(ctx) })) throw new AppError('conflict', 'aftercare.station_stale')
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
  'aftercare:person'(input, ctx) {
    const db = ctx.db
    assertAftercareReach(ctx, input.personId, 'read')
    if (!aftercareRepo.person(db, input.personId)) throw notFound()
    const day = today(ctx)
    const release = aftercareQueries.releasedOf(db, input.personId) ?? null
    const version = release && aftercareQueries.planVersion(db, release.id)
    const outcome = release && aftercareQueries.outcomeOf(db, release.id)
    return {
      personId: input.personId,
      today: day,
      release,
      plan: release && version ? { version, slots: aftercareQueries.slotViews(db, release.id, day) } : null,
      contacts: aftercareQueries.contactsOf(db, input.personId),
      outcome: outcome?.status && outcome.on ? { status: outcome.status, on: outcome.on } : null,
    }
  },
  'aftercare:recordContact'(input, ctx) {
    assertAftercareReach(ctx, input.personId, 'write')
    const { personId, ...fields } = input
    ctx.auditDetail = JSON.stringify(input)
    return recordContact(ctx.db, personId, fields, contactCtx(ctx), change(ctx))
  },
  'aftercare:updateContact'(input, ctx) {
    assertAftercareReach(ctx, input.personId, 'write')
    const { personId, id, revision, ...fields } = input
    const result = updateContact(ctx.db, { personId, id, revision, fields }, contactCtx(ctx), change(ctx))
    const { before } = result
    ctx.auditDetail = JSON.stringify({ before, after: fields })
    return { id: result.id, revision: result.revision }
  },
  'aftercare:voidContact'(input, ctx) {
    assertAftercareReach(ctx, input.personId, 'write')
    voidContact(ctx.db, input, change(ctx))
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
  'aftercare:due'(input, ctx) {
    const day = input.date ?? today(ctx)
    const rows = aftercareQueries.due(ctx.db, day, readableWards(ctx))
    return { today: day, rows, due: rows.filter((r) => r.state === 'due').length, overdue: rows.filter((r) => r.state === 'overdue').length }
  },
  'aftercare:cohorts'(input, ctx) {
    return cohortTable(ctx.db, input.by, checkRange(ctx, input))
  },
  'aftercare:cohortPeople'(input, ctx) {
    return cohortPeople(ctx.db, checkRange(ctx, input), input.outcome, readableWards(ctx))
  },
  'aftercare:settings': (_input, ctx) => ({
    plan: readSetting(ctx.db, 'aftercare.plan'),
    planVersion: settingVersion(ctx.db, 'aftercare.plan'),
    helpKinds: readSetting(ctx.db, 'aftercare.helpKinds'),
    helpVersion: settingVersion(ctx.db, 'aftercare.helpKinds'),
  }),
  'aftercare:setPlan'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'aftercare.plan')) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'aftercare.plan', input.plan)
    ctx.auditDetail = JSON.stringify(input.plan)
    return null
  },
  'aftercare:setHelpKinds'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'aftercare.helpKinds')) throw new AppError('conflict', 'settings.stale')
    const kept = new Set(input.helpKinds.map((h) => h.id))
    const removed = readSetting(ctx.db, 'aftercare.helpKinds').filter((h) => !kept.has(h.id)).map((h) => h.id)
    if (removed.length > 0) throw new AppError('invalid_input', 'aftercare.entry_removed', { params: { id: removed.join('、') } })
    writeSetting(ctx.db, 'aftercare.helpKinds', input.helpKinds)
    ctx.auditDetail = JSON.stringify(input.helpKinds)
    return null
  },
} satisfies HandlersFor<typeof aftercareContract>
