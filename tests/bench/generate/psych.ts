/**
 * The benchmark facility's psychology history: assessments over every stay (an admission screening, periodic
 * reassessments about every 90 days, some on request, a pre-release screening for some), more of them in recent years, scored by the
 * real engine and stored as assessmentService.recordAssessment stores them, with the follow-up tasks flags open; a
 * few crises and counselling sessions for residents, as the demo's seedPsychology does.
 */
import { addDays } from '../../../electron/shared/domain/dates'
import type { Instrument } from '../../../electron/shared/domain/instruments'
import type { AssessmentSetting } from '../../../electron/shared/domain/psych'
import type { Db } from '../../../electron/core/db/open'
import { scoreWithSettings } from '../../../electron/core/psych/assessmentService'
import { assessmentRepo } from '../../../electron/core/psych/assessmentRepo'
import { crisisRepo } from '../../../electron/core/psych/crisisRepo'
import { getInstrument } from '../../../electron/core/psych/instruments'
import { psychSettings } from '../../../electron/core/psych/psychSettings'
import { sessionRepo } from '../../../electron/core/psych/sessionRepo'
import { taskRepo } from '../../../electron/core/psych/taskRepo'
import type { Stay } from './people'
import type { Random } from './random'

const INSTRUMENTS = ['scl90', 'phq9', 'gad7', 'zung_sds', 'zung_sas'].map((id) => getInstrument(id)!)
const [SCL90, PHQ9, GAD7, SDS, SAS] = [0, 1, 2, 3, 4]
const SETTINGS: AssessmentSetting[] = ['admission', 'periodic', 'pre_release', 'on_request']
const [ADMISSION, PERIODIC, PRE_RELEASE, ON_REQUEST] = [0, 1, 2, 3]

/** Planned assessments in parallel columns (600,000 of them: objects would cost more than the data). */
class Plan {
  person: number[] = []
  instrument: number[] = []
  setting: number[] = []
  on: string[] = []
  add(person: number, instrument: number, setting: number, on: string) {
    this.person.push(person)
    this.instrument.push(instrument)
    this.setting.push(setting)
    this.on.push(on)
  }
  get length() {
    return this.on.length
  }
}

/** How thoroughly the year's stays were assessed: patchy in 2010, every round by the mid-2020s. */
const diligence = (date: string) => Math.min(1, 0.5 + 0.5 * ((Number(date.slice(0, 4)) - 2010) / 14))

function planStay(plan: Plan, index: number, stay: Stay, r: Random, today: string) {
  const end = stay.releaseDate ?? today
  const care = stay.current ? 1 : diligence(stay.admissionDate)
  // Residents: one in ten not screened yet (due or overdue on the ward screen), as the demo.
  if (stay.current ? r.chance(0.1) : !r.chance(0.55 + 0.45 * care)) return
  let on = addDays(stay.admissionDate, r.int(2, 12))
  if (on > end) return
  plan.add(index, SCL90, ADMISSION, on)
  for (;;) {
    on = addDays(on, r.int(75, 105))
    if (on > end || (stay.current && r.chance(0.08))) break
    if (!stay.current && !r.chance(diligence(on))) continue
    plan.add(index, PHQ9, PERIODIC, on)
    if (r.chance(0.85)) plan.add(index, GAD7, PERIODIC, on)
    if (r.chance(0.25)) plan.add(index, SDS, PERIODIC, on)
    if (r.chance(0.25)) plan.add(index, SAS, PERIODIC, on)
    // Now and then a counsellor asks for a reassessment between rounds (after a visit, a conflict, bad news).
    if (r.chance(0.1)) {
      const asked = addDays(on, r.int(10, 40))
      if (asked <= end) plan.add(index, PHQ9, ON_REQUEST, asked)
    }
  }
  if (stay.releaseDate && r.chance(0.6 * care)) {
    const before = addDays(stay.releaseDate, -r.int(5, 25))
    if (before > stay.admissionDate) plan.add(index, SCL90, PRE_RELEASE, before)
  }
}

/** Keeps exactly `keep` of the entries of `pool` (a seeded partial shuffle), so the total is what was asked for. */
function sample(pool: number[], keep: number, r: Random): number[] {
  for (let i = 0; i < keep; i++) {
    const j = i + Math.floor(r.next() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, keep)
}

/** Answers on the instrument's own scale, mostly low, raised by `load` (0 calm … 1 distressed); as the demo's. */
function answersFor(instrument: Instrument, r: Random, load: number): number[] {
  const values = instrument.responseOptions.map((o) => o.value)
  const low = values[0]!
  const high = values[values.length - 1]!
  const answers = instrument.items.map((item) => {
    const distress = r.chance(load) ? r.int(1, high - low) : r.chance(0.1) ? 1 : 0
    const v = Math.min(high, low + distress)
    return item.reverse ? high + low - v : v
  })
  // Item 9 of the PHQ-9 (thoughts of self-harm) stays at 0 unless the person is among the few at risk.
  if (instrument.id === 'phq9' && load < 0.5) answers[8] = 0
  return answers
}

/** The ward a stay was in on a day (for the tasks an assessment opens: the counsellors of that ward). */
const wardOn = (stay: Stay, on: string) => (stay.wards.find((w) => w.start <= on && (w.end === null || on < w.end)) ?? stay.wards[stay.wards.length - 1]!).wardId

export interface PsychOptions {
  db: Db
  r: Random
  today: string
  stays: Stay[]
  counsellors: string[]
  total: number
  onProgress: (done: number, total: number) => void
}

/** Writes `total` assessments (fewer only when the stays are too few to hold them), their tasks, crises and sessions. */
export function writePsychology(o: PsychOptions): { assessments: number; tasks: number } {
  const { db, r, today, stays, counsellors } = o
  const plan = new Plan()
  stays.forEach((stay, i) => planStay(plan, i, stay, r, today))
  const residents: number[] = []
  const pastPool: number[] = []
  for (let i = 0; i < plan.length; i++) (stays[plan.person[i]!]!.current ? residents : pastPool).push(i)
  const chosen = [...residents, ...sample(pastPool, Math.max(0, Math.min(pastPool.length, o.total - residents.length)), r)]
  chosen.sort((a, b) => (plan.on[a]! < plan.on[b]! ? -1 : plan.on[a]! > plan.on[b]! ? 1 : a - b))

  // One person in twelve goes through a hard time (the demo's share); their answers flag and open tasks.
  const load = stays.map(() => (r.chance(0.08) ? 0.6 : r.next() * 0.1))
  const settings = psychSettings(db)
  let tasks = 0
  chosen.forEach((k, n) => {
    const stay = stays[plan.person[k]!]!
    const instrument = INSTRUMENTS[plan.instrument[k]!]!
    const on = plan.on[k]!
    const answers = answersFor(instrument, r, load[plan.person[k]!]!)
    const result = scoreWithSettings(instrument, answers, settings)
    const id = r.uuid()
    const by = counsellors[n % counsellors.length]!
    const at = `${on}T03:${String(n % 60).padStart(2, '0')}:00.000Z`
    // What recordAssessment stores (its headline: the band score, else the total).
    assessmentRepo.insert(db, {
      id, personId: stay.personId, instrumentId: instrument.id, instrumentVersion: instrument.version, setting: SETTINGS[plan.setting[k]!]!,
      administeredOn: on, administeredBy: by, answers, incompleteReason: null, cutoffSetId: result.cutoffSetId ?? null, rounding: result.rounding,
      result, headline: result.scores[instrument.bandScore ?? 'total'] ?? result.scores.total ?? null, bandId: result.band?.id ?? null,
      bandSeverity: result.band?.severity ?? null, recordedAt: at, recordedBy: by,
    })
    for (const flag of result.flags.filter((f) => f.createsTask)) {
      taskRepo.insert(db, { id: r.uuid(), personId: stay.personId, wardId: wardOn(stay, on), kind: flag.id, label: flag.label, assessmentId: id, createdAt: at })
      tasks++
    }
    if ((n + 1) % 20_000 === 0) o.onProgress(n + 1, chosen.length)
  })
  // Tasks raised more than two weeks ago have been followed up (the demo's rule): residents keep a few open ones.
  taskRepo.markDoneForAssessmentsBefore(db, addDays(today, -14), counsellors[0]!, '已约谈跟进，风险可控')
  writeCrisesAndSessions(db, r, today, stays.filter((s, i) => s.current && load[i]! > 0.5), counsellors[0]!)
  return { assessments: chosen.length, tasks }
}

const latest = (a: string, b: string) => (a > b ? a : b)

/** An open crisis for a few residents at risk (with the first intervention), and counselling sessions for them. */
function writeCrisesAndSessions(db: Db, r: Random, today: string, atRisk: Stay[], counsellor: string) {
  const at = `${today}T02:00:00.000Z`
  atRisk.slice(0, 12).forEach((stay, i) => {
    const crisisId = r.uuid()
    const raised = latest(stay.admissionDate, addDays(today, -r.int(1, 20)))
    crisisRepo.insert(db, {
      id: crisisId, personId: stay.personId, riskLevel: i % 4 === 0 ? 'imminent' : i % 2 === 0 ? 'high' : 'medium',
      reason: '家属探视后情绪低落，自述“活着没意思”，夜间失眠', raisedOn: raised, raisedBy: counsellor, recordedAt: at,
    })
    crisisRepo.insertEvent(db, {
      id: r.uuid(), crisisId, kind: 'intervention', on: raised, by: counsellor,
      note: '一对一危机干预，签订不伤害自己的安全承诺；通知大队加强夜间巡视', nextFollowUp: addDays(today, r.int(1, 5)), recordedAt: at,
    })
  })
  for (const stay of atRisk.slice(0, 60)) {
    sessionRepo.insert(db, {
      id: r.uuid(), kind: 'individual', date: latest(stay.admissionDate, addDays(today, -r.int(5, 40))), durationMinutes: 50, counsellorId: counsellor, topic: '入所适应',
      presentingIssue: '入睡困难，担心家人', intervention: '放松训练与认知调整', response: '情绪较前平稳，愿意继续咨询', riskObserved: null,
      plan: '两周后复谈', recordedAt: at, recordedBy: counsellor,
    }, [stay.personId])
  }
}
