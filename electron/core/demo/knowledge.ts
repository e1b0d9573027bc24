/**
 * Demo knowledge tests: the starter bank (knowledgeItems.ts), one paper drawn from it (禁毒知识 ×8, 法律常识 ×2, a fixed
 * seed) and submitted sittings for about one person in four, answered on paper or at the kiosk, so the sittings list,
 * the person section and the item analysis show real figures. Its own generator, so it does not shift other demo data.
 */
import { OPTION_KEYS, type OptionKey } from '../../shared/contract/knowledge'
import { addDays } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { drawItems } from '../knowledge/draw'
import { uuidv7 } from '../knowledge/ids'
import { knowledgeRepo, type ItemContent } from '../knowledge/knowledgeRepo'
import { isCorrect, isPassed, scorePercent } from '../knowledge/scoring'
import { mulberry32 } from './random'
import { DEMO_ITEMS } from './knowledgeItems'

export function seedKnowledge(db: Db, seed: number, people: ReadonlyArray<{ id: string; admissionDate: string }>, staffId: string, at: string, today: string): void {
  const random = mulberry32(seed * 7 + 13)
  const atMs = Date.parse(at)
  const ids = DEMO_ITEMS.map((item, i) => {
    const id = uuidv7(atMs - (DEMO_ITEMS.length - i) * 1000)
    const content: ItemContent = {
      kind: item.answer.length > 1 ? 'multiple' : 'single',
      stem: item.stem,
      options: item.options.map((text, n) => ({ key: OPTION_KEYS[n]!, text })),
      answer: item.answer.map((n) => OPTION_KEYS[n]!),
      explanation: item.explanation,
      tags: [item.tag],
    }
    knowledgeRepo.insertItem(db, { id, content, at, by: staffId })
    knowledgeRepo.setTags(db, id, content.tags)
    knowledgeRepo.insertItemRevision(db, { itemId: id, revision: 1, content, at, by: staffId })
    return { id, tag: item.tag }
  })
  const draws = [{ tag: '禁毒知识', count: 8 }, { tag: '法律常识', count: 2 }]
  const drawn = drawItems(draws, (tag) => ids.filter((i) => i.tag === tag).map((i) => i.id), 2026)
  if (!drawn.ok) throw new Error('the demo bank is too small for its paper')
  const paperId = uuidv7(atMs)
  knowledgeRepo.insertPaper(db, { id: paperId, title: '禁毒知识测试（一）', purpose: '禁毒知识', passMark: 60, method: 'drawn', drawSpec: draws, seed: 2026, at, by: staffId })
  knowledgeRepo.insertPaperItems(db, paperId, drawn.itemIds.map((itemId) => ({ itemId, revision: 1 })))
  const asked = knowledgeRepo.askedItems(db, paperId)
  for (const person of people) {
    if (random() > 0.25) continue
    const answeredOn = addDays(person.admissionDate, 20 + Math.floor(random() * 60))
    if (answeredOn > today) continue
    // Each person's chance of knowing an answer; the harder (multiple-choice) items are known less often.
    const ability = 0.45 + random() * 0.5
    const answers = asked.map((item) => {
      const knows = random() < (item.kind === 'multiple' ? ability * 0.75 : ability)
      const wrong = item.options.filter((o) => !item.answer.includes(o.key)).map((o) => o.key)
      const chosen: OptionKey[] = knows ? [...item.answer] : item.kind === 'multiple' ? [...item.answer.slice(0, 1), wrong[0]!].sort() : [wrong[Math.floor(random() * wrong.length)]!]
      return { position: item.position, chosen, correct: isCorrect(item.kind, chosen, item.answer) }
    })
    const attemptId = uuidv7(Date.parse(`${answeredOn}T02:00:00Z`))
    const mode = random() < 0.5 ? 'kiosk' : 'paper'
    const startedAt = `${answeredOn}T02:00:00.000Z`
    knowledgeRepo.insertAttempt(db, { id: attemptId, paperId, personId: person.id, mode, answeredOn, at: startedAt, by: staffId })
    knowledgeRepo.writeAnswers(db, attemptId, answers)
    const score = scorePercent(answers.map((a) => ({ points: 1, correct: a.correct })))
    knowledgeRepo.submitAttempt(db, attemptId, { at: `${answeredOn}T02:30:00.000Z`, score, passed: isPassed(score, 60) })
  }
}
