/**
 * Knowledge tests, the sitting side: a kiosk sitting opened by staff and answered by the person (progress saved as they
 * go, then submitted), a paper sitting typed in by staff, results with wrong answers, a person's sittings, voiding.
 * The kiosk's reads never carry the answers; the score reaches the kiosk only when the setting shows it.
 */
import type { knowledgeContract, OptionKey, PersonKnowledge } from '../../shared/contract/knowledge'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRef } from '../people/peopleQueries'
import { uuidv7 } from './ids'
import { attemptAnswers, personSittings, sittingById, sittingPage, recorderName } from './knowledgeQueries'
import { knowledgeRepo, type AskedItem } from './knowledgeRepo'
import { isCorrect, isPassed, maskedName, parseTypedAnswer, scorePercent } from './scoring'
import { readableWards } from '../auth/wardScope'

type SittingMethods =
  | 'knowledge:startSitting' | 'knowledge:sittingPaper' | 'knowledge:saveAnswers' | 'knowledge:submit' | 'knowledge:enterPaperAnswers'
  | 'knowledge:attempt' | 'knowledge:voidAttempt' | 'knowledge:person' | 'knowledge:sittings'

/** A live paper that may be sat (not voided), with its items as asked. */
function livePaper(db: Db, paperId: string) {
  const paper = knowledgeRepo.paperState(db, paperId)
  if (!paper) throw new AppError('invalid_input', 'err.not_found', { field: 'paperId' })
  if (paper.voided) throw ruleViolation('knowledge.paper_voided', 'paperId')
  return { paper, items: knowledgeRepo.askedItems(db, paperId) }
}

function livePerson(db: Db, personId: string) {
  const person = personRef(db, personId)
  if (!person || person.voided) throw new AppError('invalid_input', 'err.not_found', { field: 'personId' })
  return person
}

/** The sitting, open and live, with its paper's items: what saving and submitting need. */
function openSitting(db: Db, attemptId: string) {
  const attempt = knowledgeRepo.attemptState(db, attemptId)
  if (!attempt) throw notFound()
  if (attempt.voided) throw ruleViolation('knowledge.attempt_voided')
  if (attempt.status !== 'open') throw new AppError('conflict', 'knowledge.already_submitted')
  return { attempt, items: knowledgeRepo.askedItems(db, attempt.paperId) }
}

/**
 * Kiosk answers checked against the paper: each position on the paper, once, with keys among its options and one key
 * on a single-choice item; each scored as it is saved (the stored `correct` is what submission sums).
 */
function checkedAnswers(items: readonly AskedItem[], answers: ReadonlyArray<{ position: number; chosen: OptionKey[] }>) {
  const byPosition = new Map(items.map((i) => [i.position, i]))
  const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
  const seen = new Set<number>()
  answers.forEach((a, n) => {
    const item = byPosition.get(a.position)
    if (!item || seen.has(a.position)) fields[`answers.${n}.position`] = { key: 'knowledge.bad_position' }
    else {
      const typed = parseTypedAnswer(a.chosen.join(''), item.kind, item.options.length)
      if (!typed.ok) fields[`answers.${n}.chosen`] = { key: typed.key, params: typed.params }
    }
    seen.add(a.position)
  })
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
  return answers.map((a) => {
    const item = byPosition.get(a.position)!
    const chosen = [...a.chosen].sort()
    return { position: a.position, chosen, correct: isCorrect(item.kind, chosen, item.answer) }
  })
}

/** Scores a sitting from its stored answers (an item without a row is blank, so wrong) and marks it submitted. */
function finish(ctx: Ctx, attemptId: string, items: readonly AskedItem[], passMark: number) {
  const given = new Map(knowledgeRepo.answersOf(ctx.db, attemptId).map((a) => [a.position, a.correct]))
  const score = scorePercent(items.map((i) => ({ points: i.points, correct: given.get(i.position) === true })))
  const passed = isPassed(score, passMark)
  if (!knowledgeRepo.submitAttempt(ctx.db, attemptId, { at: nowIso(ctx), score, passed })) throw new AppError('conflict', 'knowledge.already_submitted')
  return { score, passed }
}

export const sittingHandlers = {
  'knowledge:startSitting'(input, ctx) {
    const { db } = ctx
    const { paper, items } = livePaper(db, input.paperId)
    if (items.length === 0) throw ruleViolation('knowledge.paper_empty', 'paperId')
    livePerson(db, input.personId)
    // One open sitting per person and paper: a kiosk left open is resumed, not doubled.
    const open = knowledgeRepo.openAttemptOf(db, paper.id, input.personId)
    if (open) return { attemptId: open.id }
    const attemptId = uuidv7(ctx.clock.now().getTime())
    knowledgeRepo.insertAttempt(db, { id: attemptId, paperId: paper.id, personId: input.personId, mode: 'kiosk', answeredOn: today(ctx), at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ attemptId, paperId: paper.id, mode: 'kiosk' })
    return { attemptId }
  },

  'knowledge:sittingPaper'(input, ctx) {
    const { db } = ctx
    const attempt = knowledgeRepo.attemptState(db, input.attemptId)
    if (!attempt || attempt.voided) throw notFound()
    const paper = knowledgeRepo.paperState(db, attempt.paperId)!
    const person = personRef(db, attempt.personId)
    // Only what the person may see: no answers, no explanations, no points, no score.
    return {
      attemptId: attempt.id,
      status: attempt.status,
      personLabel: maskedName(person?.name ?? ''),
      title: paper.title,
      items: knowledgeRepo.askedItems(db, attempt.paperId).map((i) => ({ position: i.position, kind: i.kind, stem: i.stem, options: i.options })),
      saved: attempt.status === 'open' ? knowledgeRepo.answersOf(db, attempt.id).map((a) => ({ position: a.position, chosen: a.chosen })) : [],
    }
  },

  'knowledge:saveAnswers'(input, ctx) {
    const { items } = openSitting(ctx.db, input.attemptId)
    knowledgeRepo.writeAnswers(ctx.db, input.attemptId, checkedAnswers(items, input.answers))
    ctx.auditDetail = JSON.stringify({ positions: input.answers.map((a) => a.position) })
    return null
  },

  'knowledge:submit'(input, ctx) {
    const { attempt, items } = openSitting(ctx.db, input.attemptId)
    knowledgeRepo.writeAnswers(ctx.db, input.attemptId, checkedAnswers(items, input.answers))
    const paper = knowledgeRepo.paperState(ctx.db, attempt.paperId)!
    const { score, passed } = finish(ctx, input.attemptId, items, paper.passMark)
    ctx.auditDetail = JSON.stringify({ score, passed })
    const shown = readSetting(ctx.db, 'knowledge.kioskShowsScore')
    return { submitted: true as const, score: shown ? score : null, passed: shown ? passed : null }
  },

  'knowledge:enterPaperAnswers'(input, ctx) {
    const { db } = ctx
    const { paper, items } = livePaper(db, input.paperId)
    const person = livePerson(db, input.personId)
    if (input.answeredOn > today(ctx)) throw ruleViolation('v.date_in_future', 'answeredOn')
    if (input.answeredOn < person.admissionDate) throw ruleViolation('v.date_before_admission', 'answeredOn', { admission: person.admissionDate })
    if (input.answers.length !== items.length) throw ruleViolation('knowledge.answer_count', 'answers', { expected: items.length, got: input.answers.length })
    const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
    const answers = items.map((item, i) => {
      const typed = parseTypedAnswer(input.answers[i]!, item.kind, item.options.length)
      if (!typed.ok) {
        fields[`answers.${i}`] = { key: typed.key, params: typed.params }
        return { position: item.position, chosen: [], correct: false }
      }
      return { position: item.position, chosen: typed.chosen, correct: isCorrect(item.kind, typed.chosen, item.answer) }
    })
    if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
    const attemptId = uuidv7(ctx.clock.now().getTime())
    knowledgeRepo.insertAttempt(db, { id: attemptId, paperId: paper.id, personId: input.personId, mode: 'paper', answeredOn: input.answeredOn, at: nowIso(ctx), by: actorOf(ctx).id })
    // Blanks get no row: a missing answer is blank, as at the kiosk.
    knowledgeRepo.writeAnswers(db, attemptId, answers.filter((a) => a.chosen.length > 0))
    const { score, passed } = finish(ctx, attemptId, items, paper.passMark)
    ctx.auditDetail = JSON.stringify({ attemptId, paperId: paper.id, mode: 'paper', score, passed })
    return { attemptId, score, passed }
  },

  'knowledge:attempt'(input, ctx) {
    const row = sittingById(ctx.db, input.attemptId)
    if (!row) throw notFound()
    return { ...row, recordedBy: recorderName(ctx.db, row.id), answers: attemptAnswers(ctx.db, row.id, row.paperId) }
  },

  'knowledge:voidAttempt'(input, ctx) {
    if (!knowledgeRepo.attemptState(ctx.db, input.attemptId)) throw notFound()
    if (!knowledgeRepo.voidAttempt(ctx.db, input.attemptId, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw ruleViolation('knowledge.attempt_voided')
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'knowledge:person'(input, ctx): PersonKnowledge {
    if (!personRef(ctx.db, input.personId)) throw notFound()
    const sittings = personSittings(ctx.db, input.personId)
    const latest = new Map<string, PersonKnowledge['latestByPurpose'][number]>()
    // Newest first: the first submitted, live sitting of each purpose is its latest (by the day it was answered).
    for (const s of [...sittings].sort((a, b) => b.answeredOn.localeCompare(a.answeredOn) || b.startedAt.localeCompare(a.startedAt))) {
      if (s.voided || s.status !== 'submitted' || latest.has(s.purpose)) continue
      latest.set(s.purpose, { purpose: s.purpose, attemptId: s.id, answeredOn: s.answeredOn, score: s.score!, passed: s.passed! })
    }
    return { sittings, latestByPurpose: [...latest.values()] }
  },

  'knowledge:sittings': (input, ctx) => sittingPage(ctx.db, input, readableWards(ctx)),
} satisfies HandlersFor<Pick<typeof knowledgeContract, SittingMethods>>
