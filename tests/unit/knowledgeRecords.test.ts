/**
 * Knowledge tests through the dispatcher on a real database: the bank (field rules, revisions, void), drawing and
 * picking papers, frozen papers, kiosk sittings that never carry the answers, typed paper sittings refused at the
 * field, results and wrong answers, a person's latest score per purpose, voiding, and ward scoping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

let w: World
let admin: string
let personA: string
let personB: string

const single = (stem: string, tags = ['禁毒知识']): Input<'knowledge:createItem'> => ({ kind: 'single', stem, options: ['甲', '乙', '丙', '丁'], answer: ['A'], explanation: `${stem}的解析`, tags })
const addItem = (input: Input<'knowledge:createItem'>) => ok(call(w.dispatch, 'knowledge:createItem', input, admin)).id

beforeEach(() => {
  w = makeWorld(['vocational', 'ward_officer'])
  admin = w.sessions.admin!
  personA = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id
  personB = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15' }), admin)).id
})
afterEach(() => w.close())

describe('the item bank', () => {
  it.each([
    ['one option', { options: ['甲'] }, 'options', /^knowledge\.options_count/],
    ['nine options', { options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }, 'options', /^knowledge\.options_count/],
    ['two answers on a single', { answer: ['A', 'B'] }, 'answer', /^knowledge\.answer_single$/],
    ['one answer on a multiple', { kind: 'multiple', answer: ['A'] }, 'answer', /^knowledge\.answer_multiple$/],
    ['an answer outside the options', { answer: ['E'] }, 'answer', /^knowledge\.answer_outside/],
    ['a stem over 500 characters', { stem: '题'.repeat(501) }, 'stem', /^v\.too_long/],
  ] as const)('refuses %s at the field and stores nothing', (_label, change, field, key) => {
    const e = err(call(w.dispatch, 'knowledge:createItem', { ...single('题'), ...change } as Input<'knowledge:createItem'>, admin))
    expect(e.fields?.[field]).toMatch(key)
    expect(count(w.db, 'knowledge_items')).toBe(0)
  })

  it('keeps every revision, refuses a stale one, filters by tag, kind and text, voids with a reason', () => {
    const id = addItem(single('国际禁毒日是哪一天'))
    addItem({ kind: 'multiple', stem: '下列属于毒品的有', options: ['海洛因', '冰毒', '大米'], answer: ['A', 'B'], tags: ['禁毒知识'] })
    addItem(single('法律常识题', ['法律常识']))
    const edit = { id, revision: 1, active: true, ...single('国际禁毒日是每年哪一天'), tags: ['禁毒知识', '常识'] }
    expect(ok(call(w.dispatch, 'knowledge:updateItem', edit, admin))).toEqual({ revision: 2 })
    expect(err(call(w.dispatch, 'knowledge:updateItem', edit, admin)).code).toBe('conflict')
    const revisions = w.db.prepare('SELECT revision, data FROM knowledge_item_revisions WHERE item_id = ? ORDER BY revision').all(id) as Array<{ revision: number; data: string }>
    expect(revisions.map((r) => (JSON.parse(r.data) as { stem: string }).stem)).toEqual(['国际禁毒日是哪一天', '国际禁毒日是每年哪一天'])
    expect(ok(call(w.dispatch, 'knowledge:items', { tag: '禁毒知识' }, admin)).total).toBe(2)
    expect(ok(call(w.dispatch, 'knowledge:items', { kind: 'multiple' }, admin)).rows.map((r) => r.stem)).toEqual(['下列属于毒品的有'])
    expect(ok(call(w.dispatch, 'knowledge:items', { q: '禁毒日' }, admin)).rows.map((r) => r.tags)).toEqual([['常识', '禁毒知识']])
    expect(ok(call(w.dispatch, 'knowledge:tags', {}, admin))).toEqual([{ tag: '常识', active: 1 }, { tag: '法律常识', active: 1 }, { tag: '禁毒知识', active: 2 }])
    ok(call(w.dispatch, 'knowledge:voidItem', { id, reason: '题目重复' }, admin))
    expect(ok(call(w.dispatch, 'knowledge:items', { tag: '禁毒知识' }, admin)).total).toBe(1)
    expect(err(call(w.dispatch, 'knowledge:voidItem', { id, reason: '题目重复' }, admin)).key).toBe('knowledge.item_voided')
  })
})

/** A bank of 12 禁毒知识 items and 3 法律常识 items. */
function seedBank(): { drug: string[]; law: string[] } {
  const drug = Array.from({ length: 12 }, (_, i) => addItem(single(`禁毒题${i + 1}`)))
  const law = Array.from({ length: 3 }, (_, i) => addItem(single(`法律题${i + 1}`, ['法律常识'])))
  return { drug, law }
}

describe('papers', () => {
  it('drawn by tag and count: reproducible with the stored seed, refused when a tag is short', () => {
    seedBank()
    const draws = [{ tag: '禁毒知识', count: 8 }, { tag: '法律常识', count: 2 }]
    const one = ok(call(w.dispatch, 'knowledge:createPaper', { title: '禁毒知识测试', purpose: '禁毒知识', source: { method: 'drawn', draws } }, admin)).id
    const paper = ok(call(w.dispatch, 'knowledge:paper', { id: one }, admin))
    expect(paper).toMatchObject({ method: 'drawn', itemCount: 10, passMark: 60, draws, frozen: false })
    expect(paper.items.slice(0, 8).every((i) => i.stem.startsWith('禁毒题'))).toBe(true)
    expect(paper.items.slice(8).every((i) => i.stem.startsWith('法律题'))).toBe(true)
    const again = ok(call(w.dispatch, 'knowledge:createPaper', { title: '重抽', purpose: '禁毒知识', source: { method: 'drawn', draws, seed: paper.seed! } }, admin)).id
    expect(ok(call(w.dispatch, 'knowledge:paper', { id: again }, admin)).items.map((i) => i.itemId)).toEqual(paper.items.map((i) => i.itemId))
    const before = count(w.db, 'knowledge_papers')
    const short = err(call(w.dispatch, 'knowledge:createPaper', { title: '不够', purpose: '禁毒知识', source: { method: 'drawn', draws: [{ tag: '禁毒知识', count: 2 }, { tag: '法律常识', count: 4 }] } }, admin))
    expect(short.fields?.['source.draws.1.count']).toBe('knowledge.tag_short|{"tag":"法律常识","available":3,"asked":4}')
    expect(count(w.db, 'knowledge_papers')).toBe(before)
  })

  it('picked in the chosen order; frozen once a sitting exists; the paper keeps the revision asked', () => {
    const { drug } = seedBank()
    const id = ok(call(w.dispatch, 'knowledge:createPaper', { title: '手选卷', purpose: '禁毒知识', passMark: 80, source: { method: 'picked', itemIds: [drug[2]!, drug[0]!] } }, admin)).id
    expect(ok(call(w.dispatch, 'knowledge:paper', { id }, admin)).items.map((i) => i.stem)).toEqual(['禁毒题3', '禁毒题1'])
    expect(ok(call(w.dispatch, 'knowledge:updatePaper', { id, revision: 1, title: '手选卷（改）', purpose: '禁毒知识', passMark: 60 }, admin))).toEqual({ revision: 2 })
    ok(call(w.dispatch, 'knowledge:startSitting', { paperId: id, personId: personA }, admin))
    expect(err(call(w.dispatch, 'knowledge:updatePaper', { id, revision: 2, title: '再改', purpose: '禁毒知识', passMark: 60 }, admin)).key).toBe('knowledge.paper_frozen')
    // Editing the bank item later does not change what the paper asked.
    ok(call(w.dispatch, 'knowledge:updateItem', { id: drug[2]!, revision: 1, active: true, ...single('禁毒题3（新版）') }, admin))
    expect(ok(call(w.dispatch, 'knowledge:paper', { id }, admin)).items[0]).toMatchObject({ stem: '禁毒题3', itemRevision: 1 })
    expect(err(call(w.dispatch, 'knowledge:createPaper', { title: '重复', purpose: '禁毒知识', source: { method: 'picked', itemIds: [drug[0]!, drug[0]!] } }, admin)).fields?.['source.itemIds']).toBe('knowledge.item_twice')
  })
})

function tenItemPaper(): string {
  const ids = [
    ...Array.from({ length: 8 }, (_, i) => addItem(single(`禁毒题${i + 1}`))),
    addItem({ kind: 'multiple', stem: '多选一', options: ['甲', '乙', '丙', '丁'], answer: ['B', 'D'], tags: ['禁毒知识'] }),
    addItem({ kind: 'multiple', stem: '多选二', options: ['甲', '乙', '丙'], answer: ['A', 'B', 'C'], tags: ['禁毒知识'] }),
  ]
  return ok(call(w.dispatch, 'knowledge:createPaper', { title: '十题卷', purpose: '禁毒知识', source: { method: 'picked', itemIds: ids } }, admin)).id
}

describe('kiosk sittings', () => {
  it('shows stems and options only, saves as the person goes, scores on submission, keeps the wrong answers', () => {
    const paperId = tenItemPaper()
    const { attemptId } = ok(call(w.dispatch, 'knowledge:startSitting', { paperId, personId: personA }, w.sessions.vocational!))
    // Starting again resumes the open sitting.
    expect(ok(call(w.dispatch, 'knowledge:startSitting', { paperId, personId: personA }, admin)).attemptId).toBe(attemptId)
    const seen = ok(call(w.dispatch, 'knowledge:sittingPaper', { attemptId }, admin))
    expect(seen.personLabel).toBe('张*')
    expect(seen.items).toHaveLength(10)
    const text = JSON.stringify(seen)
    expect(text).not.toMatch(/answer|explanation|解析|points|score/)
    expect(Object.keys(seen.items[0]!).sort()).toEqual(['kind', 'options', 'position', 'stem'])
    ok(call(w.dispatch, 'knowledge:saveAnswers', { attemptId, answers: [{ position: 1, chosen: ['A'] }, { position: 2, chosen: ['B'] }] }, admin))
    expect(ok(call(w.dispatch, 'knowledge:sittingPaper', { attemptId }, admin)).saved).toEqual([{ position: 1, chosen: ['A'] }, { position: 2, chosen: ['B'] }])
    expect(err(call(w.dispatch, 'knowledge:saveAnswers', { attemptId, answers: [{ position: 3, chosen: ['A', 'B'] }] }, admin)).fields?.['answers.0.chosen']).toBe('knowledge.typed_single')
    expect(err(call(w.dispatch, 'knowledge:saveAnswers', { attemptId, answers: [{ position: 11, chosen: ['A'] }] }, admin)).fields?.['answers.0.position']).toBe('knowledge.bad_position')
    // 1 right, 2 wrong, 3–8 right, 9 a subset (wrong), 10 exact: 8 of 10 → 80. Setting off: the kiosk gets no score.
    const rest = [3, 4, 5, 6, 7, 8].map((position) => ({ position, chosen: ['A' as const] }))
    const submitted = ok(call(w.dispatch, 'knowledge:submit', { attemptId, answers: [...rest, { position: 9, chosen: ['B'] }, { position: 10, chosen: ['C', 'A', 'B'] }] }, admin))
    expect(submitted).toEqual({ submitted: true, score: null, passed: null })
    expect(err(call(w.dispatch, 'knowledge:submit', { attemptId, answers: [] }, admin)).key).toBe('knowledge.already_submitted')
    const result = ok(call(w.dispatch, 'knowledge:attempt', { attemptId }, admin))
    expect(result).toMatchObject({ status: 'submitted', score: 80, passed: true, wrongCount: 2, mode: 'kiosk' })
    expect(result.answers.filter((a) => !a.correct).map((a) => [a.position, a.chosen, a.answer])).toEqual([[2, ['B'], ['A']], [9, ['B'], ['B', 'D']]])
    expect(result.answers[1]!.explanation).toBe('禁毒题2的解析')
  })

  it('shows the score at the kiosk when the setting says so; a blank item counts wrong', () => {
    const paperId = tenItemPaper()
    const { version } = ok(call(w.dispatch, 'knowledge:settings', {}, admin))
    ok(call(w.dispatch, 'knowledge:updateSettings', { kioskShowsScore: true, version }, admin))
    const { attemptId } = ok(call(w.dispatch, 'knowledge:startSitting', { paperId, personId: personA }, admin))
    const answers = [1, 2, 3, 4, 5].map((position) => ({ position, chosen: ['A' as const] }))
    expect(ok(call(w.dispatch, 'knowledge:submit', { attemptId, answers }, admin))).toEqual({ submitted: true, score: 50, passed: false })
    expect(ok(call(w.dispatch, 'knowledge:attempt', { attemptId }, admin)).wrongCount).toBe(5)
  })
})

describe('paper sittings typed in by staff', () => {
  it('refuses a letter outside the options and several on a single item, at the field, writing nothing', () => {
    const paperId = tenItemPaper()
    const answers = ['E', 'AB', 'A', 'A', 'A', 'A', 'A', 'A', 'BD', 'ABC']
    const e = err(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personA, answeredOn: TODAY, answers }, admin))
    expect(e.fields).toEqual({ 'answers.0': 'knowledge.typed_outside|{"found":"E","last":"D"}', 'answers.1': 'knowledge.typed_single' })
    expect(count(w.db, 'knowledge_attempts')).toBe(0)
    expect(err(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personA, answeredOn: TODAY, answers: ['A'] }, admin)).fields?.answers).toMatch(/^knowledge\.answer_count/)
  })

  it('scores a sheet; the person’s latest per purpose leaves out voided sittings', () => {
    const paperId = tenItemPaper()
    const first = ok(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personA, answeredOn: '2026-11-01', answers: ['A', 'A', 'A', 'A', 'A', 'B', '', 'C', 'DB', 'ABC'] }, admin))
    expect(first).toMatchObject({ score: 70, passed: true })
    const second = ok(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personA, answeredOn: '2026-11-20', answers: ['a', 'b', 'c', '', '', '', '', '', 'b', 'abc'] }, admin))
    expect(second).toMatchObject({ score: 20, passed: false })
    let mine = ok(call(w.dispatch, 'knowledge:person', { personId: personA }, admin))
    expect(mine.sittings.map((s) => [s.score, s.wrongCount, s.mode])).toEqual([[20, 8, 'paper'], [70, 3, 'paper']])
    expect(mine.latestByPurpose).toEqual([{ purpose: '禁毒知识', attemptId: second.attemptId, answeredOn: '2026-11-20', score: 20, passed: false }])
    ok(call(w.dispatch, 'knowledge:voidAttempt', { attemptId: second.attemptId, reason: '录错了人' }, admin))
    mine = ok(call(w.dispatch, 'knowledge:person', { personId: personA }, admin))
    expect(mine.latestByPurpose.map((l) => l.score)).toEqual([70])
    expect(mine.sittings[0]!.voided?.reason).toBe('录错了人')
    // Voided sittings leave the item analysis.
    expect(ok(call(w.dispatch, 'knowledge:itemAnalysis', { paperId }, admin))).toMatchObject({ sittings: 1, reliable: false, meanScore: 70 })
  })
})

describe('ward scope', () => {
  it('an officer of 一大队 reads his people’s sittings only', () => {
    const paperId = tenItemPaper()
    const sheet = ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'BD', 'ABC']
    ok(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personA, answeredOn: TODAY, answers: sheet }, admin))
    const other = ok(call(w.dispatch, 'knowledge:enterPaperAnswers', { paperId, personId: personB, answeredOn: TODAY, answers: sheet }, admin))
    const officer = w.sessions.ward_officer!
    expect(ok(call(w.dispatch, 'knowledge:sittings', {}, officer)).rows.map((r) => r.personName)).toEqual(['张三'])
    expect(ok(call(w.dispatch, 'knowledge:sittings', { paperId }, admin)).total).toBe(2)
    expect(err(call(w.dispatch, 'knowledge:person', { personId: personB }, officer)).key).toBe('err.ward_forbidden')
    expect(err(call(w.dispatch, 'knowledge:attempt', { attemptId: other.attemptId }, officer)).key).toBe('err.ward_forbidden')
    // Officers read; they do not record.
    expect(err(call(w.dispatch, 'knowledge:startSitting', { paperId, personId: personA }, officer)).code).toBe('forbidden')
  })
})
