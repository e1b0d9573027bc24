/**
 * Knowledge tests, the bank side: items (every revision kept, so a paper shows what was asked), tags, papers (drawn by
 * tag and count with a stored seed, or hand-picked; frozen once a sitting exists), item analysis, the kiosk setting.
 * Nothing here is ward-bound.
 */
import { randomInt } from 'node:crypto'
import { OPTION_KEYS, type knowledgeContract, type ItemOption } from '../../shared/contract/knowledge'
import { actorOf, nowIso, type Ctx } from '../context'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { analyseItems } from './analysis'
import { drawItems } from './draw'
import { uuidv7 } from './ids'
import { analysedSittings, itemPage, paperDetail, paperPage, tagCounts } from './knowledgeQueries'
import { knowledgeRepo, type ItemContent } from './knowledgeRepo'

type BankMethods =
  | 'knowledge:items' | 'knowledge:tags' | 'knowledge:createItem' | 'knowledge:updateItem' | 'knowledge:voidItem'
  | 'knowledge:papers' | 'knowledge:paper' | 'knowledge:createPaper' | 'knowledge:updatePaper' | 'knowledge:voidPaper'
  | 'knowledge:itemAnalysis' | 'knowledge:settings' | 'knowledge:updateSettings'

interface ItemInput {
  kind: ItemContent['kind']
  stem: string
  options: string[]
  answer: ItemContent['answer']
  explanation: string | null
  tags: string[]
}

/** The item as stored: options keyed A.. in the order written, the answer in key order, tags without repeats. */
const contentOf = (i: ItemInput): ItemContent => ({
  kind: i.kind,
  stem: i.stem,
  options: i.options.map((text, n): ItemOption => ({ key: OPTION_KEYS[n]!, text })),
  answer: [...i.answer].sort(),
  explanation: i.explanation,
  tags: [...new Set(i.tags)].sort(),
})

const mark = (ctx: Ctx, reason: string) => ({ at: nowIso(ctx), by: actorOf(ctx).id, reason })

export const bankHandlers = {
  'knowledge:items': (input, ctx) => itemPage(ctx.db, input),

  'knowledge:tags': (_input, ctx) => tagCounts(ctx.db),

  'knowledge:createItem'(input, ctx) {
    const id = uuidv7(ctx.clock.now().getTime())
    const content = contentOf(input)
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    knowledgeRepo.insertItem(ctx.db, { id, content, at, by })
    knowledgeRepo.setTags(ctx.db, id, content.tags)
    knowledgeRepo.insertItemRevision(ctx.db, { itemId: id, revision: 1, content, at, by })
    ctx.auditDetail = JSON.stringify({ kind: content.kind, tags: content.tags })
    return { id }
  },

  'knowledge:updateItem'(input, ctx) {
    const { db } = ctx
    const state = knowledgeRepo.itemState(db, input.id)
    if (!state) throw notFound()
    if (state.voided) throw ruleViolation('knowledge.item_voided')
    if (state.revision !== input.revision) throw new AppError('conflict', 'knowledge.stale_revision')
    const content = contentOf(input)
    const at = nowIso(ctx)
    if (!knowledgeRepo.updateItem(db, { id: input.id, seen: input.revision, content, active: input.active, at })) throw new AppError('conflict', 'knowledge.stale_revision')
    knowledgeRepo.setTags(db, input.id, content.tags)
    const revision = input.revision + 1
    knowledgeRepo.insertItemRevision(db, { itemId: input.id, revision, content, at, by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ revision, active: input.active })
    return { revision }
  },

  'knowledge:voidItem'(input, ctx) {
    if (!knowledgeRepo.itemState(ctx.db, input.id)) throw notFound()
    if (!knowledgeRepo.voidItem(ctx.db, input.id, mark(ctx, input.reason))) throw ruleViolation('knowledge.item_voided')
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'knowledge:papers': (input, ctx) => paperPage(ctx.db, input),

  'knowledge:paper'(input, ctx) {
    const detail = paperDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    return detail
  },

  'knowledge:createPaper'(input, ctx) {
    const { db } = ctx
    let items: Array<{ itemId: string; revision: number }>
    let seed: number | null = null
    if (input.source.method === 'drawn') {
      seed = input.source.seed ?? randomInt(1, 2_147_483_647)
      const outcome = drawItems(input.source.draws, (tag) => knowledgeRepo.activeIdsWithTag(db, tag), seed)
      if (!outcome.ok) {
        throw new FieldErrors({ [`source.draws.${outcome.index}.count`]: { key: 'knowledge.tag_short', params: { tag: outcome.tag, available: outcome.available, asked: outcome.asked } } })
      }
      const states = new Map(knowledgeRepo.liveItems(db, outcome.itemIds).map((s) => [s.id, s]))
      items = outcome.itemIds.map((itemId) => ({ itemId, revision: states.get(itemId)!.revision }))
    } else {
      const states = new Map(knowledgeRepo.liveItems(db, input.source.itemIds).map((s) => [s.id, s]))
      const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
      input.source.itemIds.forEach((itemId, i) => {
        const state = states.get(itemId)
        if (!state || state.voided) fields[`source.itemIds.${i}`] = { key: 'err.not_found' }
        else if (!state.active) fields[`source.itemIds.${i}`] = { key: 'knowledge.item_inactive' }
      })
      if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
      items = input.source.itemIds.map((itemId) => ({ itemId, revision: states.get(itemId)!.revision }))
    }
    const id = uuidv7(ctx.clock.now().getTime())
    const drawSpec = input.source.method === 'drawn' ? input.source.draws : null
    knowledgeRepo.insertPaper(db, { id, title: input.title, purpose: input.purpose, passMark: input.passMark, method: input.source.method, drawSpec, seed, at: nowIso(ctx), by: actorOf(ctx).id })
    knowledgeRepo.insertPaperItems(db, id, items)
    ctx.auditDetail = JSON.stringify({ title: input.title, method: input.source.method, items: items.length, seed })
    return { id }
  },

  'knowledge:updatePaper'(input, ctx) {
    const { db } = ctx
    const paper = knowledgeRepo.paperState(db, input.id)
    if (!paper) throw notFound()
    if (paper.voided) throw ruleViolation('knowledge.paper_voided')
    if (knowledgeRepo.paperHasSittings(db, input.id)) throw ruleViolation('knowledge.paper_frozen')
    if (paper.revision !== input.revision) throw new AppError('conflict', 'knowledge.stale_revision')
    if (!knowledgeRepo.updatePaper(db, { id: input.id, seen: input.revision, title: input.title, purpose: input.purpose, passMark: input.passMark, at: nowIso(ctx) })) {
      throw new AppError('conflict', 'knowledge.stale_revision')
    }
    ctx.auditDetail = JSON.stringify({ before: { title: paper.title, purpose: paper.purpose, passMark: paper.passMark }, after: { title: input.title, purpose: input.purpose, passMark: input.passMark } })
    return { revision: input.revision + 1 }
  },

  'knowledge:voidPaper'(input, ctx) {
    if (!knowledgeRepo.paperState(ctx.db, input.id)) throw notFound()
    if (!knowledgeRepo.voidPaper(ctx.db, input.id, mark(ctx, input.reason))) throw ruleViolation('knowledge.paper_voided')
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'knowledge:itemAnalysis'(input, ctx) {
    const paper = knowledgeRepo.paperState(ctx.db, input.paperId)
    if (!paper) throw notFound()
    const items = knowledgeRepo.askedItems(ctx.db, input.paperId).map((i) => ({ position: i.position, itemId: i.itemId, stem: i.stem, kind: i.kind, answer: i.answer }))
    return { paperId: paper.id, title: paper.title, ...analyseItems(items, analysedSittings(ctx.db, input.paperId)) }
  },

  'knowledge:settings': (_input, ctx) => ({
    kioskShowsScore: readSetting(ctx.db, 'knowledge.kioskShowsScore'),
    version: settingVersion(ctx.db, 'knowledge.kioskShowsScore'),
  }),

  'knowledge:updateSettings'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'knowledge.kioskShowsScore')) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'knowledge.kioskShowsScore', input.kioskShowsScore)
    ctx.auditDetail = JSON.stringify({ kioskShowsScore: input.kioskShowsScore })
    return null
  },
} satisfies HandlersFor<Pick<typeof knowledgeContract, BankMethods>>
