/** Reads for the knowledge-test screens: the bank, papers, sittings, a sitting's result, the inputs of item analysis. */
import type { AttemptAnswer, ItemKind, ItemOption, KnowledgeItemRow, OptionKey, Paged, PaperDetail, PaperRow, SittingRow } from '../../shared/contract'
import type { Db } from '../db/open'
import { knowledgeRepo } from './knowledgeRepo'

interface ItemDbRow {
  id: string
  kind: ItemKind
  stem: string
  options: string
  answer: string
  explanation: string | null
  tags: string | null
  active: 0 | 1
  revision: number
  updatedAt: string
  voidedAt: string | null
  voidReason: string | null
}

const toItem = (r: ItemDbRow): KnowledgeItemRow => ({
  id: r.id,
  kind: r.kind,
  stem: r.stem,
  options: JSON.parse(r.options) as ItemOption[],
  answer: JSON.parse(r.answer) as OptionKey[],
  explanation: r.explanation,
  tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
  active: r.active === 1,
  revision: r.revision,
  updatedAt: r.updatedAt,
  voided: r.voidedAt ? { at: r.voidedAt, reason: r.voidReason ?? '' } : null,
})

const ITEM_COLUMNS = `i.id, i.kind, i.stem, i.options, i.answer, i.explanation, i.active, i.revision, i.updated_at AS updatedAt,
  i.voided_at AS voidedAt, i.void_reason AS voidReason,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM knowledge_item_tags WHERE item_id = i.id ORDER BY tag)) AS tags`

/**
 * A page of the bank, newest first. The bank holds hundreds of items, so the filters (conditions added only when asked,
 * never `(@x IS NULL OR …)`) and the text search over stems (instr, a scan) read it whole: cheap at that size.
 */
export function itemPage(db: Db, f: { tag?: string | undefined; kind?: ItemKind | undefined; q?: string | undefined; includeInactive: boolean; offset: number; limit: number }): Paged<KnowledgeItemRow> {
  const where: string[] = []
  const args: Record<string, unknown> = { offset: f.offset, limit: f.limit }
  if (!f.includeInactive) where.push('i.active = 1 AND i.voided_at IS NULL')
  if (f.tag) {
    where.push('i.id IN (SELECT item_id FROM knowledge_item_tags WHERE tag = @tag)')
    args.tag = f.tag
  }
  if (f.kind) {
    where.push('i.kind = @kind')
    args.kind = f.kind
  }
  if (f.q) {
    where.push('instr(i.stem, @q) > 0')
    args.q = f.q
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const rows = db.prepare(`SELECT ${ITEM_COLUMNS} FROM knowledge_items i ${clause} ORDER BY i.created_at DESC, i.id DESC LIMIT @limit OFFSET @offset`).all(args) as ItemDbRow[]
  const { n } = db.prepare(`SELECT count(*) AS n FROM knowledge_items i ${clause}`).get(args) as { n: number }
  return { rows: rows.map(toItem), total: n }
}

export const tagCounts = (db: Db) =>
  db
    .prepare(
      `SELECT t.tag, count(*) AS active FROM knowledge_item_tags t JOIN knowledge_items i ON i.id = t.item_id
       WHERE i.active = 1 AND i.voided_at IS NULL GROUP BY t.tag ORDER BY t.tag`,
    )
    .all() as Array<{ tag: string; active: number }>

const PAPER_COLUMNS = `k.id, k.title, k.purpose, k.pass_mark AS passMark, k.method, k.created_at AS createdAt, k.revision,
  k.voided_at AS voidedAt, k.void_reason AS voidReason, k.draw_spec AS drawSpec, k.seed,
  (SELECT count(*) FROM knowledge_paper_items WHERE paper_id = k.id) AS itemCount,
  (SELECT count(*) FROM knowledge_attempts WHERE paper_id = k.id AND voided_at IS NULL) AS sittings`

type PaperDbRow = Omit<PaperRow, 'voided'> & { voidedAt: string | null; voidReason: string | null; drawSpec: string | null; seed: number | null }
const toPaper = ({ voidedAt, voidReason, drawSpec: _d, seed: _s, ...r }: PaperDbRow): PaperRow => ({ ...r, voided: voidedAt ? { at: voidedAt, reason: voidReason ?? '' } : null })

export function paperPage(db: Db, f: { includeVoided: boolean; offset: number; limit: number }): Paged<PaperRow> {
  const clause = f.includeVoided ? '' : 'WHERE k.voided_at IS NULL'
  const rows = db.prepare(`SELECT ${PAPER_COLUMNS} FROM knowledge_papers k ${clause} ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?`).all(f.limit, f.offset) as PaperDbRow[]
  const { n } = db.prepare(`SELECT count(*) AS n FROM knowledge_papers k ${clause}`).get() as { n: number }
  return { rows: rows.map(toPaper), total: n }
}

export function paperDetail(db: Db, id: string): PaperDetail | null {
  const row = db.prepare(`SELECT ${PAPER_COLUMNS} FROM knowledge_papers k WHERE k.id = ?`).get(id) as PaperDbRow | undefined
  if (!row) return null
  return {
    ...toPaper(row),
    draws: row.drawSpec ? (JSON.parse(row.drawSpec) as Array<{ tag: string; count: number }>) : null,
    seed: row.seed,
    frozen: knowledgeRepo.paperHasSittings(db, id),
    items: knowledgeRepo.askedItems(db, id).map(({ tags: _tags, ...item }) => item),
  }
}

const SITTING_COLUMNS = `a.id, a.paper_id AS paperId, k.title AS paperTitle, k.purpose, a.person_id AS personId, p.name AS personName, a.mode, a.status,
  a.started_at AS startedAt, a.answered_on AS answeredOn, a.submitted_at AS submittedAt, a.score, a.passed, k.pass_mark AS passMark,
  CASE WHEN a.status = 'submitted' THEN (SELECT count(*) FROM knowledge_answers WHERE attempt_id = a.id AND correct = 0) END AS wrongWithAnswers,
  (SELECT count(*) FROM knowledge_paper_items WHERE paper_id = a.paper_id) AS itemCount,
  (SELECT count(*) FROM knowledge_answers WHERE attempt_id = a.id) AS answered,
  a.voided_at AS voidedAt, a.void_reason AS voidReason`
const SITTING_FROM = 'FROM knowledge_attempts a JOIN knowledge_papers k ON k.id = a.paper_id JOIN people p ON p.id = a.person_id'

type SittingDbRow = Omit<SittingRow, 'passed' | 'voided' | 'wrongCount'> & {
  passed: 0 | 1 | null
  wrongWithAnswers: number | null
  itemCount: number
  answered: number
  voidedAt: string | null
  voidReason: string | null
}

/** Wrong answers of a submitted sitting: those answered wrong plus those left without an answer row (blank). */
const toSitting = ({ passed, wrongWithAnswers, itemCount, answered, voidedAt, voidReason, ...r }: SittingDbRow): SittingRow => ({
  ...r,
  passed: passed === null ? null : passed === 1,
  wrongCount: wrongWithAnswers === null ? null : wrongWithAnswers + (itemCount - answered),
  voided: voidedAt ? { at: voidedAt, reason: voidReason ?? '' } : null,
})

/** Every sitting of a person, newest first (knowledge_attempts_person). */
export const personSittings = (db: Db, personId: string): SittingRow[] =>
  (db.prepare(`SELECT ${SITTING_COLUMNS} ${SITTING_FROM} WHERE a.person_id = ? ORDER BY a.started_at DESC`).all(personId) as SittingDbRow[]).map(toSitting)

export const sittingById = (db: Db, id: string): SittingRow | null => {
  const row = db.prepare(`SELECT ${SITTING_COLUMNS} ${SITTING_FROM} WHERE a.id = ?`).get(id) as SittingDbRow | undefined
  return row ? toSitting(row) : null
}

/**
 * A page of sittings newest first, of one paper or all, cut to readable wards (null: every ward). Each variant walks an
 * index in order (paper, started) or (started) and stops at the page; the wards are checked per row on the way.
 */
export function sittingPage(db: Db, f: { paperId?: string | undefined; offset: number; limit: number }, wards: readonly string[] | null): Paged<SittingRow> {
  const where: string[] = []
  const args: Record<string, unknown> = { offset: f.offset, limit: f.limit }
  if (f.paperId) {
    where.push('a.paper_id = @paperId')
    args.paperId = f.paperId
  }
  if (wards) {
    where.push('p.ward_id IN (SELECT value FROM json_each(@wards))')
    args.wards = JSON.stringify(wards)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const order = f.paperId ? 'ORDER BY a.paper_id DESC, a.started_at DESC' : 'ORDER BY a.started_at DESC'
  const rows = db.prepare(`SELECT ${SITTING_COLUMNS} ${SITTING_FROM} ${clause} ${order} LIMIT @limit OFFSET @offset`).all(args) as SittingDbRow[]
  const countFrom = wards ? 'FROM knowledge_attempts a JOIN people p ON p.id = a.person_id' : 'FROM knowledge_attempts a'
  const { n } = db.prepare(`SELECT count(*) AS n ${countFrom} ${clause}`).get(args) as { n: number }
  return { rows: rows.map(toSitting), total: n }
}

/** Each item of the sitting's paper as asked, with the answer given (blank when none was saved), the key and why. */
export function attemptAnswers(db: Db, attemptId: string, paperId: string): AttemptAnswer[] {
  const given = new Map(knowledgeRepo.answersOf(db, attemptId).map((a) => [a.position, a]))
  return knowledgeRepo.askedItems(db, paperId).map((item) => {
    const a = given.get(item.position)
    return {
      position: item.position,
      kind: item.kind,
      stem: item.stem,
      options: item.options,
      chosen: a?.chosen ?? [],
      answer: item.answer,
      correct: a?.correct ?? false,
      points: item.points,
      explanation: item.explanation,
    }
  })
}

/** The submitted, live sittings of a paper in submission order with their answers (the input of item analysis). */
export function analysedSittings(db: Db, paperId: string) {
  const attempts = db
    .prepare("SELECT id, score FROM knowledge_attempts WHERE paper_id = ? AND status = 'submitted' AND voided_at IS NULL ORDER BY submitted_at, id")
    .all(paperId) as Array<{ id: string; score: number }>
  return attempts.map((a) => ({ score: a.score, answers: new Map(knowledgeRepo.answersOf(db, a.id).map((r) => [r.position, r])) }))
}

/** Who recorded a sitting (opened the kiosk or typed the sheet in). */
export const recorderName = (db: Db, attemptId: string): string =>
  (db.prepare('SELECT s.display_name AS name FROM knowledge_attempts a JOIN staff s ON s.id = a.recorded_by WHERE a.id = ?').get(attemptId) as { name: string } | undefined)?.name ?? ''
