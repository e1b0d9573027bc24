/**
 * The ward records' handlers (contract shared/contract/wardwork.ts): the configurable lists, one person's records,
 * record / edit (naming the revision read) / void for the five record types, the ward's records and day, the daily log.
 */
import { randomUUID } from 'node:crypto'
import type { RecordFieldsByType } from './wardworkRepo'
import { MAX_RECORDS_RANGE_DAYS, type WardRecordType, type wardworkContract } from '../../shared/contract/wardwork'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { wardworkRepo } from './wardworkRepo'
import { checkRecord, localNow, recordDate, removedEntries } from './wardworkRules'
import { daysInRange, personWardwork, wardById, wardDay, wardRecords } from './wardworkQueries'

const lists = (ctx: Ctx) => readSetting(ctx.db, 'wardwork.lists')

function livePerson(ctx: Ctx, personId: string) {
  const person = wardworkRepo.person(ctx.db, personId)
  if (!person) throw notFound()
  if (person.voided) throw ruleViolation('wardwork.person_voided')
  return person
}

function wardFor(ctx: Ctx, personId: string, date: string, field: string): string {
  const wardId = wardworkRepo.wardOn(ctx.db, personId, date)
  if (!wardId) throw new FieldErrors({ [field]: { key: 'wardwork.no_ward', params: { date } } })
  return wardId
}

const DATE_FIELD: Record<WardRecordType, string> = { talk: 'plannedOn', conduct: 'on', visit: 'on', medical: 'outAt', measure: 'startOn' }

function checkCrisis<T extends WardRecordType>(ctx: Ctx, type: T, personId: string, fields: RecordFieldsByType[T]): void {
  if (type !== 'measure') return
  const crisisId = (fields as RecordFieldsByType['measure']).crisisId
  if (crisisId && !wardworkRepo.crisisOfPerson(ctx.db, crisisId, personId)) throw new FieldErrors({ crisisId: { key: 'wardwork.unknown_crisis' } })
}

function ruleContext(ctx: Ctx, before?: { kind?: string; category?: string }) {
  return { lists: lists(ctx), today: today(ctx), now: localNow(ctx.clock.now()), before }
}

/** The three writes of one record type. */
function crudHandlers<T extends WardRecordType>(type: T) {
  return {
    record(input: { personId: string } & RecordFieldsByType[T], ctx: Ctx) {
      const { personId, ...fields } = input
      const person = livePerson(ctx, personId)
      const f = fields as unknown as RecordFieldsByType[T]
      checkRecord(type, f, ruleContext(ctx))
      checkCrisis(ctx, type, person.id, f)
      const id = randomUUID()
      const wardId = wardFor(ctx, person.id, recordDate(type, f), DATE_FIELD[type])
      wardworkRepo.insert(ctx.db, type, { id, personId: person.id, wardId, fields: f, at: nowIso(ctx), by: actorOf(ctx).id })
      ctx.auditDetail = JSON.stringify({ personId: person.id, ...f })
      return { id, revision: 1 }
    },
    update(input: { personId: string; id: string; revision: number } & RecordFieldsByType[T], ctx: Ctx) {
      const { personId, id, revision, ...fields } = input
      const stored = wardworkRepo.fieldsById(ctx.db, type, id)
      if (!stored || stored.personId !== personId) throw notFound()
      if (stored.voided) throw ruleViolation('wardwork.voided')
      if (stored.revision !== revision) throw new AppError('conflict', 'wardwork.stale')
      const f = fields as unknown as RecordFieldsByType[T]
      const before = stored as unknown as { kind?: string; category?: string }
      checkRecord(type, f, ruleContext(ctx, { kind: before.kind, category: before.category }))
      checkCrisis(ctx, type, personId, f)
      const wardId = wardFor(ctx, personId, recordDate(type, f), DATE_FIELD[type])
      if (!wardworkRepo.update(ctx.db, type, { id, revision, wardId, fields: f, at: nowIso(ctx), by: actorOf(ctx).id })) {
        throw new AppError('conflict', 'wardwork.stale')
      }
      ctx.auditDetail = JSON.stringify({ before: pick(stored, Object.keys(f)), after: f })
      return { id, revision: revision + 1 }
    },
    void(input: { personId: string; id: string; reason: string }, ctx: Ctx) {
      const stored = wardworkRepo.byId(ctx.db, type, input.id)
      if (!stored || stored.personId !== input.personId) throw notFound()
      if (stored.voided) throw ruleViolation('wardwork.voided')
      wardworkRepo.voidRecord(ctx.db, type, stored.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })
      ctx.auditDetail = JSON.stringify({ reason: input.reason })
      return null
    },
  }
}

function pick(record: object, keys: string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>
  return Object.fromEntries(keys.map((k) => [k, source[k]]))
}

const talk = crudHandlers('talk')
const conduct = crudHandlers('conduct')
const visit = crudHandlers('visit')
const medical = crudHandlers('medical')
const measure = crudHandlers('measure')

function wardOrThrow(ctx: Ctx, wardId: string) {
  const ward = wardById(ctx.db, wardId)
  if (!ward) throw notFound()
  return ward
}

export const wardworkHandlers = {
  'wardwork:lists': (_input, ctx) => ({ ...lists(ctx), version: settingVersion(ctx.db, 'wardwork.lists') }),
  'wardwork:setLists'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'wardwork.lists')) throw new AppError('conflict', 'settings.stale')
    const removed = removedEntries(lists(ctx), input.lists)
    if (removed.length > 0) throw new AppError('invalid_input', 'wardwork.entry_removed', { params: { id: removed.join('、') } })
    writeSetting(ctx.db, 'wardwork.lists', input.lists)
    ctx.auditDetail = JSON.stringify(input.lists)
    return null
  },
  'wardwork:person'(input, ctx) {
    if (!wardworkRepo.person(ctx.db, input.personId)) throw notFound()
    return personWardwork(ctx.db, input.personId)
  },
  'wardwork:recordTalk': talk.record,
  'wardwork:updateTalk': talk.update,
  'wardwork:voidTalk': talk.void,
  'wardwork:recordConduct': conduct.record,
  'wardwork:updateConduct': conduct.update,
  'wardwork:voidConduct': conduct.void,
  'wardwork:recordVisit': visit.record,
  'wardwork:updateVisit': visit.update,
  'wardwork:voidVisit': visit.void,
  'wardwork:recordMedical': medical.record,
  'wardwork:updateMedical': medical.update,
  'wardwork:voidMedical': medical.void,
  'wardwork:recordMeasure': measure.record,
  'wardwork:updateMeasure': measure.update,
  'wardwork:voidMeasure': measure.void,
  'wardwork:wardRecords'(input, ctx) {
    if (input.to < input.from) throw new FieldErrors({ to: { key: 'wardwork.range_order' } })
    if (daysInRange(input.from, input.to) > MAX_RECORDS_RANGE_DAYS) throw new FieldErrors({ to: { key: 'wardwork.range_too_long', params: { max: MAX_RECORDS_RANGE_DAYS } } })
    return wardRecords(ctx.db, wardOrThrow(ctx, input.wardId), input.from, input.to, input.types ?? [])
  },
  'wardwork:wardDay': (input, ctx) => wardDay(ctx.db, wardOrThrow(ctx, input.wardId), input.date, today(ctx)),
  'wardwork:log'(input, ctx) {
    const ward = wardOrThrow(ctx, input.wardId)
    const day = wardDay(ctx.db, ward, input.date, today(ctx))
    return { wardId: ward.id, wardName: ward.name, date: input.date, today: day.today, computed: day.counts, log: wardworkRepo.logOf(ctx.db, ward.id, input.date) }
  },
  'wardwork:saveLog'(input, ctx) {
    const ward = wardOrThrow(ctx, input.wardId)
    const todayDate = today(ctx)
    if (input.date > todayDate) throw new FieldErrors({ date: { key: 'wardwork.log_future' } })
    const counts = wardDay(ctx.db, ward, input.date, todayDate).counts
    const texts = { incidents: input.incidents, visitsSummary: input.visitsSummary, notes: input.notes, onDuty: input.onDuty }
    const stored = wardworkRepo.logOf(ctx.db, ward.id, input.date)
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    ctx.auditDetail = JSON.stringify({ date: input.date, counts, ...texts })
    if (input.revision === undefined) {
      if (stored) throw new AppError('conflict', 'wardwork.log_exists')
      const id = randomUUID()
      wardworkRepo.insertLog(ctx.db, { id, wardId: ward.id, date: input.date, counts, texts, at, by })
      return { id, revision: 1 }
    }
    if (!stored || !wardworkRepo.updateLog(ctx.db, { id: stored.id, revision: input.revision, counts, texts, at, by })) {
      throw new AppError('conflict', 'wardwork.stale')
    }
    return { id: stored.id, revision: input.revision + 1 }
  },
  'wardwork:voidLog'(input, ctx) {
    if (!wardworkRepo.voidLog(ctx.db, input.id, input.wardId, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw notFound()
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
} satisfies HandlersFor<typeof wardworkContract>
