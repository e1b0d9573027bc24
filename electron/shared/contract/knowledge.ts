/**
 * Knowledge tests (知识测试, issue 12): the item bank (single- and multiple-choice items with tags), papers drawn from
 * it by tag and count or hand-picked, sittings answered at a kiosk by the person or on paper and typed in by staff,
 * scoring, item analysis and each person's wrong answers. The bank and papers are bound to no ward ('facility'); a
 * sitting belongs to its person (scope by person, or by the sitting's id: record kind 'knowledgeAttempt').
 *
 * Scoring (core/knowledge/scoring.ts): single choice is right iff the one key chosen is the answer; multiple choice is
 * right iff the chosen set equals the answer set (all or nothing, no partial credit). Score = points of the items
 * answered right ÷ all points × 100, one decimal; passed = score ≥ the paper's pass mark.
 */
import { z } from 'zod'
import { id, intAtLeast, intRange, isoDate, keyWithParams, optionalText, page, reason, settingVersionInput, text, tooLong, tooMany, type Paged } from './common'
import { method, noAudit } from './define'

export const ITEM_KINDS = ['single', 'multiple'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const
export type OptionKey = (typeof OPTION_KEYS)[number]
export const OPTIONS_MIN = 2
export const OPTIONS_MAX = 8
export const STEM_MAX = 500
export const PAPER_ITEMS_MAX = 100
export const DEFAULT_PASS_MARK = 60
/** Below this many submitted sittings the item analysis is shown but marked unreliable. */
export const ANALYSIS_MIN_SITTINGS = 10

export interface ItemOption {
  key: OptionKey
  text: string
}

export interface KnowledgeItemRow {
  id: string
  kind: ItemKind
  stem: string
  options: ItemOption[]
  answer: OptionKey[]
  explanation: string | null
  tags: string[]
  active: boolean
  revision: number
  updatedAt: string
  voided: { at: string; reason: string } | null
}

export interface PaperRow {
  id: string
  title: string
  purpose: string
  passMark: number
  method: 'drawn' | 'picked'
  itemCount: number
  sittings: number
  createdAt: string
  revision: number
  voided: { at: string; reason: string } | null
}

export interface PaperItem {
  position: number
  itemId: string
  itemRevision: number
  points: number
  kind: ItemKind
  stem: string
  options: ItemOption[]
  answer: OptionKey[]
  explanation: string | null
}

export interface PaperDetail extends PaperRow {
  draws: Array<{ tag: string; count: number }> | null
  seed: number | null
  /** True once a sitting exists: the paper can no longer be edited. */
  frozen: boolean
  items: PaperItem[]
}

/** What the person at the kiosk may see: stems and options, never the answers. */
export interface SittingPaper {
  attemptId: string
  status: 'open' | 'submitted'
  /** Surname and a masked given name (张**). */
  personLabel: string
  title: string
  items: Array<{ position: number; kind: ItemKind; stem: string; options: ItemOption[] }>
  /** The answers saved so far (position → keys). */
  saved: Array<{ position: number; chosen: OptionKey[] }>
}

export interface SittingRow {
  id: string
  paperId: string
  paperTitle: string
  purpose: string
  personId: string
  personName: string
  mode: 'kiosk' | 'paper'
  status: 'open' | 'submitted'
  startedAt: string
  answeredOn: string
  submittedAt: string | null
  score: number | null
  passed: boolean | null
  passMark: number
  wrongCount: number | null
  voided: { at: string; reason: string } | null
}

export interface AttemptAnswer {
  position: number
  kind: ItemKind
  stem: string
  options: ItemOption[]
  chosen: OptionKey[]
  answer: OptionKey[]
  correct: boolean
  points: number
  explanation: string | null
}

export interface AttemptDetail extends SittingRow {
  recordedBy: string
  answers: AttemptAnswer[]
}

export interface ItemAnalysisRow {
  position: number
  itemId: string
  stem: string
  kind: ItemKind
  answer: OptionKey[]
  /** Share of sittings answering it right (difficulty p), 0–1. */
  p: number
  /** p of the upper 27 % by score minus p of the lower 27 %; null with fewer than 2 sittings. */
  discrimination: number | null
  /** The wrong choice made most often ("B", "AC"), with its count; null when nobody chose wrong keys. */
  commonWrong: { chosen: string; count: number } | null
  blank: number
}

export interface ItemAnalysis {
  paperId: string
  title: string
  sittings: number
  /** Sittings in each of the upper and lower groups. */
  groupSize: number
  reliable: boolean
  meanScore: number | null
  items: ItemAnalysisRow[]
}

export interface PersonKnowledge {
  sittings: SittingRow[]
  /** The latest submitted, live sitting per purpose (禁毒知识 …): what diagnostic assessment reads. */
  latestByPurpose: Array<{ purpose: string; attemptId: string; answeredOn: string; score: number; passed: boolean }>
}

const optionKey = z.enum(OPTION_KEYS, { error: 'knowledge.option_key' })
const tag = z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(20, tooLong(20))

/** An item as written: options keyed A.. in order, answer keys among them, count by kind. */
const itemObject = z.object({
    kind: z.enum(ITEM_KINDS, { error: 'v.required' }),
    stem: text(STEM_MAX),
    options: z
      .array(text(200))
      .min(OPTIONS_MIN, keyWithParams('knowledge.options_count', { min: OPTIONS_MIN, max: OPTIONS_MAX }))
      .max(OPTIONS_MAX, keyWithParams('knowledge.options_count', { min: OPTIONS_MIN, max: OPTIONS_MAX })),
    answer: z.array(optionKey).max(OPTIONS_MAX, tooMany(OPTIONS_MAX)),
    explanation: optionalText(500),
    tags: z.array(tag).max(10, tooMany(10)).default([]),
})

function checkItem(item: z.output<typeof itemObject>, ctx: z.RefinementCtx): void {
    const keys = new Set(item.answer)
    if (keys.size !== item.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'knowledge.answer_duplicate' })
    const outside = item.answer.find((k) => OPTION_KEYS.indexOf(k) >= item.options.length)
    if (outside) ctx.addIssue({ code: 'custom', path: ['answer'], message: keyWithParams('knowledge.answer_outside', { key: outside, last: OPTION_KEYS[Math.max(0, item.options.length - 1)]! }) })
    if (item.kind === 'single' && item.answer.length !== 1) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'knowledge.answer_single' })
    if (item.kind === 'multiple' && item.answer.length < 2) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'knowledge.answer_multiple' })
}
export const itemFields = itemObject.superRefine(checkItem)

const drawSpec = z
  .array(z.object({ tag, count: intRange(1, PAPER_ITEMS_MAX) }))
  .min(1, 'v.required')
  .max(10, tooMany(10))
  .superRefine((draws, ctx) => {
    const total = draws.reduce((s, d) => s + d.count, 0)
    if (total > PAPER_ITEMS_MAX) ctx.addIssue({ code: 'custom', path: [], message: keyWithParams('knowledge.paper_size', { max: PAPER_ITEMS_MAX }) })
    const seen = new Set<string>()
    draws.forEach((d, i) => {
      if (seen.has(d.tag)) ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: 'knowledge.tag_twice' })
      seen.add(d.tag)
    })
  })

export const paperSource = z.discriminatedUnion('method', [
  z.object({ method: z.literal('drawn'), draws: drawSpec, seed: intRange(1, 2_147_483_647).optional() }),
  z.object({
    method: z.literal('picked'),
    itemIds: z.array(id).min(1, 'v.required').max(PAPER_ITEMS_MAX, tooMany(PAPER_ITEMS_MAX)).refine((ids) => new Set(ids).size === ids.length, 'knowledge.item_twice'),
  }),
])

const paperMeta = { title: text(60), purpose: tag, passMark: z.number({ error: 'v.number' }).min(0, keyWithParams('v.range', { min: 0, max: 100 })).max(100, keyWithParams('v.range', { min: 0, max: 100 })).default(DEFAULT_PASS_MARK) }

/** Chosen keys of one item ([] for blank); checked against the item's options in core. */
const chosen = z.array(optionKey).max(OPTIONS_MAX, tooMany(OPTIONS_MAX))
const answerList = z
  .array(z.object({ position: intRange(1, PAPER_ITEMS_MAX), chosen }))
  .max(PAPER_ITEMS_MAX, tooMany(PAPER_ITEMS_MAX))

const ofPerson = { person: (i: { personId: string }) => i.personId }
const ofAttempt = { record: 'knowledgeAttempt' as const, id: (i: { attemptId: string }) => i.attemptId }

export const knowledgeContract = {
  /** The bank (hundreds of items): filters by tag and kind, text search over stems (a scan: the bank is small). */
  'knowledge:items': method<Paged<KnowledgeItemRow>>()({
    input: z.object({
      tag: tag.optional(),
      kind: z.enum(ITEM_KINDS).optional(),
      q: z.string().trim().max(50, tooLong(50)).optional(),
      includeInactive: z.boolean().default(false),
      ...page,
    }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:tags': method<Array<{ tag: string; active: number }>>()({
    input: z.object({}),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:createItem': method<{ id: string }>()({
    input: itemFields,
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_item', record: (_i, o) => o.id },
  }),
  'knowledge:updateItem': method<{ revision: number }>()({
    input: itemObject.extend({ id, revision: intAtLeast(1), active: z.boolean({ error: 'v.required' }) }).superRefine(checkItem),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_item', record: (i) => i.id },
  }),
  'knowledge:voidItem': method<null>()({
    input: z.object({ id, reason }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_item', record: (i) => i.id },
  }),
  'knowledge:papers': method<Paged<PaperRow>>()({
    input: z.object({ includeVoided: z.boolean().default(false), ...page }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:paper': method<PaperDetail>()({
    input: z.object({ id }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:createPaper': method<{ id: string }>()({
    input: z.object({ ...paperMeta, source: paperSource }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_paper', record: (_i, o) => o.id },
  }),
  /** Title, purpose and pass mark; refused once a sitting exists (the paper is frozen). */
  'knowledge:updatePaper': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...paperMeta }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_paper', record: (i) => i.id },
  }),
  'knowledge:voidPaper': method<null>()({
    input: z.object({ id, reason }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'knowledge_paper', record: (i) => i.id },
  }),
  /** Opens a kiosk sitting of a paper for a person (one open sitting per person and paper). */
  'knowledge:startSitting': method<{ attemptId: string }>()({
    input: z.object({ paperId: id, personId: id, mode: z.literal('kiosk').default('kiosk') }),
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'person', record: (i) => i.personId },
  }),
  /** The paper as the person sees it at the kiosk: no answers, no score. */
  'knowledge:sittingPaper': method<SittingPaper>()({
    input: z.object({ attemptId: id }),
    access: 'vocational.record',
    scope: ofAttempt,
    audit: noAudit,
  }),
  'knowledge:saveAnswers': method<null>()({
    input: z.object({ attemptId: id, answers: answerList }),
    access: 'vocational.record',
    scope: ofAttempt,
    audit: { kind: 'write', recordType: 'knowledge_attempt', record: (i) => i.attemptId },
  }),
  /** Submits a kiosk sitting; the score is answered only when the setting shows it to the person (default off). */
  'knowledge:submit': method<{ submitted: true; score: number | null; passed: boolean | null }>()({
    input: z.object({ attemptId: id, answers: answerList }),
    access: 'vocational.record',
    scope: ofAttempt,
    audit: { kind: 'write', recordType: 'knowledge_attempt', record: (i) => i.attemptId },
  }),
  /** A paper sitting typed in by staff: one string per item in order ("A", "BD", "" for blank). */
  'knowledge:enterPaperAnswers': method<{ attemptId: string; score: number; passed: boolean }>()({
    input: z.object({
      paperId: id,
      personId: id,
      answeredOn: isoDate,
      answers: z.array(z.string().trim().max(OPTIONS_MAX, tooLong(OPTIONS_MAX))).min(1, 'v.required').max(PAPER_ITEMS_MAX, tooMany(PAPER_ITEMS_MAX)),
    }),
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'person', record: (i) => i.personId },
  }),
  'knowledge:attempt': method<AttemptDetail>()({
    input: z.object({ attemptId: id }),
    access: 'vocational.read',
    scope: ofAttempt,
    audit: { kind: 'read', recordType: 'knowledge_attempt', record: (i) => i.attemptId },
  }),
  'knowledge:voidAttempt': method<null>()({
    input: z.object({ attemptId: id, reason }),
    access: 'vocational.record',
    scope: ofAttempt,
    audit: { kind: 'write', recordType: 'knowledge_attempt', record: (i) => i.attemptId },
  }),
  'knowledge:person': method<PersonKnowledge>()({
    input: z.object({ personId: id }),
    access: 'vocational.read',
    scope: ofPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  /** Sittings newest first, of one paper or of all; only people in the caller's reading reach. */
  'knowledge:sittings': method<Paged<SittingRow>>()({
    input: z.object({ paperId: id.optional(), ...page }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  'knowledge:itemAnalysis': method<ItemAnalysis>()({
    input: z.object({ paperId: id }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:settings': method<{ kioskShowsScore: boolean; version: string }>()({
    input: z.object({}),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'knowledge:updateSettings': method<null>()({
    input: z.object({ kioskShowsScore: z.boolean({ error: 'v.required' }), version: settingVersionInput }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'knowledge.kioskShowsScore' },
  }),
}
