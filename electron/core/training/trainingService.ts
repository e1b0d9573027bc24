/**
 * Exercise training (运动戒毒): the rules. A group belongs to one ward for good, so every call names that ward (ward
 * scoping checks it) and a group or session of another ward is answered "not found". A session's attendance must list
 * exactly the group's members on its date: nobody is marked present silently, nobody outside the group is marked.
 */
import { randomUUID } from 'node:crypto'
import type { trainingContract } from '../../shared/contract/training'
import type { IntensityGroup } from '../../shared/domain/training'
import { staffById } from '../auth/staffRepo'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { voidRow } from '../db/voidRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRef, personRefsByIds } from '../people/peopleQueries'
import { wardById } from '../wards/wardsRepo'
import { groupRows, memberRows, personTraining, rosterOn, sessionDetail, sessionPage, trainerRows } from './trainingQueries'
import { trainingRepo, type AttendanceRecord, type GroupRecord, type SessionFields } from './trainingRepo'

const intensityGroups = (db: Db): IntensityGroup[] => readSetting(db, 'fitness.intensityGroups')

/** An intensity reference must name a group of the facility's list (null: none given). */
function assertIntensity(db: Db, key: string | null, field: string): void {
  if (key !== null && !intensityGroups(db).some((g) => g.key === key)) throw new AppError('invalid_input', 'training.unknown_intensity', { field })
}

/** The group, if it is in the ward the call names (the ward its scope was checked in). */
function groupInWard(db: Db, groupId: string, wardId: string, field?: string): GroupRecord {
  const group = trainingRepo.groupById(db, groupId)
  if (!group || group.wardId !== wardId) throw field ? new AppError('invalid_input', 'err.not_found', { field }) : notFound()
  return group
}

function assertTrainer(db: Db, trainerId: string): void {
  const trainer = staffById(db, trainerId)
  if (!trainer || trainer.active !== 1 || !['trainer', 'admin'].includes(trainer.role)) throw ruleViolation('training.trainer_role', 'trainerId')
}

function assertNotFuture(date: string, ctx: Ctx, field: string): void {
  if (date > today(ctx)) throw ruleViolation('v.date_in_future', field)
}

/**
 * The attendance as sent, checked against the group's members on the date: each listed once and a member that day;
 * a member left out means the form showed an older roster (someone joined or left meanwhile).
 */
function checkedAttendance(db: Db, groupId: string, date: string, attendance: readonly AttendanceRecord[]): AttendanceRecord[] {
  const members = new Set(trainingRepo.membersOn(db, groupId, date).map((m) => m.personId))
  if (members.size === 0) throw ruleViolation('training.no_members_on_date', 'date', { date })
  const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
  const seen = new Set<string>()
  attendance.forEach((a, i) => {
    if (seen.has(a.personId)) fields[`attendance.${i}.personId`] = { key: 'training.duplicate_person' }
    else if (!members.has(a.personId)) fields[`attendance.${i}.personId`] = { key: 'training.not_member_on_date', params: { date } }
    seen.add(a.personId)
  })
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
  const missing = [...members].filter((p) => !seen.has(p))
  if (missing.length > 0) throw new AppError('conflict', 'training.roster_changed', { params: { count: missing.length } })
  return attendance.map((a) => ({ personId: a.personId, present: a.present, reason: a.reason, reasonText: a.reasonText, note: a.note }))
}

const fieldsOf = (i: SessionFields): SessionFields => ({
  date: i.date,
  startTime: i.startTime,
  durationMinutes: i.durationMinutes,
  content: i.content,
  intensity: i.intensity,
  note: i.note,
})

const absences = (rows: readonly AttendanceRecord[]) => rows.filter((a) => !a.present).length

export const trainingHandlers = {
  'training:groups': (input, ctx) => groupRows(ctx.db, input.wardId, input.includeInactive, today(ctx)),

  'training:createGroup'(input, ctx) {
    const { db } = ctx
    const ward = wardById(db, input.wardId)
    if (!ward) throw new AppError('invalid_input', 'err.not_found', { field: 'wardId' })
    if (ward.active !== 1) throw ruleViolation('ward.inactive', 'wardId')
    assertTrainer(db, input.trainerId)
    assertIntensity(db, input.intensity, 'intensity')
    if (trainingRepo.groupNameTaken(db, input.wardId, input.name, null)) throw new AppError('conflict', 'training.group_name_taken', { field: 'name' })
    const id = randomUUID()
    trainingRepo.insertGroup(db, { id, wardId: input.wardId, name: input.name, trainerId: input.trainerId, intensity: input.intensity, note: input.note, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ name: input.name, trainerId: input.trainerId, intensity: input.intensity })
    return { id }
  },

  'training:updateGroup'(input, ctx) {
    const { db } = ctx
    const group = groupInWard(db, input.id, input.wardId)
    if (group.revision !== input.revision) throw new AppError('conflict', 'training.stale_revision')
    assertTrainer(db, input.trainerId)
    assertIntensity(db, input.intensity, 'intensity')
    if (trainingRepo.groupNameTaken(db, input.wardId, input.name, input.id)) throw new AppError('conflict', 'training.group_name_taken', { field: 'name' })
    const edit = { name: input.name, trainerId: input.trainerId, intensity: input.intensity, note: input.note }
    if (!trainingRepo.updateGroup(db, { id: input.id, seen: input.revision, ...edit, at: nowIso(ctx) })) throw new AppError('conflict', 'training.stale_revision')
    const before = { name: group.name, trainerId: group.trainerId, intensity: group.intensity, note: group.note }
    ctx.auditDetail = JSON.stringify({ before, after: edit })
    return { revision: input.revision + 1 }
  },

  'training:setGroupActive'(input, ctx) {
    const { db } = ctx
    const group = groupInWard(db, input.id, input.wardId)
    if (group.revision !== input.revision) throw new AppError('conflict', 'training.stale_revision')
    if (!input.active && trainingRepo.membersOn(db, input.id, today(ctx)).length > 0) throw ruleViolation('training.group_has_members')
    if (!trainingRepo.setGroupActive(db, input.id, input.revision, input.active, nowIso(ctx))) throw new AppError('conflict', 'training.stale_revision')
    ctx.auditDetail = JSON.stringify({ active: input.active })
    return { revision: input.revision + 1 }
  },

  'training:members'(input, ctx) {
    groupInWard(ctx.db, input.groupId, input.wardId)
    return memberRows(ctx.db, input.groupId, today(ctx))
  },

  'training:addMember'(input, ctx) {
    const { db } = ctx
    const group = groupInWard(db, input.groupId, input.wardId)
    if (group.active !== 1) throw ruleViolation('training.group_inactive')
    const person = personRef(db, input.personId)
    if (!person || person.voided) throw new AppError('invalid_input', 'err.not_found', { field: 'personId' })
    if (person.wardId !== group.wardId) throw ruleViolation('training.person_other_ward', 'personId')
    assertNotFuture(input.joinedOn, ctx, 'joinedOn')
    if (input.joinedOn < person.admissionDate) throw ruleViolation('v.date_before_admission', 'joinedOn', { admission: person.admissionDate })
    // Stretches in one group never overlap; an open-ended new one overlaps any stretch not ended by its first day.
    const overlapping = trainingRepo.membershipsOf(db, input.groupId, input.personId).find((m) => m.leftOn === null || m.leftOn > input.joinedOn)
    if (overlapping) throw ruleViolation('training.already_member', 'joinedOn', { date: overlapping.joinedOn })
    const id = randomUUID()
    trainingRepo.insertMembership(db, { id, groupId: input.groupId, personId: input.personId, joinedOn: input.joinedOn, note: input.note, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ personId: input.personId, joinedOn: input.joinedOn })
    return { id }
  },

  'training:endMember'(input, ctx) {
    const { db } = ctx
    const membership = trainingRepo.membershipById(db, input.membershipId)
    if (!membership) throw notFound()
    groupInWard(db, membership.groupId, input.wardId)
    if (membership.leftOn !== null) throw new AppError('conflict', 'training.membership_ended')
    if (input.leftOn <= membership.joinedOn) throw ruleViolation('training.left_before_joined', 'leftOn', { date: membership.joinedOn })
    assertNotFuture(input.leftOn, ctx, 'leftOn')
    const attended = trainingRepo.firstAttendanceFrom(db, membership.groupId, membership.personId, input.leftOn)
    if (attended) throw ruleViolation('training.attended_after', 'leftOn', { date: attended })
    if (!trainingRepo.endMembership(db, input.membershipId, input.leftOn, actorOf(ctx).id)) throw new AppError('conflict', 'training.membership_ended')
    ctx.auditDetail = JSON.stringify({ personId: membership.personId, leftOn: input.leftOn })
    return null
  },

  'training:roster'(input, ctx) {
    groupInWard(ctx.db, input.groupId, input.wardId)
    return rosterOn(ctx.db, input.groupId, input.date)
  },

  'training:sessions': (input, ctx) => sessionPage(ctx.db, input),

  'training:getSession'(input, ctx) {
    const detail = sessionDetail(ctx.db, input.id)
    if (!detail || detail.wardId !== input.wardId) throw notFound()
    return detail
  },

  'training:recordSession'(input, ctx) {
    const { db } = ctx
    const group = groupInWard(db, input.groupId, input.wardId, 'groupId')
    if (group.active !== 1) throw ruleViolation('training.group_inactive', 'groupId')
    assertNotFuture(input.date, ctx, 'date')
    assertIntensity(db, input.intensity, 'intensity')
    const attendance = checkedAttendance(db, input.groupId, input.date, input.attendance)
    const id = randomUUID()
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const fields = fieldsOf(input)
    trainingRepo.insertSession(db, { id, groupId: input.groupId, wardId: input.wardId, ...fields, at, by })
    trainingRepo.writeAttendance(db, id, attendance)
    trainingRepo.insertRevision(db, { id: randomUUID(), sessionId: id, revision: 1, data: { ...fields, attendance }, at, by })
    ctx.auditDetail = JSON.stringify({ groupId: input.groupId, date: input.date, members: attendance.length, absent: absences(attendance) })
    return { id }
  },

  'training:updateSession'(input, ctx) {
    const { db } = ctx
    const state = trainingRepo.sessionState(db, input.id)
    if (!state || state.wardId !== input.wardId) throw notFound()
    if (state.voided) throw ruleViolation('training.session_voided')
    if (state.revision !== input.revision) throw new AppError('conflict', 'training.stale_revision')
    assertNotFuture(input.date, ctx, 'date')
    assertIntensity(db, input.intensity, 'intensity')
    const attendance = checkedAttendance(db, state.groupId, input.date, input.attendance)
    const fields = fieldsOf(input)
    const at = nowIso(ctx)
    if (!trainingRepo.updateSession(db, input.id, input.revision, fields, at)) throw new AppError('conflict', 'training.stale_revision')
    trainingRepo.writeAttendance(db, input.id, attendance)
    const revision = input.revision + 1
    trainingRepo.insertRevision(db, { id: randomUUID(), sessionId: input.id, revision, data: { ...fields, attendance }, at, by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ revision, date: input.date, members: attendance.length, absent: absences(attendance) })
    return { revision }
  },

  'training:voidSession'(input, ctx) {
    const state = trainingRepo.sessionState(ctx.db, input.id)
    if (!state || state.wardId !== input.wardId) throw notFound()
    if (!voidRow(ctx.db, 'training_sessions', input.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw ruleViolation('training.session_voided')
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'training:person'(input, ctx) {
    if (!personRefsByIds(ctx.db, [input.personId]).has(input.personId)) throw notFound()
    return personTraining(ctx.db, input.personId, today(ctx))
  },

  'training:setIntensity'(input, ctx) {
    const { db } = ctx
    const person = personRef(db, input.personId)
    if (!person) throw notFound()
    if (person.voided) throw ruleViolation('training.person_voided')
    assertIntensity(db, input.intensity, 'intensity')
    assertNotFuture(input.fromDate, ctx, 'fromDate')
    if (input.fromDate < person.admissionDate) throw ruleViolation('v.date_before_admission', 'fromDate', { admission: person.admissionDate })
    const latest = trainingRepo.latestIntensity(db, input.personId)
    if ((latest?.id ?? null) !== input.seen) throw new AppError('conflict', 'training.intensity_stale')
    if (latest && input.fromDate < latest.fromDate) throw ruleViolation('training.intensity_before_latest', 'fromDate', { date: latest.fromDate })
    const id = randomUUID()
    trainingRepo.insertIntensity(db, { id, personId: input.personId, fromDate: input.fromDate, intensity: input.intensity, note: input.note, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ fromDate: input.fromDate, intensity: input.intensity })
    return { id }
  },

  'training:trainers': (_input, ctx) => trainerRows(ctx.db),

  'training:settings': (_input, ctx) => ({ intensityGroups: intensityGroups(ctx.db), version: settingVersion(ctx.db, 'fitness.intensityGroups') }),

  'training:updateSettings'(input, ctx) {
    const { db } = ctx
    if (input.version !== settingVersion(db, 'fitness.intensityGroups')) throw new AppError('conflict', 'settings.stale')
    // A key still named by a record stays (its name may change); removing it would leave records without a meaning.
    const kept = new Set(input.intensityGroups.map((g) => g.key))
    const removedInUse = intensityGroups(db).find((g) => !kept.has(g.key) && trainingRepo.intensityInUse(db, g.key))
    if (removedInUse) throw ruleViolation('training.intensity_in_use', 'intensityGroups', { name: removedInUse.name })
    writeSetting(db, 'fitness.intensityGroups', input.intensityGroups)
    ctx.auditDetail = JSON.stringify(input.intensityGroups)
    return null
  },
} satisfies HandlersFor<typeof trainingContract>
