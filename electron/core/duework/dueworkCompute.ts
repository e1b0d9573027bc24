/**
 * Due work of a set of people: facts gathered in one query per source, then the pure rules (domain/duework) per
 * person. Settings are read once per call.
 */
import { addDays, type IsoDate } from '../../shared/domain/dates'
import { milestonesOf } from '../../shared/domain/duework/milestones'
import { dueItemsOf, type RuleContext } from '../../shared/domain/duework/rules'
import type { DueRules } from '../../shared/domain/duework/settings'
import { DUE_CENTRES, type DueCounts, type DueItem, type Milestone } from '../../shared/domain/duework/vocabulary'
import { blankFacts, type ExemptionFact, type PersonFacts } from '../../shared/domain/duework/facts'
import { screeningDue, screeningOnly, type ScreeningDue } from '../../shared/domain/duework/screening'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { fitnessSettings } from '../fitness/fitnessSettings'
import { psychSettings } from '../psych/psychSettings'
import { gatherFacts, groupBy } from './dueworkFacts'
import { runSource, type PersonRow } from './dueworkFactsQueries'
import { summaryFacts, type SummaryPerson } from './dueworkSummaryQueries'

export const dueRules = (db: Db): DueRules => readSetting(db, 'duework.rules')

/** One collator: String.localeCompare builds one per call, which costs more than the rest of a ward's sort. */
const byName = new Intl.Collator('zh-CN').compare

export interface DueWork {
  facts: PersonFacts[]
  items: DueItem[]
  /** The rules the items were computed with (read once per call; the milestones use the same). */
  rules: DueRules
}

function ruleContext(db: Db, today: IsoDate, doneSince: IsoDate | ''): RuleContext {
  return { today, rules: dueRules(db), fitnessRetestIntervalDays: fitnessSettings(db).retestIntervalDays, doneFrom: doneSince }
}

function itemsOf(facts: readonly PersonFacts[], ctx: RuleContext): DueItem[] {
  const items: DueItem[] = []
  for (const f of facts) for (const item of dueItemsOf(f, ctx)) items.push(item)
  return items
}

/**
 * Every opened item of the people, their facts read from the sources (one person's full list, an exemption's check).
 * `doneSince`: done items are listed (and handled tasks and done planned talks gathered) from that date on ('' = all,
 * for one person's full list; a day's screens ask for today).
 */
export function computeDueWork(db: Db, people: readonly PersonRow[], today: IsoDate, doneSince: IsoDate | ''): DueWork {
  const ctx = ruleContext(db, today, doneSince)
  // A task's handling time is a UTC timestamp: a day early catches the facility's morning.
  const facts = gatherFacts(db, people, { today, screeningInstruments: psychSettings(db).screeningInstruments, doneSince: doneSince && addDays(doneSince, -1) })
  return { facts, items: itemsOf(facts, ctx), rules: ctx.rules }
}

/**
 * The same for a ward's or the facility's current files read from the due-work summary (migration 022): one read of
 * the summary rows instead of a query per source over millions of rows. A day's screens only (`doneSince` a date).
 */
export function summaryDueWork(db: Db, people: readonly SummaryPerson[], today: IsoDate, doneSince: IsoDate): DueWork {
  const ctx = ruleContext(db, today, doneSince)
  const facts = summaryFacts(db, people, { today, screeningInstruments: psychSettings(db).screeningInstruments, doneSince: addDays(doneSince, -1) })
  return { facts, items: itemsOf(facts, ctx), rules: ctx.rules }
}

export function milestonesOfAll({ facts, rules }: DueWork, today: IsoDate): Milestone[] {
  return facts.flatMap((f) => milestonesOf(f, rules, today)).sort((a, b) => a.days - b.days || byName(a.personName, b.personName))
}

/** What a day's screen lists: open work, and work done today. */
export const onTheDay = (item: DueItem, today: IsoDate): boolean =>
  item.status === 'due' || item.status === 'overdue' || (item.status === 'done' && item.done?.on === today)

const STATUS_ORDER = { overdue: 0, due: 1, done: 2, exempt: 3 } as const
/** Overdue first (longest overdue first), then due by date, then done and exempt. */
export const byUrgency = (a: DueItem, b: DueItem): number =>
  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) || byName(a.personName, b.personName)

export function emptyCounts(): DueCounts {
  return Object.fromEntries(DUE_CENTRES.map((c) => [c, { due: 0, overdue: 0 }])) as DueCounts
}

export function countItems(items: readonly DueItem[], counts: DueCounts = emptyCounts()): DueCounts {
  for (const item of items) if (item.status === 'due' || item.status === 'overdue') counts[item.centre][item.status]++
  return counts
}

/**
 * The psychological screening of each person, for the psych ward screen: the due-work rules over the person's latest
 * screening (which the screen has already read) and exemptions (one batched query), so the screen and the due-work
 * lists never disagree.
 */
export function screeningDueOf(
  db: Db,
  people: ReadonlyArray<{ id: string; admissionDate: IsoDate; lastScreeningOn: IsoDate | null }>,
  today: IsoDate,
): Map<string, ScreeningDue> {
  const out = new Map<string, ScreeningDue>()
  if (people.length === 0) return out
  const params = { people: JSON.stringify(people.map((p) => p.id)), instruments: '[]', handledSince: '', doneSince: '', today }
  const exemptions = groupBy(runSource<ExemptionFact & { personId: string }>(db, 'exemptions', params))
  const ctx: RuleContext = { today, rules: screeningOnly(dueRules(db)), fitnessRetestIntervalDays: 0 }
  for (const p of people) {
    const latest = p.lastScreeningOn === null ? null : { id: '', on: p.lastScreeningOn }
    const facts = blankFacts(p.id, p.admissionDate, {
      screenings: { first: latest, latest: latest ? [latest] : [] },
      exemptions: (exemptions.get(p.id) ?? []).filter((e) => e.rule === 'psych_admission_screening' || e.rule === 'psych_reassessment'),
    })
    out.set(p.id, screeningDue(facts, ctx))
  }
  return out
}
