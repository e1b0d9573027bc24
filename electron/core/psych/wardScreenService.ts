import type { WardPsychScreen } from '../../shared/contract'
import type { wardScreenContract } from '../../shared/contract/psych/wardScreen'
import type { RiskLevel } from '../../shared/domain/psych'
import { today } from '../context'
import type { Db } from '../db/open'
import { notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { screeningDueOf } from '../duework/dueworkCompute'
import { wardResidents } from '../people/peopleQueries'
import { wardName } from '../wards/wardsRepo'
import { INSTRUMENTS } from './instruments'
import { listCrises, listTasks, wardAssessmentFacts, type PersonScope } from './psychQueries'
import { psychSettings } from './psychSettings'

/** The ward's live people with their screening due and latest result, and the open tasks and crises of those people. */
function wardScreen(db: Db, wardId: string, todayDate: string): WardPsychScreen {
  const name = wardName(db, wardId)
  if (name === undefined) throw notFound()
  const settings = psychSettings(db)
  const people = wardResidents(db, wardId)
  const scope: PersonScope = { only: people.map((p) => p.id) }
  const facts = wardAssessmentFacts(db, scope.only, INSTRUMENTS.map((i) => i.id), settings.screeningInstruments)
  const tasks = listTasks(db, scope, 'open')
  const crises = listCrises(db, scope, 'open')
  const screening = screeningDueOf(db, people.map((p) => ({ ...p, lastScreeningOn: facts.get(p.id)?.lastScreeningOn ?? null })), todayDate)
  const tasksByPerson = new Map<string, number>()
  for (const t of tasks) tasksByPerson.set(t.personId, (tasksByPerson.get(t.personId) ?? 0) + 1)
  const crisisByPerson = new Map<string, RiskLevel>()
  for (const c of crises) if (!crisisByPerson.has(c.personId)) crisisByPerson.set(c.personId, c.riskLevel)
  // Tasks come newest first: the first flag task of a person is their newest open flag.
  const flagByPerson = new Map<string, { assessmentId: string; raisedAt: string }>()
  for (const t of tasks) {
    if (t.assessmentId && !flagByPerson.has(t.personId)) flagByPerson.set(t.personId, { assessmentId: t.assessmentId, raisedAt: t.createdAt })
  }

  const rows = people.map((p) => {
    const { results, lastScreeningOn: lastOn } = facts.get(p.id) ?? { results: [], lastScreeningOn: null }
    const due = screening.get(p.id)!
    return {
      personId: p.id,
      name: p.name,
      idTail: p.idTail,
      period: p.period,
      admissionDate: p.admissionDate,
      screening: { ...due, lastOn },
      latest: results[0] ?? null,
      results,
      openFlag: flagByPerson.get(p.id) ?? null,
      openTasks: tasksByPerson.get(p.id) ?? 0,
      openCrisis: crisisByPerson.get(p.id) ?? null,
    }
  })
  return {
    wardId,
    wardName: name,
    today: todayDate,
    rows,
    tasks,
    crises,
    counts: {
      due: rows.filter((r) => r.screening.status === 'due').length,
      overdue: rows.filter((r) => r.screening.status === 'overdue').length,
      openTasks: tasks.length,
      openCrises: crises.length,
    },
  }
}

export const wardScreenHandlers = {
  'psych:wardScreen': (input, ctx) => wardScreen(ctx.db, input.wardId, today(ctx)),
} satisfies HandlersFor<typeof wardScreenContract>
