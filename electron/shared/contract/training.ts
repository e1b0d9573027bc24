/**
 * Exercise training (运动戒毒): training groups of a ward, membership over time, sessions with attendance, each
 * person's intensity group, and the facility's list of intensity groups. Every method acts in the ward it names (a
 * group's ward is fixed at creation and checked against the one named) or on the person it names.
 */
import { z } from 'zod'
import { ABSENCE_REASONS, MAX_INTENSITY_GROUPS, SESSION_MINUTES, type AbsenceReason, type IntensityGroup } from '../domain/training'
import { id, intAtLeast, intRange, isoDate, optionalText, page, reason, text, tooLong, tooMany, type Paged } from './common'
import { method, noAudit } from './define'

export interface TrainingGroupRow {
  id: string
  wardId: string
  name: string
  trainerId: string
  trainerName: string
  intensity: string | null
  note: string | null
  active: boolean
  revision: number
  /** Members today. */
  memberCount: number
  lastSessionDate: string | null
}

export interface TrainingMemberRow {
  /** The membership (one stretch of time in the group). */
  id: string
  personId: string
  name: string
  joinedOn: string
  /** First day no longer a member; null while a member. */
  leftOn: string | null
  current: boolean
}

/** Who is in a group on a day: the rows a session's attendance must cover, one per person. */
export interface TrainingRosterRow {
  personId: string
  name: string
  /** The person's intensity group on that day (setting key), null when none was set. */
  intensity: string | null
}

export interface TrainingSessionRow {
  id: string
  groupId: string
  groupName: string
  date: string
  startTime: string
  durationMinutes: number
  content: string
  intensity: string | null
  present: number
  absent: number
  recordedBy: string
  revision: number
  voided: { at: string; by: string; reason: string } | null
}

export interface TrainingAttendanceRow {
  personId: string
  name: string
  present: boolean
  reason: AbsenceReason | null
  reasonText: string | null
  note: string | null
}

export interface TrainingSessionDetail extends TrainingSessionRow {
  wardId: string
  note: string | null
  recordedAt: string
  attendance: TrainingAttendanceRow[]
}

export interface IntensityEntry {
  id: string
  fromDate: string
  intensity: string
  note: string | null
  setAt: string
  setBy: string
}

export interface PersonTrainingMonth {
  /** YYYY-MM */
  month: string
  attended: number
  missed: number
  /** Minutes of the sessions attended. */
  minutes: number
}

export interface PersonTraining {
  /** The entry in force today (the newest dated on or before today), null when none. */
  intensity: IntensityEntry | null
  /** Newest first. */
  intensityHistory: IntensityEntry[]
  memberships: Array<{ id: string; groupId: string; groupName: string; wardId: string; joinedOn: string; leftOn: string | null }>
  /** Newest month first; voided sessions are not counted. */
  months: PersonTrainingMonth[]
  totals: { attended: number; missed: number; minutes: number }
  /** The latest sessions of the person, newest first (at most 20). */
  recent: Array<{ sessionId: string; date: string; groupName: string; content: string; durationMinutes: number; present: boolean; reason: AbsenceReason | null; reasonText: string | null }>
}

export interface TrainingSettings {
  intensityGroups: IntensityGroup[]
  /** The version a save must name (settings.stale when someone saved in between). */
  version: string
}

const intensityKey = z
  .string({ error: 'v.required' })
  .trim()
  .regex(/^[a-z0-9_-]{1,20}$/, 'training.intensity_key')

/** The facility's intensity groups: keys and names unique, at most MAX_INTENSITY_GROUPS. */
export const intensityGroupsSchema = z
  .array(z.object({ key: intensityKey, name: text(20), description: optionalText(200) }))
  .min(1, 'v.required')
  .max(MAX_INTENSITY_GROUPS, tooMany(MAX_INTENSITY_GROUPS))
  .superRefine((groups, ctx) => {
    const keys = new Set<string>()
    const names = new Set<string>()
    groups.forEach((g, i) => {
      if (keys.has(g.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'training.duplicate_key' })
      if (names.has(g.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'training.duplicate_name' })
      keys.add(g.key)
      names.add(g.name)
    })
  })

/** A reference to an intensity group (checked against the setting in core). */
const intensityRef = z.string().trim().max(20, tooLong(20)).nullable().default(null)

export const startTime = z.string({ error: 'v.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'training.time')

/** One member's attendance: present, or absent with a reason (其他 needs its text). */
export const attendanceEntry = z
  .object({
    personId: id,
    present: z.boolean({ error: 'v.required' }),
    reason: z.enum(ABSENCE_REASONS, { error: 'training.reason_required' }).nullable().default(null),
    reasonText: optionalText(100),
    note: optionalText(200),
  })
  .superRefine((a, ctx) => {
    if (!a.present && a.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'training.reason_required' })
    if (a.present && a.reason !== null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'training.reason_only_absent' })
    if (a.reason === 'other' && !a.reasonText) ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'training.reason_text_required' })
  })

const sessionFields = {
  date: isoDate,
  startTime,
  durationMinutes: intRange(SESSION_MINUTES.min, SESSION_MINUTES.max, 'v.range_minutes'),
  content: text(100),
  intensity: intensityRef,
  note: optionalText(300),
  /** Every member of the group that day, exactly once (the form lists them all present; exceptions carry a reason). */
  attendance: z.array(attendanceEntry).min(1, 'training.no_members').max(200, tooMany(200)),
}

const groupFields = { name: text(30), trainerId: id, intensity: intensityRef, note: optionalText(200) }

/** Ward scoping: the ward named in the call (a group's or session's ward is checked against it in core). */
const inWard = { ward: (i: { wardId: string }) => i.wardId }
const ofPerson = { person: (i: { personId: string }) => i.personId }
const wardRecord = (i: { wardId: string }) => i.wardId

export const trainingContract = {
  'training:groups': method<TrainingGroupRow[]>()({
    input: z.object({ wardId: id, includeInactive: z.boolean().default(false) }),
    access: 'fitness.read',
    scope: inWard,
    audit: noAudit,
  }),
  'training:createGroup': method<{ id: string }>()({
    input: z.object({ wardId: id, ...groupFields }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_group', record: (_i, o) => o.id },
  }),
  'training:updateGroup': method<{ revision: number }>()({
    input: z.object({ wardId: id, id, revision: intAtLeast(1), ...groupFields }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_group', record: (i) => i.id },
  }),
  /** Deactivates (or reactivates) a group; one with members today cannot be deactivated. */
  'training:setGroupActive': method<{ revision: number }>()({
    input: z.object({ wardId: id, id, revision: intAtLeast(1), active: z.boolean({ error: 'v.required' }) }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_group', record: (i) => i.id },
  }),
  'training:members': method<TrainingMemberRow[]>()({
    input: z.object({ wardId: id, groupId: id }),
    access: 'fitness.read',
    scope: inWard,
    audit: noAudit,
  }),
  'training:addMember': method<{ id: string }>()({
    input: z.object({ wardId: id, groupId: id, personId: id, joinedOn: isoDate, note: optionalText(200) }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_group', record: (i) => i.groupId },
  }),
  /** Ends a membership: `leftOn` is the first day the person is no longer in the group. */
  'training:endMember': method<null>()({
    input: z.object({ wardId: id, membershipId: id, leftOn: isoDate }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_member', record: (i) => i.membershipId },
  }),
  'training:roster': method<TrainingRosterRow[]>()({
    input: z.object({ wardId: id, groupId: id, date: isoDate }),
    access: 'fitness.read',
    scope: inWard,
    audit: noAudit,
  }),
  'training:sessions': method<Paged<TrainingSessionRow>>()({
    input: z
      .object({ wardId: id, groupId: id.optional(), from: isoDate, to: isoDate, ...page })
      .refine((i) => i.from <= i.to, { path: ['to'], message: 'training.range_order' }),
    access: 'fitness.read',
    scope: inWard,
    audit: noAudit,
  }),
  'training:getSession': method<TrainingSessionDetail>()({
    input: z.object({ wardId: id, id }),
    access: 'fitness.read',
    scope: inWard,
    audit: { kind: 'read', recordType: 'ward', record: wardRecord },
  }),
  /** A session with every member's attendance, all or nothing. */
  'training:recordSession': method<{ id: string }>()({
    input: z.object({ wardId: id, groupId: id, ...sessionFields }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_session', record: (_i, o) => o.id },
  }),
  'training:updateSession': method<{ revision: number }>()({
    input: z.object({ wardId: id, id, revision: intAtLeast(1), ...sessionFields }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_session', record: (i) => i.id },
  }),
  'training:voidSession': method<null>()({
    input: z.object({ wardId: id, id, reason }),
    access: 'fitness.record',
    scope: inWard,
    audit: { kind: 'write', recordType: 'training_session', record: (i) => i.id },
  }),
  'training:person': method<PersonTraining>()({
    input: z.object({ personId: id }),
    access: 'fitness.read',
    scope: ofPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  /** A new intensity group from a date on; `seen` is the newest entry the form showed (null: none), so none is overwritten. */
  'training:setIntensity': method<{ id: string }>()({
    input: z.object({ personId: id, fromDate: isoDate, intensity: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(20, tooLong(20)), note: optionalText(200), seen: id.nullable() }),
    access: 'fitness.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'person', record: (i) => i.personId },
  }),
  /** Active trainers and administrators, who may be responsible for a group. */
  'training:trainers': method<Array<{ id: string; name: string }>>()({
    input: z.object({}),
    access: 'fitness.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'training:settings': method<TrainingSettings>()({
    input: z.object({}),
    access: 'fitness.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'training:updateSettings': method<null>()({
    input: z.object({ intensityGroups: intensityGroupsSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'fitness.intensityGroups' },
  }),
}
