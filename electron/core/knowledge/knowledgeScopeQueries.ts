import type { Db } from '../db/open'

/** The current ward of the person of a knowledge-test sitting (null: a past file); none for an unknown id. */
export const wardsOfKnowledgeAttempt = (db: Db, id: string): Array<string | null> =>
  (db.prepare('SELECT p.ward_id AS wardId FROM knowledge_attempts a JOIN people p ON p.id = a.person_id WHERE a.id = ?').all(id) as Array<{ wardId: string | null }>).map(
    (r) => r.wardId,
  )
