/** Counselling sessions (individual or group) with their structured note. */
import { z } from 'zod'
import { SESSION_KINDS, type SessionKind } from '../../domain/psych'
import { id, intRange, isoDate, optionalText, text, tooMany } from '../common'
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
}

export interface SessionDetail extends SessionSummary {
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string | null; plan: string | null }
  recordedAt: string
  recordedBy: string
}

const sessionNote = z.object({
  presentingIssue: text(2000),
  intervention: text(2000),
  response: text(2000),
  riskObserved: optionalText(2000),
  plan: optionalText(2000),
})

export const sessionsContract = {
  'psych:createSession': method<{ id: string }>()({
    input: z.object({
      kind: z.enum(SESSION_KINDS),
      date: isoDate,
      durationMinutes: intRange(5, 480, 'v.range_minutes'),
      counsellorId: id.optional(),
      participantIds: z.array(id).min(1, 'v.required').max(60, tooMany(60)),
      topic: text(100),
      note: sessionNote,
    }),
    access: 'psych.notes',
    audit: { kind: 'write', recordType: 'counselling_session', record: (_i, o) => o.id },
  }),
  'psych:sessions': method<SessionSummary[]>()({
    input: z.object({ personId: id }),
    access: 'psych.notes',
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'psych:getSession': method<SessionDetail>()({
    input: z.object({ id }),
    access: 'psych.notes',
    audit: { kind: 'read', recordType: 'counselling_session', record: (i) => i.id },
  }),
}
