import type { Db } from '../db/open'

/** One person a record concerns, with their current ward (null: a past file). */
export interface RecordPerson {
  personId: string
  wardId: string | null
}

/**
 * A resolver from a record's id to the people it concerns — one for most records, every member for a group record —
 * read by `sql`, which selects `personId` and `wardId` for the id bound to `?`. Ward scoping reads the wards, the
 * read-only guard for released files the people (core/auth/scopeRecords.ts). An unknown id gives none: the handler then
 * answers "not found".
 */
export const recordPeople =
  (sql: string) =>
  (db: Db, id: string): RecordPerson[] =>
    db.prepare(sql).all(id) as RecordPerson[]
