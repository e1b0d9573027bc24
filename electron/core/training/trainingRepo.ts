/** Writes and lookups on training groups, memberships, sessions, attendance and intensity entries. */
import type { AbsenceReason } from '../../shared/domain/training'
import type { Db } from '../db/open'

export interface GroupRecord {
  id: string
  wardId: string
  name: string
  trainerId: string
  intensity: string | null
  note: string | null
  active: 0 | 1
  revision: number
}

export interface MembershipRecord {
  id: string
  groupId: string
  personId: string
  joinedOn: string
  leftOn: string | null
}

export interface SessionFields {
  date: string
  startTime: string
  durationMinutes: number
  content: string
  intensity: string | null
  note: string | null
}

export interface AttendanceRecord {
  personId: string
  present: boolean
  reason: AbsenceReason | null
  reasonText: string | null
  note: string | null
}

const SELECT_GROUP = `SELECT id, ward_id AS wardId, name, trainer_id AS trainerId, intensity, note, active, revision FROM training_groups`
const SELECT_MEMBERSHIP = `SELECT id, group_id AS groupId, person_id AS personId, joined_on AS joinedOn, left_on AS leftOn FROM training_members`

export const trainingRepo = {
  groupById: (db: Db, id: string) => db.prepare(`${SELECT_GROUP} WHERE id = ?`).get(id) as GroupRecord | undefined,

  groupNameTaken: (db: Db, wardId: string, name: string, exceptId: string | null): boolean =>
    db.prepare('SELECT 1 FROM training_groups WHERE ward_id = ? AND name = ? AND id IS NOT ?').get(wardId, name, exceptId) !== undefined,

  insertGroup(db: Db, g: { id: string; wardId: string; name: string; trainerId: string; intensity: string | null; note: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO training_groups (id, ward_id, name, trainer_id, intensity, note, created_at, created_by, updated_at)
       VALUES (@id, @wardId, @name, @trainerId, @intensity, @note, @at, @by, @at)`,
    ).run(g)
  },

  /** Writes the edit only if the group is still at `seen`; false otherwise (someone changed it in between). */
  updateGroup(db: Db, g: { id: string; seen: number; name: string; trainerId: string; intensity: string | null; note: string | null; at: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE training_groups SET name = @name, trainer_id = @trainerId, intensity = @intensity, note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen`,
        )
        .run(g).changes === 1
    )
  },

  setGroupActive: (db: Db, id: string, seen: number, active: boolean, at: string): boolean =>
    db.prepare('UPDATE training_groups SET active = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?').run(active ? 1 : 0, at, id, seen)
      .changes === 1,

  membershipById: (db: Db, id: string) => db.prepare(`${SELECT_MEMBERSHIP} WHERE id = ?`).get(id) as MembershipRecord | undefined,

  /** Every stretch of this person in this group (a few at most). */
  membershipsOf: (db: Db, groupId: string, personId: string) =>
    db.prepare(`${SELECT_MEMBERSHIP} WHERE person_id = ? AND group_id = ?`).all(personId, groupId) as MembershipRecord[],

  /** The memberships of a group that cover `date` (its roster that day). */
  membersOn: (db: Db, groupId: string, date: string) =>
    db.prepare(`${SELECT_MEMBERSHIP} WHERE group_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)`).all(groupId, date, date) as MembershipRecord[],

  insertMembership(db: Db, m: { id: string; groupId: string; personId: string; joinedOn: string; note: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO training_members (id, group_id, person_id, joined_on, note, recorded_at, recorded_by)
       VALUES (@id, @groupId, @personId, @joinedOn, @note, @at, @by)`,
    ).run(m)
  },

  /** Ends a membership still open; false when it was ended meanwhile. */
  endMembership: (db: Db, id: string, leftOn: string, by: string): boolean =>
    db.prepare('UPDATE training_members SET left_on = ?, ended_by = ? WHERE id = ? AND left_on IS NULL').run(leftOn, by, id).changes === 1,

  /** The first live session of the group on or after `from` that lists the person (a membership cannot end before it). */
  firstAttendanceFrom: (db: Db, groupId: string, personId: string, from: string) =>
    (
      db
        .prepare(
          `SELECT min(s.session_date) AS date FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
           WHERE a.person_id = ? AND s.group_id = ? AND s.session_date >= ? AND s.voided_at IS NULL`,
        )
        .get(personId, groupId, from) as { date: string | null }
    ).date,

  insertSession(db: Db, s: SessionFields & { id: string; groupId: string; wardId: string; at: string; by: string }) {
    db.prepare(
      `INSERT INTO training_sessions (id, group_id, ward_id, session_date, start_time, duration_minutes, content, intensity, note, recorded_at, recorded_by, updated_at)
       VALUES (@id, @groupId, @wardId, @date, @startTime, @durationMinutes, @content, @intensity, @note, @at, @by, @at)`,
    ).run(s)
  },

  /** An edit's fields, only if the session is still at `seen` and live. */
  updateSession: (db: Db, id: string, seen: number, s: SessionFields, at: string): boolean =>
    db
      .prepare(
        `UPDATE training_sessions SET session_date = @date, start_time = @startTime, duration_minutes = @durationMinutes, content = @content,
           intensity = @intensity, note = @note, revision = revision + 1, updated_at = @at
         WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
      )
      .run({ ...s, id, seen, at }).changes === 1,

  /**
   * The session's attendance as now recorded. An edit replaces the rows whole (the date, and with it the roster, may
   * change); every earlier state stays in training_session_revisions.
   */
  writeAttendance(db: Db, sessionId: string, rows: readonly AttendanceRecord[]) {
    db.prepare('DELETE FROM training_attendance WHERE session_id = ?').run(sessionId)
    const add = db.prepare(
      'INSERT INTO training_attendance (session_id, person_id, present, reason, reason_text, note) VALUES (?, ?, ?, ?, ?, ?)',
    )
    for (const a of rows) add.run(sessionId, a.personId, a.present ? 1 : 0, a.present ? null : a.reason, a.present ? null : a.reasonText, a.note)
  },

  insertRevision(db: Db, r: { id: string; sessionId: string; revision: number; data: unknown; at: string; by: string }) {
    db.prepare('INSERT INTO training_session_revisions (id, session_id, revision, data, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      r.id, r.sessionId, r.revision, JSON.stringify(r.data), r.at, r.by,
    )
  },

  sessionState: (db: Db, id: string) =>
    db.prepare('SELECT group_id AS groupId, ward_id AS wardId, revision, voided_at IS NOT NULL AS voided FROM training_sessions WHERE id = ?').get(id) as
      | { groupId: string; wardId: string; revision: number; voided: 0 | 1 }
      | undefined,

  /** The newest intensity entry of a person (by date, then by when it was set). */
  latestIntensity: (db: Db, personId: string) =>
    db.prepare('SELECT id, from_date AS fromDate FROM person_intensity WHERE person_id = ? ORDER BY from_date DESC, set_at DESC LIMIT 1').get(personId) as
      | { id: string; fromDate: string }
      | undefined,

  insertIntensity(db: Db, e: { id: string; personId: string; fromDate: string; intensity: string; note: string | null; at: string; by: string }) {
    db.prepare('INSERT INTO person_intensity (id, person_id, from_date, intensity, note, set_at, set_by) VALUES (@id, @personId, @fromDate, @intensity, @note, @at, @by)').run(e)
  },

  /** Whether any record names the intensity key (a key in use cannot be removed from the setting). */
  intensityInUse: (db: Db, key: string): boolean =>
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM training_groups WHERE intensity = @key) OR EXISTS (SELECT 1 FROM training_sessions WHERE intensity = @key)
           OR EXISTS (SELECT 1 FROM person_intensity WHERE intensity = @key) AS used`,
      )
      .pluck()
      .get({ key }) === 1,
}
