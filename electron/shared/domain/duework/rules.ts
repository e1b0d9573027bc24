/**
 * The due-work rules: pure functions from a person's facts, the rules' settings and today to the items whose window has
 * opened (done and exempt ones included). Each item's status: done when a record satisfied it, else exempt when a live
 * exemption names its occurrence, else overdue after its due date, else due.
 */
import type { IsoDate } from '../dates'
import { plusDays as addDays } from './days'
import { PERIODS, periodIndex } from '../periods'
import type { DatedRecord, DiagAssessmentFact, PersonFacts, SeriesFacts } from './facts'
import type { DueRules } from './settings'
import { RULE_CENTRE, type DueItem, type DueRecordRef, type DueRecordType, type DueRuleId } from './vocabulary'

export interface RuleContext {
  today: IsoDate
  rules: DueRules
  /** The fitness retest interval (setting fitness.retestIntervalDays: the fitness centre's one source). */
  fitnessRetestIntervalDays: number
  /** Leave out items done before this date (a day's screen lists only today's done work; a person's list, all). */
  doneFrom?: IsoDate
}

interface Occurrence {
  occurrence: string
  windowOpensOn: IsoDate
  dueOn: IsoDate
  done: (DueRecordRef & { on: IsoDate }) | null
  subject?: DueRecordRef | null
}

/** A periodic series never walks further than this many exempt occurrences (a guard, not a rule). */
const MAX_EXEMPT_STEPS = 100

class ItemSink {
  readonly items: DueItem[] = []
  constructor(
    private readonly facts: PersonFacts,
    private readonly today: IsoDate,
    private readonly doneFrom: IsoDate = '',
    /**
     * The day the facility began keeping due work (rules.admissionRulesFrom): a person admitted before it is owed no
     * admission work (it was done, or not, on paper), and their periodic series start from that day instead.
     */
    readonly adoptedOn: IsoDate | null = null,
  ) {}

  /** Whether admission work applies: admitted on or after the day the facility began (or no such day set). */
  get admissionRulesApply(): boolean {
    return this.adoptedOn === null || this.facts.admissionDate >= this.adoptedOn
  }

  exemption(rule: DueRuleId, occurrence: string) {
    return this.facts.exemptions.find((e) => e.rule === rule && e.occurrence === occurrence) ?? null
  }

  /** Adds the occurrence if its window has opened (a done one is listed whenever it was satisfied). */
  add(rule: DueRuleId, o: Occurrence): void {
    if (o.done === null ? this.today < o.windowOpensOn : o.done.on < this.doneFrom) return
    const exemption = o.done === null ? this.exemption(rule, o.occurrence) : null
    const { facts } = this
    this.items.push({
      personId: facts.personId,
      personName: facts.personName,
      idTail: facts.idTail,
      wardId: facts.wardId,
      period: facts.period,
      rule,
      centre: RULE_CENTRE[rule],
      occurrence: o.occurrence,
      dueOn: o.dueOn,
      status: o.done ? 'done' : exemption ? 'exempt' : this.today > o.dueOn ? 'overdue' : 'due',
      windowOpensOn: o.windowOpensOn,
      done: o.done,
      exemption: exemption && { id: exemption.id, reason: exemption.reason, by: exemption.by, byName: exemption.byName, at: exemption.at, revision: exemption.revision },
      subject: o.subject ?? null,
    })
  }
}

const doneBy = (recordType: DueRecordType, r: DatedRecord | null | undefined) => (r ? { recordType, recordId: r.id, on: r.on } : null)

/** Work due within `days` of admission, satisfied by the first record on or after admission. */
function admissionRule(sink: ItemSink, rule: DueRuleId, facts: PersonFacts, days: number, recordType: DueRecordType, first: DatedRecord | null): IsoDate | null {
  if (!sink.admissionRulesApply) return null
  const dueOn = addDays(facts.admissionDate, days)
  const satisfying = first && first.on >= facts.admissionDate ? first : null
  sink.add(rule, { occurrence: 'admission', windowOpensOn: facts.admissionDate, dueOn, done: doneBy(recordType, satisfying) })
  return dueOn
}

/**
 * Work due every `interval` days after the latest record (`base` when there is none yet). The occurrence the latest
 * record satisfied is listed done; an exempt occurrence moves the series on from its due date.
 */
function periodicRule(
  sink: ItemSink,
  rule: DueRuleId,
  today: IsoDate,
  series: { latest: DatedRecord | null; previous: DatedRecord | null; base: IsoDate | null },
  interval: number,
  lead: number,
  recordType: DueRecordType,
  keyPrefix = '',
  subject: DueRecordRef | null = null,
): void {
  const { latest, previous } = series
  if (latest && previous) {
    const dueOn = addDays(previous.on, interval)
    const windowOpensOn = addDays(dueOn, -lead)
    if (latest.on >= windowOpensOn) sink.add(rule, { occurrence: keyPrefix + dueOn, windowOpensOn, dueOn, done: doneBy(recordType, latest), subject })
  }
  let base = latest?.on ?? series.base
  for (let step = 0; base !== null && step <= MAX_EXEMPT_STEPS; step++) {
    const dueOn = addDays(base, interval)
    const windowOpensOn = addDays(dueOn, -lead)
    if (today < windowOpensOn) return
    const occurrence = keyPrefix + dueOn
    sink.add(rule, { occurrence, windowOpensOn, dueOn, done: null, subject })
    if (!sink.exemption(rule, occurrence)) return
    base = dueOn
  }
}

/** A series' admission rule and its interval rule (psychological screening, fitness tests). */
function seriesRules(
  sink: ItemSink,
  facts: PersonFacts,
  today: IsoDate,
  series: SeriesFacts,
  admission: { rule: DueRuleId; enabled: boolean; days: number },
  periodic: { rule: DueRuleId; enabled: boolean; interval: number; lead: number },
  recordType: DueRecordType,
): void {
  const admissionDue = admission.enabled ? admissionRule(sink, admission.rule, facts, admission.days, recordType, series.first) : null
  if (!periodic.enabled) return
  // Before any record, the series starts from an exempted admission occurrence (never from a missing one), or, for a
  // person admitted before the facility began keeping due work, from that day.
  const base = series.latest.length > 0 ? null
    : !sink.admissionRulesApply ? sink.adoptedOn
    : admissionDue && sink.exemption(admission.rule, 'admission') ? admissionDue : null
  periodicRule(sink, periodic.rule, today, { latest: series.latest[0] ?? null, previous: series.latest[1] ?? null, base }, periodic.interval, periodic.lead, recordType)
}

function psychRules(sink: ItemSink, facts: PersonFacts, ctx: RuleContext): void {
  const { rules, today } = ctx
  const a = rules.psych_admission_screening
  const r = rules.psych_reassessment
  seriesRules(sink, facts, today, facts.screenings, { rule: 'psych_admission_screening', enabled: a.enabled, days: a.days },
    { rule: 'psych_reassessment', enabled: r.enabled, interval: r.intervalDays, lead: r.leadDays }, 'assessment')
  if (rules.psych_flag_task.enabled) {
    for (const t of facts.flagTasks) {
      const done = t.status !== 'open' && t.handledOn ? { recordType: 'task' as const, recordId: t.id, on: t.handledOn } : null
      if (t.status !== 'open' && !done) continue
      sink.add('psych_flag_task', { occurrence: t.id, windowOpensOn: t.raisedOn, dueOn: addDays(t.raisedOn, rules.psych_flag_task.days), done, subject: { recordType: 'task', recordId: t.id } })
    }
  }
  const c = rules.crisis_follow_up
  if (c.enabled) {
    for (const crisis of facts.openCrises) {
      const raised = { id: crisis.id, on: crisis.raisedOn }
      const [latest, previous] = crisis.events
      periodicRule(sink, 'crisis_follow_up', today, { latest: latest ?? null, previous: latest ? (previous ?? raised) : null, base: raised.on },
        c.intervalDays, c.leadDays, 'crisisEvent', `${crisis.id}:`, { recordType: 'crisis', recordId: crisis.id })
    }
  }
}

function fitnessRules(sink: ItemSink, facts: PersonFacts, ctx: RuleContext): void {
  const { rules, today } = ctx
  seriesRules(sink, facts, today, facts.fitnessTests, { rule: 'fitness_admission_test', ...rules.fitness_admission_test },
    { rule: 'fitness_retest', enabled: rules.fitness_retest.enabled, interval: ctx.fitnessRetestIntervalDays, lead: rules.fitness_retest.leadDays }, 'fitnessTest')
}

/** The earliest final diagnostic assessment matching, on or after `from`. */
function firstFinal(list: readonly DiagAssessmentFact[], from: IsoDate, matches: (a: DiagAssessmentFact) => boolean): DatedRecord | null {
  let best: DiagAssessmentFact | null = null
  for (const a of list) if (a.final && a.on >= from && matches(a) && (best === null || a.on < best.on)) best = a
  return best
}

function assessmentRules(sink: ItemSink, facts: PersonFacts, ctx: RuleContext): void {
  const { rules } = ctx
  const diag = facts.diagAssessments
  if (rules.diag_admission.enabled) {
    admissionRule(sink, 'diag_admission', facts, rules.diag_admission.days, 'diagAssessment', firstFinal(diag, facts.admissionDate, (a) => a.point === 'admission'))
  }
  const stage = rules.diag_stage
  if (stage.enabled && facts.period !== null) {
    const current = periodIndex(facts.period)
    for (const period of PERIODS) {
      const days = stage.periodDays[period]
      const entered = facts.periodEntries[period]
      if (days === null || entered === undefined || periodIndex(period) > current) continue
      const dueOn = addDays(entered, days)
      // The detox period's stage assessment is Beijing's 生理脱毒阶段性评价 (point 'detox') or a stage assessment of it.
      const record = firstFinal(diag, entered, (a) => (a.point === 'stage' && a.stagePeriod === period) || (period === 'detox' && a.point === 'detox'))
      sink.add('diag_stage', { occurrence: `stage:${period}`, windowOpensOn: addDays(dueOn, -stage.leadDays), dueOn, done: doneBy('diagAssessment', record) })
    }
  }
  if (rules.diag_one_year.enabled && facts.earliestEarlyRelease !== null) {
    const dueOn = facts.earliestEarlyRelease
    const windowOpensOn = addDays(dueOn, -rules.diag_one_year.leadDays)
    sink.add('diag_one_year', { occurrence: 'one_year', windowOpensOn, dueOn, done: doneBy('diagAssessment', firstFinal(diag, windowOpensOn, (a) => a.point === 'one_year')) })
  }
  const pre = rules.diag_pre_expiry
  if (pre.enabled && facts.lastDay !== null) {
    const dueOn = addDays(facts.lastDay, -pre.days)
    const windowOpensOn = addDays(dueOn, -pre.leadDays)
    sink.add('diag_pre_expiry', { occurrence: 'pre_expiry', windowOpensOn, dueOn, done: doneBy('diagAssessment', firstFinal(diag, windowOpensOn, (a) => a.point === 'pre_expiry')) })
  }
  if (rules.diag_evidence.enabled) {
    for (const r of facts.openEvidenceRequests) {
      sink.add('diag_evidence', {
        occurrence: r.id, windowOpensOn: r.requestedOn, dueOn: addDays(r.requestedOn, rules.diag_evidence.days), done: null,
        subject: { recordType: 'diagAssessment', recordId: r.assessmentId },
      })
    }
  }
}

/** The earliest talk of a kind done on or after `from`. */
function firstTalkDone(facts: PersonFacts, kind: string, from: IsoDate): DatedRecord | null {
  let best: DatedRecord | null = null
  for (const t of facts.talks) {
    if (t.kind === kind && t.status === 'done' && t.doneOn !== null && t.doneOn >= from && (best === null || t.doneOn < best.on)) best = { id: t.id, on: t.doneOn }
  }
  return best
}

function wardRules(sink: ItemSink, facts: PersonFacts, ctx: RuleContext): void {
  const { rules } = ctx
  if (rules.ward_admission_talk.enabled) {
    admissionRule(sink, 'ward_admission_talk', facts, rules.ward_admission_talk.days, 'wardTalk', firstTalkDone(facts, 'admission', facts.admissionDate))
  }
  if (rules.ward_planned_talk.enabled) {
    for (const t of facts.talks) {
      if (t.plannedOn === null || t.status === 'cancelled') continue
      const done = t.status === 'done' && t.doneOn !== null ? { recordType: 'wardTalk' as const, recordId: t.id, on: t.doneOn } : null
      const windowOpensOn = addDays(t.plannedOn, -rules.ward_planned_talk.leadDays)
      sink.add('ward_planned_talk', { occurrence: t.id, windowOpensOn, dueOn: t.plannedOn, done, subject: { recordType: 'wardTalk', recordId: t.id } })
    }
  }
  if (rules.watch_measure_review.enabled) {
    for (const m of facts.watchMeasures) {
      const windowOpensOn = addDays(m.reviewOn, -rules.watch_measure_review.leadDays)
      sink.add('watch_measure_review', { occurrence: `${m.id}:${m.reviewOn}`, windowOpensOn, dueOn: m.reviewOn, done: null, subject: { recordType: 'watchMeasure', recordId: m.id } })
    }
  }
  const release = rules.release_preparation
  if (release.enabled && facts.lastDay !== null) {
    const dueOn = addDays(facts.lastDay, -release.days)
    const windowOpensOn = addDays(dueOn, -release.leadDays)
    sink.add('release_preparation', { occurrence: 'release', windowOpensOn, dueOn, done: doneBy('wardTalk', firstTalkDone(facts, 'release', windowOpensOn)) })
  }
}

/** Every item of the person whose window has opened by today, in rule order. */
export function dueItemsOf(facts: PersonFacts, ctx: RuleContext): DueItem[] {
  const sink = new ItemSink(facts, ctx.today, ctx.doneFrom, ctx.rules.admissionRulesFrom)
  psychRules(sink, facts, ctx)
  fitnessRules(sink, facts, ctx)
  assessmentRules(sink, facts, ctx)
  wardRules(sink, facts, ctx)
  return sink.items
}
