/**
 * The rules a ward record must meet before it is stored, per type: kinds and categories from the facility's lists,
 * points within the category's range, dates in order and not in the future where the record says something happened.
 * Each broken rule is a field-level message that states the limit; nothing is stored or adjusted.
 */
import type { ConductCategory, ListEntry, WardRecordType, WardworkLists } from '../../shared/contract/wardwork'
import { FieldErrors } from '../errors'
import type { RecordFieldsByType } from './wardworkRepo'

type Problems = Record<string, { key: string; params?: Record<string, string | number> }>

/** What the rules need beyond the fields: the lists, today and now (facility clock), and what the record had before. */
export interface RuleContext {
  lists: WardworkLists
  today: string
  /** Local 'YYYY-MM-DDTHH:mm'. */
  now: string
  /** The stored record's kind/category before an edit: a retired entry may stay on a record that already has it. */
  before?: { kind?: string; category?: string }
}

function knownEntry(list: readonly ListEntry[], id: string, kept: string | undefined): boolean {
  return list.some((e) => e.id === id && (e.active || e.id === kept))
}

function notFuture(problems: Problems, field: string, date: string | null, today: string): void {
  if (date && date > today) problems[field] = { key: 'v.date_in_future' }
}

const CHECKS: { [T in WardRecordType]: (f: RecordFieldsByType[T], c: RuleContext, p: Problems) => void } = {
  talk(f, c, p) {
    if (!knownEntry(c.lists.talkKinds, f.kind, c.before?.kind)) p.kind = { key: 'wardwork.unknown_kind' }
    if (f.status === 'planned' && !f.plannedOn) p.plannedOn = { key: 'wardwork.planned_on_required' }
    if (f.status === 'done' && !f.doneOn) p.doneOn = { key: 'wardwork.done_on_required' }
    notFuture(p, 'doneOn', f.doneOn, c.today)
  },
  conduct(f, c, p) {
    const category: ConductCategory | undefined = c.lists.conductCategories.find((e) => e.id === f.category && (e.active || e.id === c.before?.category))
    if (!category) p.category = { key: 'wardwork.unknown_category' }
    else if (category.kind !== f.kind) p.category = { key: 'wardwork.category_kind' }
    else if (f.points < category.minPoints || f.points > category.maxPoints) {
      p.points = { key: 'wardwork.points_range', params: { min: category.minPoints, max: category.maxPoints } }
    }
    notFuture(p, 'on', f.on, c.today)
  },
  visit(f, c, p) {
    if (!knownEntry(c.lists.visitKinds, f.kind, c.before?.kind)) p.kind = { key: 'wardwork.unknown_kind' }
    notFuture(p, 'on', f.on, c.today)
  },
  medical(f, c, p) {
    if (f.outAt > c.now) p.outAt = { key: 'wardwork.datetime_in_future' }
    if (f.backAt !== null) {
      if (f.backAt < f.outAt) p.backAt = { key: 'wardwork.back_before_out', params: { outAt: f.outAt.replace('T', ' ') } }
      else if (f.backAt > c.now) p.backAt = { key: 'wardwork.datetime_in_future' }
    }
  },
  measure(f, c, p) {
    if (!knownEntry(c.lists.measureKinds, f.kind, c.before?.kind)) p.kind = { key: 'wardwork.unknown_kind' }
    notFuture(p, 'startOn', f.startOn, c.today)
    if (f.endOn !== null && f.endOn < f.startOn) p.endOn = { key: 'wardwork.end_before_start', params: { start: f.startOn } }
    else notFuture(p, 'endOn', f.endOn, c.today)
    if (f.reviewOn !== null && f.reviewOn < f.startOn) p.reviewOn = { key: 'wardwork.review_before_start', params: { start: f.startOn } }
  },
}

/** Throws every broken rule of the record at once (FieldErrors), or returns quietly. */
export function checkRecord<T extends WardRecordType>(type: T, fields: RecordFieldsByType[T], context: RuleContext): void {
  const problems: Problems = {}
  CHECKS[type](fields, context, problems)
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems)
}

/** The date a record belongs to in the ward's day (its ward is the person's ward on that date). */
export function recordDate<T extends WardRecordType>(type: T, fields: RecordFieldsByType[T]): string {
  const f = fields as RecordFieldsByType[WardRecordType] & Record<string, unknown>
  switch (type) {
    case 'talk':
      return (f.doneOn ?? f.plannedOn) as string
    case 'medical':
      return (f.outAt as string).slice(0, 10)
    case 'measure':
      return f.startOn as string
    default:
      return f.on as string
  }
}

/** Ids present in the stored lists that a new version leaves out: refused (an entry is retired, never removed). */
export function removedEntries(before: WardworkLists, after: WardworkLists): string[] {
  const removed: string[] = []
  for (const key of ['talkKinds', 'conductCategories', 'measureKinds', 'visitKinds'] as const) {
    const kept = new Set(after[key].map((e) => e.id))
    for (const e of before[key]) if (!kept.has(e.id)) removed.push(e.id)
  }
  return removed
}

const localFormatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
/** The facility's local date and time 'YYYY-MM-DDTHH:mm'. */
export const localNow = (now: Date): string => localFormatter.format(now).replace(' ', 'T')
