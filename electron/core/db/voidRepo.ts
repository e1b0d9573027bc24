import type { Db } from './open'

/**
 * Tables whose rows are voided (never deleted). Each has `voided_at`, `voided_by` and `void_reason` columns; the
 * list is closed so a table name never comes from input.
 */
export type VoidableTable = 'people' | 'term_events' | 'assessments' | 'counselling_sessions' | 'fitness_tests' | 'fitness_contraindications'

const VOIDABLE: ReadonlySet<string> = new Set<VoidableTable>(['people', 'term_events', 'assessments', 'counselling_sessions', 'fitness_tests', 'fitness_contraindications'])

export interface VoidMark {
  at: string
  by: string
  reason: string
}

/**
 * The one "void with a reason" for every record type: marks a live row voided, with who, when and why. Returns false
 * when there is no live row with that id (missing or already voided), so the caller can answer not-found or
 * "already voided" as its rules say; nothing is deleted.
 */
export function voidRow(db: Db, table: VoidableTable, id: string, mark: VoidMark): boolean {
  if (!VOIDABLE.has(table)) throw new Error(`not a voidable table: ${table}`)
  const result = db
    .prepare(`UPDATE ${table} SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL`)
    .run(mark.at, mark.by, mark.reason, id)
  return result.changes === 1
}
