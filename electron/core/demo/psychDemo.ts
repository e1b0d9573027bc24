import { randomUUID } from 'node:crypto'
import { addDays } from '../../shared/domain/dates'
import type { Instrument } from '../../shared/domain/instruments'
import type { Db } from '../db/open'
import { recordAssessment, scoreWithSettings } from '../psych/assessmentService'
import { crisisRepo } from '../psych/crisisRepo'
import { getInstrument } from '../psych/instruments'
import { psychSettings } from '../psych/psychSettings'
import { sessionRepo } from '../psych/sessionRepo'
import { taskRepo } from '../psych/taskRepo'

export interface DemoRandom {
  next(): number
  int(min: number, max: number): number
}

/** Answers on the instrument's own scale, mostly low, raised by `load` (0 calm … 1 distressed). */
function answersFor(instrument: Instrument, r: DemoRandom, load: number): number[] {
  const values = instrument.responseOptions.map((o) => o.value)
  const low = values[0]!
  const high = values[values.length - 1]!
  return instrument.items.map((item) => {
    const distress = r.next() < load ? r.int(1, high - low) : r.next() < 0.1 ? 1 : 0
    const v = Math.min(high, low + distress)
    // Zung reverse items are worded positively: a calm person circles them high.
    return item.reverse ? high + low - v : v
  })
}

/**
 * Gives the demo facility a psychology history: admission SCL-90 screening for most people, PHQ-9 reassessments
 * roughly every 90 days (some late, so the ward screens show due and overdue work), old flag tasks handled, one open
 * crisis and a few counselling sessions.
 */
export function seedPsychology(
  db: Db,
  r: DemoRandom,
  people: Array<{ id: string; admissionDate: string }>,
  counsellorId: string,
  at: string,
  today: string,
): void {
  const settings = psychSettings(db)
  const scl90 = getInstrument('scl90')!
  const phq9 = getInstrument('phq9')!
  const record = (personId: string, instrument: Instrument, setting: 'admission' | 'periodic', on: string, load: number) => {
    const answers = answersFor(instrument, r, load)
    // Item 9 of the PHQ-9 stays at 0 unless the person is among the few at risk.
    if (instrument.id === 'phq9' && load < 0.5) answers[8] = 0
    const result = scoreWithSettings(instrument, answers, settings)
    recordAssessment(db, { personId, instrument, setting, on, answers, incompleteReason: null, result, rounding: settings.rounding, actorId: counsellorId, at })
  }
  for (const p of people) {
    if (r.next() < 0.1) continue // not screened yet: due or overdue on the ward screen
    const load = r.next() < 0.08 ? 0.6 : r.next() * 0.1
    let on = addDays(p.admissionDate, r.int(2, 12))
    if (on > today) continue
    record(p.id, scl90, 'admission', on, load)
    for (;;) {
      on = addDays(on, r.int(80, 110))
      if (on > today || r.next() < 0.08) break
      record(p.id, phq9, 'periodic', on, load)
    }
  }
  // Tasks raised more than two weeks ago have been followed up.
  taskRepo.markDoneForAssessmentsBefore(db, addDays(today, -14), counsellorId, '已约谈跟进，风险可控')

  const atRisk = people[Math.min(3, people.length - 1)]
  if (atRisk) {
    const crisisId = randomUUID()
    const raised = addDays(today, -3)
    crisisRepo.insert(db, { id: crisisId, personId: atRisk.id, riskLevel: 'high', reason: '家属探视后情绪低落，自述“活着没意思”，夜间失眠', raisedOn: raised, raisedBy: counsellorId, recordedAt: at })
    crisisRepo.insertEvent(db, {
      id: randomUUID(), crisisId, kind: 'intervention', on: raised, by: counsellorId,
      note: '一对一危机干预，签订不伤害自己的安全承诺；通知大队加强夜间巡视', nextFollowUp: addDays(today, 1), recordedAt: at,
    })
  }
  for (const p of people.slice(0, Math.min(6, people.length))) {
    sessionRepo.insert(db, {
      id: randomUUID(), kind: 'individual', date: addDays(today, -r.int(5, 40)), durationMinutes: 50, counsellorId, topic: '入所适应',
      presentingIssue: '入睡困难，担心家人', intervention: '放松训练与认知调整', response: '情绪较前平稳，愿意继续咨询', riskObserved: null,
      plan: '两周后复谈', recordedAt: at, recordedBy: counsellorId,
    }, [p.id])
  }
}
