import type { Db } from '../db/open'

/** A ward row as the rules need it. */
export interface WardRecord {
  id: string
  name: string
  capacity: number
  note: string | null
  active: 0 | 1
  revision: number
}

const SELECT_WARD = 'SELECT id, name, capacity, note, active, revision FROM wards'

export const wardById = (db: Db, id: string) => db.prepare(`${SELECT_WARD} WHERE id = ?`).get(id) as WardRecord | undefined

/** Every ward, active first, by name. */
export const wardsInOrder = (db: Db) => db.prepare(`${SELECT_WARD} ORDER BY active DESC, name`).all() as WardRecord[]

/** Whether another ward (not `exceptId`) already has the name. */
export const wardNameTaken = (db: Db, name: string, exceptId: string | null): boolean =>
  db.prepare('SELECT 1 FROM wards WHERE name = @name AND id IS NOT @exceptId').get({ name, exceptId }) !== undefined

export function insertWardRow(db: Db, w: { id: string; name: string; capacity: number; note: string | null; at: string }): void {
  db.prepare('INSERT INTO wards (id, name, capacity, note, active, created_at, updated_at) VALUES (@id, @name, @capacity, @note, 1, @at, @at)').run(w)
}

/** Writes the edit only if the ward is still at the revision the form showed; false when someone changed it since. */
export function updateWardRow(db: Db, w: { id: string; revision: number; name: string; capacity: number; note: string | null; active: boolean; at: string }): boolean {
  return (
    db
      .prepare('UPDATE wards SET name = ?, capacity = ?, note = ?, active = ?, updated_at = ?, revision = revision + 1 WHERE id = ? AND revision = ?')
      .run(w.name, w.capacity, w.note, w.active ? 1 : 0, w.at, w.id, w.revision).changes === 1
  )
}

// Lookups for other domains (psych)

/** The ward's name, or undefined when there is no such ward. */
export function wardName(db: Db, wardId: string): string | undefined {
  return (db.prepare('SELECT name FROM wards WHERE id = ?').get(wardId) as { name: string } | undefined)?.name
}
