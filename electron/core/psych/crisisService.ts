import { randomUUID } from 'node:crypto'
import type { CrisisDetail, CrisisSummary } from '../../shared/contract'
import type { RiskLevel } from '../../shared/domain/psych'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { notFound, ruleViolation } from '../errors'
import { peopleRepo } from '../people/peopleRepo'

interface CrisisRow {
  id: string
  person_id: string
  person_name: string
  ward_id: string | null
  risk_level: RiskLevel
  reason: string
  raised_on: string
  raised_by: string
  status: 'open' | 'closed'
  closed_on: string | null
  outcome: string | null
  last_event_on: string | null
  next_follow_up: string | null
}

const SELECT = `
  SELECT c.id, c.person_id, p.name AS person_name, p.ward_id, c.risk_level, c.reason, c.raised_on, s.display_name AS raised_by,
         c.status, c.closed_on, c.outcome,
         (SELECT max(e.event_on) FROM crisis_events e WHERE e.crisis_id = c.id) AS last_event_on,
         (SELECT e.next_follow_up FROM crisis_events e WHERE e.crisis_id = c.id ORDER BY e.event_on DESC, e.recorded_at DESC LIMIT 1) AS next_follow_up
  FROM crises c JOIN people p ON p.id = c.person_id JOIN staff s ON s.id = c.raised_by`

const RISK_ORDER = "CASE c.risk_level WHEN 'imminent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END"

function toSummary(r: CrisisRow): CrisisSummary {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    wardId: r.ward_id,
    riskLevel: r.risk_level,
    reason: r.reason,
    raisedOn: r.raised_on,
    raisedBy: r.raised_by,
    status: r.status,
    closedOn: r.closed_on,
    outcome: r.outcome,
    lastEventOn: r.last_event_on,
    nextFollowUp: r.next_follow_up,
  }
}

export function listCrises(db: Db, f: { wardId?: string | undefined; personId?: string | undefined; status?: 'open' | 'closed' | undefined }): CrisisSummary[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@wardId IS NULL OR p.ward_id = @wardId) AND (@personId IS NULL OR c.person_id = @personId)
       AND (@status IS NULL OR c.status = @status) AND p.voided_at IS NULL
       ORDER BY c.status = 'closed', ${RISK_ORDER}, c.raised_on DESC LIMIT 500`,
    )
    .all({ wardId: f.wardId ?? null, personId: f.personId ?? null, status: f.status ?? null }) as CrisisRow[]
  return rows.map(toSummary)
}

function openCrisis(db: Db, id: string) {
  const c = db.prepare('SELECT id, status, raised_on FROM crises WHERE id = ?').get(id) as { id: string; status: string; raised_on: string } | undefined
  if (!c) throw notFound()
  if (c.status !== 'open') throw ruleViolation('crisis.closed')
  return c
}

export const crisisHandlers: Pick<Handlers, 'psych:raiseCrisis' | 'psych:addCrisisEvent' | 'psych:closeCrisis' | 'psych:crises' | 'psych:getCrisis'> = {
  'psych:raiseCrisis'(input, ctx) {
    const person = peopleRepo.byId(ctx.db, input.personId)
    if (!person || person.voided_at) throw notFound()
    if (input.raisedOn > today(ctx)) throw ruleViolation('v.date_in_future', 'raisedOn')
    const id = randomUUID()
    ctx.db
      .prepare('INSERT INTO crises (id, person_id, risk_level, reason, raised_on, raised_by, status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.personId, input.riskLevel, input.reason, input.raisedOn, actorOf(ctx).id, 'open', nowIso(ctx))
    ctx.auditDetail = JSON.stringify({ personId: input.personId, riskLevel: input.riskLevel })
    return { id }
  },
  'psych:addCrisisEvent'(input, ctx) {
    const c = openCrisis(ctx.db, input.crisisId)
    if (input.on > today(ctx)) throw ruleViolation('v.date_in_future', 'on')
    if (input.on < c.raised_on) throw ruleViolation('crisis.before_raised', 'on')
    if (input.nextFollowUp !== null && input.nextFollowUp < input.on) throw ruleViolation('crisis.follow_up_before_event', 'nextFollowUp')
    ctx.db
      .prepare('INSERT INTO crisis_events (id, crisis_id, kind, event_on, by_staff, note, next_follow_up, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), c.id, input.kind, input.on, actorOf(ctx).id, input.note, input.nextFollowUp, nowIso(ctx))
    ctx.auditDetail = JSON.stringify({ kind: input.kind, on: input.on })
    return null
  },
  'psych:closeCrisis'(input, ctx) {
    const c = openCrisis(ctx.db, input.crisisId)
    if (input.closedOn > today(ctx)) throw ruleViolation('v.date_in_future', 'closedOn')
    if (input.closedOn < c.raised_on) throw ruleViolation('crisis.before_raised', 'closedOn')
    ctx.db
      .prepare("UPDATE crises SET status = 'closed', closed_on = ?, closed_by = ?, outcome = ? WHERE id = ?")
      .run(input.closedOn, actorOf(ctx).id, input.outcome, c.id)
    return null
  },
  'psych:crises': (input, ctx) => listCrises(ctx.db, input),
  'psych:getCrisis'(input, ctx): CrisisDetail {
    const row = ctx.db.prepare(`${SELECT} WHERE c.id = ?`).get(input.id) as CrisisRow | undefined
    if (!row) throw notFound()
    const events = ctx.db
      .prepare(
        `SELECT e.id, e.kind, e.event_on, s.display_name AS by_name, e.note, e.next_follow_up FROM crisis_events e
         JOIN staff s ON s.id = e.by_staff WHERE e.crisis_id = ? ORDER BY e.event_on, e.recorded_at`,
      )
      .all(input.id) as Array<{ id: string; kind: 'intervention' | 'follow_up'; event_on: string; by_name: string; note: string; next_follow_up: string | null }>
    return {
      ...toSummary(row),
      events: events.map((e) => ({ id: e.id, kind: e.kind, on: e.event_on, by: e.by_name, note: e.note, nextFollowUp: e.next_follow_up })),
    }
  },
}
