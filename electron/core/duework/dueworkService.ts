/** Due work (issue 13): the person's list, the ward's day, the facility overview, drill-downs, exemptions, settings. */
import { randomUUID } from 'node:crypto'
import type { DueSettingsView, FacilityDueWork, PersonDueWork, WardDueWork } from '../../shared/contract/duework'
import type { dueworkContract } from '../../shared/contract/duework'
import type { IsoDate } from '../../shared/domain/dates'
import { RULE_CENTRE, type DueCentre, type DueItem } from '../../shared/domain/duework/vocabulary'
import type { Permission } from '../../shared/domain/roles'
import { assertReadable, readableWards } from '../auth/wardScope'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, notFound, ruleViolation } from '../errors'
import { fitnessSettings } from '../fitness/fitnessSettings'
import type { HandlersFor } from '../handlerTypes'
import { wardName, wardsInOrder } from '../wards/wardsRepo'
import { byUrgency, computeDueWork, countItems, dueRules, emptyCounts, milestonesOfAll, onTheDay, summaryDueWork } from './dueworkCompute'
import { exemptionById, insertExemption, voidExemption } from './dueworkExemptionQueries'
import { personRow } from './dueworkFactsQueries'
import { summaryOfFacility, summaryOfWard, type SummaryPerson } from './dueworkSummaryQueries'

/** The record permission a centre's work needs to be exempted (SHAPES13). */
export const CENTRE_PERMISSION: Record<DueCentre, Permission> = {
  psych: 'psych.assess',
  fitness: 'fitness.record',
  assessment: 'assessment.record',
  ward: 'wardwork.record',
  release: 'wardwork.record',
}

function assertCentrePermission(ctx: Ctx, centre: DueCentre): void {
  if (!actorOf(ctx).permissions.includes(CENTRE_PERMISSION[centre])) {
    throw new AppError('forbidden', 'duework.centre_forbidden')
  }
}

/** The current files in the caller's reading reach (all wards, or the caller's own), from the due-work summary. */
const peopleInReach = (ctx: Ctx): SummaryPerson[] => summaryOfFacility(ctx.db, readableWards(ctx))

export function personDueWork(db: Db, personId: string, on: IsoDate): PersonDueWork {
  const person = personRow(db, personId)
  if (!person) throw notFound()
  // A past stay (no ward) owes nothing: its list is empty rather than a list of work nobody will do.
  if (person.wardId === null) return { items: [], milestones: [] }
  const work = computeDueWork(db, [person], on, '')
  return { items: work.items.sort(byUrgency), milestones: milestonesOfAll(work, on) }
}

export function wardDueWork(db: Db, wardId: string, on: IsoDate): WardDueWork {
  const name = wardName(db, wardId)
  if (name === undefined) throw notFound()
  const people = summaryOfWard(db, wardId)
  const work = summaryDueWork(db, people, on, on)
  const { items } = work
  const open = { openTasks: 0, openCrises: 0 }
  for (const p of people) open.openTasks += p.openTasks
  for (const f of work.facts) open.openCrises += f.openCrises.length
  return {
    wardId,
    wardName: name,
    today: on,
    items: items.filter((i) => onTheDay(i, on)).sort(byUrgency),
    milestones: milestonesOfAll(work, on),
    counts: countItems(items),
    openCrises: open.openCrises,
    openTasks: open.openTasks,
  }
}

export function facilityDueWork(ctx: Ctx, on: IsoDate): FacilityDueWork {
  const people = peopleInReach(ctx)
  const { facts, items } = summaryDueWork(ctx.db, people, on, on)
  const wards = new Map<string, FacilityDueWork['wards'][number]>()
  const reach = readableWards(ctx)
  for (const w of wardsInOrder(ctx.db)) {
    if (reach !== null && !reach.includes(w.id)) continue
    wards.set(w.id, { wardId: w.id, wardName: w.name, residents: 0, counts: emptyCounts(), openCrises: 0 })
  }
  for (const f of facts) {
    const row = f.wardId === null ? undefined : wards.get(f.wardId)
    if (!row) continue
    row.residents++
    row.openCrises += f.openCrises.length
  }
  for (const item of items) {
    const row = item.wardId === null ? undefined : wards.get(item.wardId)
    if (row) countItems([item], row.counts)
  }
  // An inactive ward with nobody in it has nothing to show.
  const active = new Set(wardsInOrder(ctx.db).filter((w) => w.active).map((w) => w.id))
  return { today: on, wards: [...wards.values()].filter((w) => w.residents > 0 || active.has(w.wardId)) }
}

function drillDown(ctx: Ctx, input: { wardId?: string | undefined; centre?: DueCentre | undefined; rule?: DueItem['rule'] | undefined; status: DueItem['status'] }, on: IsoDate): DueItem[] {
  let people: SummaryPerson[]
  if (input.wardId !== undefined) {
    assertReadable(ctx, { wardId: input.wardId })
    if (wardName(ctx.db, input.wardId) === undefined) throw notFound()
    people = summaryOfWard(ctx.db, input.wardId)
  } else people = peopleInReach(ctx)
  const { items } = summaryDueWork(ctx.db, people, on, on)
  return items
    .filter((i) => i.status === input.status && (input.status !== 'done' || i.done?.on === on))
    .filter((i) => (input.centre === undefined || i.centre === input.centre) && (input.rule === undefined || i.rule === input.rule))
    .sort(byUrgency)
}

export const dueworkHandlers = {
  'duework:person': (input, ctx) => personDueWork(ctx.db, input.personId, today(ctx)),
  'duework:ward': (input, ctx) => wardDueWork(ctx.db, input.wardId, input.date ?? today(ctx)),
  'duework:facility': (input, ctx) => facilityDueWork(ctx, input.date ?? today(ctx)),
  'duework:people': (input, ctx) => drillDown(ctx, input, input.date ?? today(ctx)),
  'duework:exempt'(input, ctx) {
    assertCentrePermission(ctx, RULE_CENTRE[input.rule])
    const person = personRow(ctx.db, input.personId)
    if (!person) throw notFound()
    if (person.wardId === null) throw ruleViolation('duework.person_not_current')
    // Only an open item can be exempted: one that is listed now, not done, not already exempt.
    const { items } = computeDueWork(ctx.db, [person], today(ctx), '')
    const item = items.find((i) => i.rule === input.rule && i.occurrence === input.occurrence)
    if (!item || (item.status !== 'due' && item.status !== 'overdue')) throw ruleViolation('duework.no_such_item', 'occurrence')
    const actor = actorOf(ctx)
    const row = { id: randomUUID(), personId: person.id, rule: input.rule, occurrence: input.occurrence, reason: input.reason, by: actor.id, at: nowIso(ctx) }
    insertExemption(ctx.db, row)
    ctx.auditDetail = JSON.stringify({ personId: person.id, rule: input.rule, occurrence: input.occurrence, reason: input.reason })
    return { id: row.id, reason: row.reason, by: actor.id, byName: actor.displayName, at: row.at, revision: 1 }
  },
  'duework:voidExemption'(input, ctx) {
    const exemption = exemptionById(ctx.db, input.id)
    if (!exemption) throw notFound()
    assertCentrePermission(ctx, RULE_CENTRE[exemption.rule])
    if (exemption.voidedAt !== null) throw new AppError('conflict', 'duework.exemption_voided')
    if (exemption.revision !== input.revision) throw new AppError('conflict', 'duework.stale')
    if (!voidExemption(ctx.db, { id: input.id, revision: input.revision, by: actorOf(ctx).id, at: nowIso(ctx), reason: input.reason })) {
      throw new AppError('conflict', 'duework.stale')
    }
    ctx.auditDetail = JSON.stringify({ personId: exemption.personId, rule: exemption.rule, occurrence: exemption.occurrence, reason: input.reason })
    return null
  },
  'duework:settings': (_input, ctx): DueSettingsView => ({
    rules: dueRules(ctx.db),
    fitnessRetestIntervalDays: fitnessSettings(ctx.db).retestIntervalDays,
    version: settingVersion(ctx.db, 'duework.rules'),
  }),
  'duework:setSettings'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'duework.rules')) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'duework.rules', input.rules)
    ctx.auditDetail = JSON.stringify(input.rules)
    return null
  },
} satisfies HandlersFor<typeof dueworkContract>
