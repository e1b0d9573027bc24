/** Writes and single-row lookups on the item bank, papers, sittings and answers (knowledge tests, migration 013). */
import type { ItemKind, ItemOption, OptionKey } from '../../shared/contract/knowledge'
import type { Db } from '../db/open'

/** An item's content as stored in knowledge_item_revisions.data (what a paper at that revision asked). */
export interface ItemContent {
  kind: ItemKind
  stem: string
  options: ItemOption[]
  answer: OptionKey[]
  explanation: string | null
  tags: string[]
}

export interface ItemState {
  id: string
  revision: number
  active: 0 | 1
  voided: 0 | 1
}

export interface PaperState {
  id: string
  title: string
  purpose: string
  passMark: number
  revision: number
  voided: 0 | 1
}

export interface AttemptState {
  id: string
  paperId: string
  personId: string
  mode: 'kiosk' | 'paper'
  status: 'open' | 'submitted'
  voided: 0 | 1
}

/** A paper's item as asked: its position, points and content at the paper's revision of it. */
export interface AskedItem extends ItemContent {
  position: number
  itemId: string
  itemRevision: number
  points: number
}

export interface VoidMark {
  at: string
  by: string
  reason: string
}

export const knowledgeRepo = {
  insertItem(db: Db, i: { id: string; content: ItemContent; at: string; by: string }) {
    db.prepare(
      `INSERT INTO knowledge_items (id, kind, stem, options, answer, explanation, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(i.id, i.content.kind, i.content.stem, JSON.stringify(i.content.options), JSON.stringify(i.content.answer), i.content.explanation, i.at, i.by, i.at)
  },

  /** The edit, only if the item is still at `seen` and live; false otherwise. */
  updateItem: (db: Db, i: { id: string; seen: number; content: ItemContent; active: boolean; at: string }): boolean =>
    db
      .prepare(
        `UPDATE knowledge_items SET kind = ?, stem = ?, options = ?, answer = ?, explanation = ?, active = ?, revision = revision + 1, updated_at = ?
         WHERE id = ? AND revision = ? AND voided_at IS NULL`,
      )
      .run(i.content.kind, i.content.stem, JSON.stringify(i.content.options), JSON.stringify(i.content.answer), i.content.explanation, i.active ? 1 : 0, i.at, i.id, i.seen)
      .changes === 1,

  setTags(db: Db, itemId: string, tags: readonly string[]) {
    db.prepare('DELETE FROM knowledge_item_tags WHERE item_id = ?').run(itemId)
    const add = db.prepare('INSERT INTO knowledge_item_tags (item_id, tag) VALUES (?, ?)')
    for (const tag of new Set(tags)) add.run(itemId, tag)
  },

  insertItemRevision(db: Db, r: { itemId: string; revision: number; content: ItemContent; at: string; by: string }) {
    db.prepare('INSERT INTO knowledge_item_revisions (item_id, revision, data, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)').run(
      r.itemId, r.revision, JSON.stringify(r.content), r.at, r.by,
    )
  },

  itemState: (db: Db, id: string) =>
    db.prepare('SELECT id, revision, active, voided_at IS NOT NULL AS voided FROM knowledge_items WHERE id = ?').get(id) as ItemState | undefined,

  /** Items by id, live ones only, each at its current revision (for picking a paper). */
  liveItems: (db: Db, ids: readonly string[]) =>
    db
      .prepare('SELECT id, revision, active, voided_at IS NOT NULL AS voided FROM knowledge_items WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as ItemState[],

  voidItem: (db: Db, id: string, m: VoidMark): boolean =>
    db.prepare('UPDATE knowledge_items SET voided_at = ?, voided_by = ?, void_reason = ?, active = 0 WHERE id = ? AND voided_at IS NULL').run(m.at, m.by, m.reason, id)
      .changes === 1,

  /** Active live items carrying a tag (the candidates of a draw). */
  activeIdsWithTag: (db: Db, tag: string) =>
    (
      db
        .prepare('SELECT t.item_id AS id FROM knowledge_item_tags t JOIN knowledge_items i ON i.id = t.item_id WHERE t.tag = ? AND i.active = 1 AND i.voided_at IS NULL')
        .all(tag) as Array<{ id: string }>
    ).map((r) => r.id),

  insertPaper(db: Db, p: { id: string; title: string; purpose: string; passMark: number; method: 'drawn' | 'picked'; drawSpec: unknown; seed: number | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO knowledge_papers (id, title, purpose, pass_mark, method, draw_spec, seed, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.id, p.title, p.purpose, p.passMark, p.method, p.drawSpec === null ? null : JSON.stringify(p.drawSpec), p.seed, p.at, p.by, p.at)
  },

  insertPaperItems(db: Db, paperId: string, items: ReadonlyArray<{ itemId: string; revision: number }>) {
    const add = db.prepare('INSERT INTO knowledge_paper_items (paper_id, position, item_id, item_revision, points) VALUES (?, ?, ?, ?, 1)')
    items.forEach((item, i) => add.run(paperId, i + 1, item.itemId, item.revision))
  },

  paperState: (db: Db, id: string) =>
    db
      .prepare('SELECT id, title, purpose, pass_mark AS passMark, revision, voided_at IS NOT NULL AS voided FROM knowledge_papers WHERE id = ?')
      .get(id) as PaperState | undefined,

  updatePaper: (db: Db, p: { id: string; seen: number; title: string; purpose: string; passMark: number; at: string }): boolean =>
    db
      .prepare('UPDATE knowledge_papers SET title = ?, purpose = ?, pass_mark = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ? AND voided_at IS NULL')
      .run(p.title, p.purpose, p.passMark, p.at, p.id, p.seen).changes === 1,

  voidPaper: (db: Db, id: string, m: VoidMark): boolean =>
    db.prepare('UPDATE knowledge_papers SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(m.at, m.by, m.reason, id).changes === 1,

  /** A sitting of the paper exists (voided ones count too: what was asked must stay as it was). */
  paperHasSittings: (db: Db, paperId: string): boolean =>
    db.prepare('SELECT 1 FROM knowledge_attempts WHERE paper_id = ? LIMIT 1').get(paperId) !== undefined,

  /** The paper's items in order, as asked (content at the revision the paper names). */
  askedItems: (db: Db, paperId: string): AskedItem[] =>
    (
      db
        .prepare(
          `SELECT pi.position, pi.item_id AS itemId, pi.item_revision AS itemRevision, pi.points, r.data
           FROM knowledge_paper_items pi JOIN knowledge_item_revisions r ON r.item_id = pi.item_id AND r.revision = pi.item_revision
           WHERE pi.paper_id = ? ORDER BY pi.position`,
        )
        .all(paperId) as Array<{ position: number; itemId: string; itemRevision: number; points: number; data: string }>
    ).map(({ data, ...r }) => ({ ...r, ...(JSON.parse(data) as ItemContent) })),

  insertAttempt(db: Db, a: { id: string; paperId: string; personId: string; mode: 'kiosk' | 'paper'; answeredOn: string; at: string; by: string }) {
    db.prepare(
      `INSERT INTO knowledge_attempts (id, paper_id, person_id, mode, status, started_at, answered_on, recorded_by)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(a.id, a.paperId, a.personId, a.mode, a.at, a.answeredOn, a.by)
  },

  attemptState: (db: Db, id: string) =>
    db
      .prepare('SELECT id, paper_id AS paperId, person_id AS personId, mode, status, voided_at IS NOT NULL AS voided FROM knowledge_attempts WHERE id = ?')
      .get(id) as AttemptState | undefined,

  openAttemptOf: (db: Db, paperId: string, personId: string) =>
    db
      .prepare("SELECT id FROM knowledge_attempts WHERE person_id = ? AND paper_id = ? AND status = 'open' AND voided_at IS NULL")
      .get(personId, paperId) as { id: string } | undefined,

  /** The answers given so far (or at submission), by position. */
  answersOf: (db: Db, attemptId: string) =>
    (db.prepare('SELECT position, chosen, correct FROM knowledge_answers WHERE attempt_id = ? ORDER BY position').all(attemptId) as Array<{ position: number; chosen: string; correct: 0 | 1 }>).map(
      (r) => ({ position: r.position, chosen: JSON.parse(r.chosen) as OptionKey[], correct: r.correct === 1 }),
    ),

  writeAnswers(db: Db, attemptId: string, rows: ReadonlyArray<{ position: number; chosen: readonly string[]; correct: boolean }>) {
    const put = db.prepare(
      `INSERT INTO knowledge_answers (attempt_id, position, chosen, correct) VALUES (?, ?, ?, ?)
       ON CONFLICT (attempt_id, position) DO UPDATE SET chosen = excluded.chosen, correct = excluded.correct`,
    )
    for (const r of rows) put.run(attemptId, r.position, JSON.stringify(r.chosen), r.correct ? 1 : 0)
  },

  /** Marks an open, live sitting submitted with its score; false when it was submitted or voided meanwhile. */
  submitAttempt: (db: Db, id: string, s: { at: string; score: number; passed: boolean }): boolean =>
    db
      .prepare("UPDATE knowledge_attempts SET status = 'submitted', submitted_at = ?, score = ?, passed = ? WHERE id = ? AND status = 'open' AND voided_at IS NULL")
      .run(s.at, s.score, s.passed ? 1 : 0, id).changes === 1,

  voidAttempt: (db: Db, id: string, m: VoidMark): boolean =>
    db.prepare('UPDATE knowledge_attempts SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(m.at, m.by, m.reason, id).changes === 1,
}
