/** Lists and screens of exercise training: a ward's groups, a group's members and roster, sessions, a person's record. */
import type {
  IntensityEntry,
  PersonTraining,
  PersonTrainingMonth,
  TrainingGroupRow,
  TrainingMemberRow,
  TrainingRosterRow,
  TrainingSessionDetail,
  TrainingSessionRow,
} from '../../shared/contract/training'
import type { Paged } from '../../shared/contract/common'
import type { AbsenceReason } from '../../shared/domain/training'
import { memberOn } from '../../shared/domain/training'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'
import { personRefsByIds } from '../people/peopleQueries'

const ON_DAY = 'joined_on <= @day AND (left_on IS NULL OR left_on > @day)'

export function groupRows(db: Db, wardId: string, includeInactive: boolean, today: string): TrainingGroupRow[] {
  const rows = db
    .prepare(
      `SELECT g.id, g.ward_id AS wardId, g.name, g.trainer_id AS trainerId, g.intensity, g.note, g.active, g.revision,
              (SELECT count(*) FROM training_members m WHERE m.group_id = g.id AND m.${ON_DAY}) AS memberCount,
              (SELECT max(s.session_date) FROM training_sessions s WHERE s.group_id = g.id AND s.voided_at IS NULL) AS lastSessionDate
       FROM training_groups g WHERE g.ward_id = @wardId AND (@all = 1 OR g.active = 1)
       ORDER BY g.active DESC, g.name`,
    )
    .all({ wardId, all: includeInactive ? 1 : 0, day: today }) as Array<Omit<TrainingGroupRow, 'active' | 'trainerName'> & { active: 0 | 1 }>
  const trainers = staffNamesByIds(db, rows.map((r) => r.trainerId))
  return rows.map((r) => ({ ...r, active: r.active === 1, trainerName: trainers.get(r.trainerId) ?? '' }))
}

/** Every membership of a group, current ones first, each part by name (pinyin). */
export function memberRows(db: Db, groupId: string, today: string): TrainingMemberRow[] {
  const rows = db
    .prepare('SELECT id, person_id AS personId, joined_on AS joinedOn, left_on AS leftOn FROM training_members WHERE group_id = ? ORDER BY joined_on')
    .all(groupId) as Array<Omit<TrainingMemberRow, 'name' | 'current'>>
  const people = personRefsByIds(db, rows.map((r) => r.personId))
  return rows
    .map((r) => ({ ...r, name: people.get(r.personId)?.name ?? '', pinyin: people.get(r.personId)?.namePinyin ?? '', current: memberOn(r, today) }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.pinyin.localeCompare(b.pinyin) || a.joinedOn.localeCompare(b.joinedOn))
    .map(({ pinyin: _pinyin, ...r }) => r)
}

/** Who is in the group on `day`, by name, with each person's intensity group that day. */
export function rosterOn(db: Db, groupId: string, day: string): TrainingRosterRow[] {
  const rows = db
    .prepare(
      `SELECT m.person_id AS personId,
              (SELECT pi.intensity FROM person_intensity pi WHERE pi.person_id = m.person_id AND pi.from_date <= @day
               ORDER BY pi.from_date DESC, pi.set_at DESC LIMIT 1) AS intensity
       FROM training_members m WHERE m.group_id = @groupId AND m.${ON_DAY}`,
    )
    .all({ groupId, day }) as Array<{ personId: string; intensity: string | null }>
  const people = personRefsByIds(db, rows.map((r) => r.personId))
  return rows
    .map((r) => ({ ...r, name: people.get(r.personId)?.name ?? '', pinyin: people.get(r.personId)?.namePinyin ?? '' }))
    .sort((a, b) => a.pinyin.localeCompare(b.pinyin))
    .map(({ pinyin: _pinyin, ...r }) => r)
}

type SessionDbRow = Omit<TrainingSessionRow, 'voided' | 'recordedBy'> & {
  recordedById: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

const SESSION_COLUMNS = `s.id, s.group_id AS groupId, (SELECT g.name FROM training_groups g WHERE g.id = s.group_id) AS groupName,
  s.session_date AS date, s.start_time AS startTime, s.duration_minutes AS durationMinutes, s.content, s.intensity, s.revision,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.present = 1) AS present,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.present = 0) AS absent,
  s.recorded_by AS recordedById, s.voided_at AS voidedAt, s.voided_by AS voidedBy, s.void_reason AS voidReason`

function sessionRows(db: Db, rows: SessionDbRow[]): TrainingSessionRow[] {
  const names = staffNamesByIds(db, rows.flatMap((r) => [r.recordedById, r.voidedBy]))
  return rows.map(({ recordedById, voidedAt, voidedBy, voidReason, ...r }) => ({
    ...r,
    recordedBy: names.get(recordedById) ?? '',
    voided: voidedAt ? { at: voidedAt, by: (voidedBy && names.get(voidedBy)) ?? '', reason: voidReason ?? '' } : null,
  }))
}

/** A ward's (or one group's) sessions in a date range, newest first, voided ones included (struck through). */
export function sessionPage(db: Db, f: { wardId: string; groupId?: string | undefined; from: string; to: string; offset: number; limit: number }): Paged<TrainingSessionRow> {
  // Two statements rather than an optional-parameter filter, so each walks its own index.
  const where = f.groupId === undefined ? 's.ward_id = @wardId' : 's.group_id = @groupId AND s.ward_id = @wardId'
  const params = { wardId: f.wardId, groupId: f.groupId ?? null, from: f.from, to: f.to, limit: f.limit, offset: f.offset }
  const range = `${where} AND s.session_date BETWEEN @from AND @to`
  const rows = db
    .prepare(`SELECT ${SESSION_COLUMNS} FROM training_sessions s WHERE ${range} ORDER BY s.session_date DESC, s.start_time DESC LIMIT @limit OFFSET @offset`)
    .all(params) as SessionDbRow[]
  const total = (db.prepare(`SELECT count(*) AS n FROM training_sessions s WHERE ${range}`).get(params) as { n: number }).n
  return { rows: sessionRows(db, rows), total }
}

export function sessionDetail(db: Db, id: string): TrainingSessionDetail | undefined {
  const row = db
    .prepare(`SELECT ${SESSION_COLUMNS}, s.ward_id AS wardId, s.note, s.recorded_at AS recordedAt FROM training_sessions s WHERE s.id = ?`)
    .get(id) as (SessionDbRow & { wardId: string; note: string | null; recordedAt: string }) | undefined
  if (!row) return undefined
  const attendance = db
    .prepare('SELECT person_id AS personId, present, reason, reason_text AS reasonText, note FROM training_attendance WHERE session_id = ?')
    .all(id) as Array<{ personId: string; present: 0 | 1; reason: AbsenceReason | null; reasonText: string | null; note: string | null }>
  const people = personRefsByIds(db, attendance.map((a) => a.personId))
  const [summary] = sessionRows(db, [row])
  return {
    ...summary!,
    wardId: row.wardId,
    note: row.note,
    recordedAt: row.recordedAt,
    attendance: attendance
      .map((a) => ({ ...a, present: a.present === 1, name: people.get(a.personId)?.name ?? '', pinyin: people.get(a.personId)?.namePinyin ?? '' }))
      .sort((a, b) => a.pinyin.localeCompare(b.pinyin))
      .map(({ pinyin: _pinyin, ...a }) => a),
  }
}

/** A person's training record for the person file: intensity history, groups, attendance per month, latest sessions. */
export function personTraining(db: Db, personId: string, today: string): PersonTraining {
  const history = db
    .prepare(
      `SELECT id, from_date AS fromDate, intensity, note, set_at AS setAt, set_by AS setById FROM person_intensity
       WHERE person_id = ? ORDER BY from_date DESC, set_at DESC`,
    )
    .all(personId) as Array<Omit<IntensityEntry, 'setBy'> & { setById: string }>
  const names = staffNamesByIds(db, history.map((h) => h.setById))
  const intensityHistory = history.map(({ setById, ...h }) => ({ ...h, setBy: names.get(setById) ?? '' }))
  const memberships = db
    .prepare(
      `SELECT m.id, m.group_id AS groupId, g.name AS groupName, g.ward_id AS wardId, m.joined_on AS joinedOn, m.left_on AS leftOn
       FROM training_members m JOIN training_groups g ON g.id = m.group_id WHERE m.person_id = ? ORDER BY m.joined_on DESC`,
    )
    .all(personId) as PersonTraining['memberships']
  const months = db
    .prepare(
      `SELECT substr(s.session_date, 1, 7) AS month, sum(a.present) AS attended, sum(1 - a.present) AS missed,
              sum(CASE WHEN a.present = 1 THEN s.duration_minutes ELSE 0 END) AS minutes
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.person_id = ? AND s.voided_at IS NULL GROUP BY month ORDER BY month DESC`,
    )
    .all(personId) as PersonTrainingMonth[]
  const recent = db
    .prepare(
      `SELECT s.id AS sessionId, s.session_date AS date, (SELECT g.name FROM training_groups g WHERE g.id = s.group_id) AS groupName, s.content,
              s.duration_minutes AS durationMinutes, a.present, a.reason, a.reason_text AS reasonText
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.person_id = ? AND s.voided_at IS NULL ORDER BY s.session_date DESC, s.start_time DESC LIMIT 20`,
    )
    .all(personId) as Array<Omit<PersonTraining['recent'][number], 'present'> & { present: 0 | 1 }>
  const totals = months.reduce((t, m) => ({ attended: t.attended + m.attended, missed: t.missed + m.missed, minutes: t.minutes + m.minutes }), {
    attended: 0,
    missed: 0,
    minutes: 0,
  })
  return {
    intensity: intensityHistory.find((h) => h.fromDate <= today) ?? null,
    intensityHistory,
    memberships,
    months,
    totals,
    recent: recent.map((r) => ({ ...r, present: r.present === 1 })),
  }
}

/** Active trainers and administrators (who may be responsible for a group), by name. */
export const trainerRows = (db: Db) =>
  db.prepare("SELECT id, display_name AS name FROM staff WHERE active = 1 AND role IN ('trainer', 'admin') ORDER BY display_name").all() as Array<{ id: string; name: string }>
