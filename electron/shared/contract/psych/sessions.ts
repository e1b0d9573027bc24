/** Counselling sessions (individual or group) with their structured note. */
import { z } from 'zod'
import { SESSION_KINDS, type SessionKind } from '../../domain/psych'
import { id, intAtLeast, intRange, isoDate, optionalText, reason, text, tooMany } from '../common'
import { method } from '../define'

export interface SessionSummary {
  id: string
  kind: SessionKind
  date: string
  durationMinutes: number
  counsellor: string
  topic: string
  participants: Array<{ personId: string; name: string }>
  riskObserved: boolean
  /** The revision the record is at (1 = as first written); an edit carries it. */
  revision: number
  /** Voided records stay listed, struck through with the reason; they cannot be edited. */
  voided: { at: string; by: string; reason: string } | null
}

export interface SessionDetail extends SessionSummary {
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string | null; plan: string | null }
  recordedAt: string
  recordedBy: string
}

/** The fields an edit may change, in the order a revision lists them (who took part and the kind stay as recorded). */
export const SESSION_REVISION_FIELDS = ['date', 'durationMinutes', 'topic', 'presentingIssue', 'intervention', 'response', 'riskObserved', 'plan'] as const
export type SessionRevisionField = (typeof SESSION_REVISION_FIELDS)[number]

export interface SessionRevisionRow {
  revision: number
  changedAt: string
  changedBy: string
  changeNote: string | null
  /** Revision 1 lists every field with no "before". */
  changes: Array<{ field: SessionRevisionField; before: string | null; after: string | null }>
}

const sessionNote = z.object({
  presentingIssue: text(2000),
  intervention: text(2000),
  response: text(2000),
  riskObserved: optionalText(2000),
  plan: optionalText(2000),
})

/** What a record holds besides who took part: written on create, changed by an edit. */
const sessionRecordFields = {
  date: isoDate,
  durationMinutes: intRange(5, 480, 'v.range_minutes'),
  topic: text(100),
  note: sessionNote,
}

export const sessionsContract = {
  'psych:createSession': method<{ id: string }>()({
    input: z.object({
      kind: z.enum(SESSION_KINDS),
      ...sessionRecordFields,
      counsellorId: id.optional(),
      participantIds: z.array(id).min(1, 'v.required').max(60, tooMany(60)),
    }),
    access: 'psych.notes',
    scope: { person: (i) => i.participantIds },
    audit: { kind: 'write', recordType: 'counselling_session', record: (_i, o) => o.id },
  }),
  'psych:sessions': method<SessionSummary[]>()({
    input: z.object({ personId: id }),
    access: 'psych.notes',
    scope: { person: (i) => i.personId },
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'psych:getSession': method<SessionDetail>()({
    input: z.object({ id }),
    access: 'psych.notes',
    scope: { record: 'session', id: (i) => i.id },
    audit: { kind: 'read', recordType: 'counselling_session', record: (i) => i.id },
  }),
  'psych:updateSession': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...sessionRecordFields, changeNote: optionalText(200) }),
    access: 'psych.notes',
    scope: { record: 'session', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'counselling_session', record: (i) => i.id },
  }),
  'psych:voidSession': method<null>()({
    input: z.object({ id, reason }),
    access: 'psych.notes',
    scope: { record: 'session', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'counselling_session', record: (i) => i.id },
  }),
  'psych:sessionHistory': method<SessionRevisionRow[]>()({
    input: z.object({ id }),
    access: 'psych.notes',
    scope: { record: 'session', id: (i) => i.id },
    audit: { kind: 'read', recordType: 'counselling_session', record: (i) => i.id },
  }),
}
