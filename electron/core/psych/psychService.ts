import type { InstrumentView, WardPsychScreen } from '../../shared/contract'
import { addDays } from '../../shared/domain/dates'
import { idTail } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import { screeningDue, type PsychSettings, type RiskLevel } from '../../shared/domain/psych'
import type { Instrument } from '../../shared/domain/instruments'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { AppError, notFound, ruleViolation } from '../errors'
import { listCrises } from './crisisService'
import { getInstrument, INSTRUMENTS } from './instruments'
import { psychSettings, savePsychSettings } from './psychSettings'
import { listTasks } from './taskService'

type Bilingual = { zh: string; en: string }

function loadedTexts(db: Db, instrumentId: string): Map<number, Bilingual> {
  const rows = db.prepare('SELECT item_number, text_zh, text_en FROM instrument_texts WHERE instrument_id = ?').all(instrumentId) as Array<{
    item_number: number
    text_zh: string
    text_en: string | null
  }>
  return new Map(rows.map((r) => [r.item_number, { zh: r.text_zh, en: r.text_en ?? r.text_zh }]))
}

/** The facility's choice, else the set marked default (the schema requires exactly one whenever there are sets). */
function activeCutoffSet(instrument: Instrument, settings: PsychSettings) {
  const chosen = settings.cutoffSets[instrument.id]
  return instrument.cutoffSets.find((c) => c.id === chosen) ?? instrument.cutoffSets.find((c) => c.default) ?? null
}

export function instrumentView(db: Db, instrument: Instrument, settings: PsychSettings): InstrumentView {
  const texts = instrument.licence.itemTextsShipped ? null : loadedTexts(db, instrument.id)
  const active = activeCutoffSet(instrument, settings)
  return {
    id: instrument.id,
    version: instrument.version,
    name: instrument.name,
    shortName: instrument.shortName,
    licenceNote: instrument.licence.note,
    itemTextsShipped: instrument.licence.itemTextsShipped,
    itemTextsLoaded: texts !== null && texts.size === instrument.items.length,
    recallPeriod: instrument.recallPeriod ?? null,
    instructions: instrument.instructions ?? null,
    responseOptions: instrument.responseOptions.map((o) => ({ value: o.value, label: o.label })),
    items: instrument.items.map((item) => ({ number: item.number, text: item.text ?? texts?.get(item.number) ?? null })),
    factors: (instrument.factors ?? []).map((f) => ({ id: f.id, name: f.name })),
    cutoffSets: instrument.cutoffSets.map((c) => ({ id: c.id, name: c.name, isDefault: !!c.default })),
    activeCutoffSetId: active?.id ?? null,
    bandScore: instrument.bandScore ?? null,
    bands: (active?.bands ?? []).map((b) => ({ id: b.id, label: b.label, severity: b.severity, min: b.min, max: b.max ?? null })),
  }
}

function wardScreen(db: Db, wardId: string, todayDate: string): WardPsychScreen {
  const ward = db.prepare('SELECT name FROM wards WHERE id = ?').get(wardId) as { name: string } | undefined
  if (!ward) throw notFound()
  const settings = psychSettings(db)
  const people = db
    .prepare('SELECT id, name, id_number, period, admission_date FROM people WHERE ward_id = ? AND voided_at IS NULL ORDER BY name_pinyin')
    .all(wardId) as Array<{ id: string; name: string; id_number: string; period: Period | null; admission_date: string }>
  const latestStmt = db.prepare(
    `SELECT id, instrument_id, administered_on, incomplete_reason, band_id, band_severity, result FROM assessments
     WHERE person_id = ? AND voided_at IS NULL ORDER BY administered_on DESC, recorded_at DESC, rowid DESC LIMIT 1`,
  )
  const lastScreeningStmt = db.prepare(
    `SELECT max(administered_on) AS on_date FROM assessments WHERE person_id = ? AND voided_at IS NULL AND incomplete_reason IS NULL
     AND instrument_id IN (SELECT value FROM json_each(?))`,
  )
  const screening = JSON.stringify(settings.screeningInstruments)
  const tasks = listTasks(db, { wardId, status: 'open' })
  const crises = listCrises(db, { wardId, status: 'open' })
  const tasksByPerson = new Map<string, number>()
  for (const t of tasks) tasksByPerson.set(t.personId, (tasksByPerson.get(t.personId) ?? 0) + 1)
  const crisisByPerson = new Map<string, RiskLevel>()
  for (const c of crises) if (!crisisByPerson.has(c.personId)) crisisByPerson.set(c.personId, c.riskLevel)

  const rows = people.map((p) => {
    const latest = latestStmt.get(p.id) as
      | { id: string; instrument_id: string; administered_on: string; incomplete_reason: string | null; band_id: string | null; band_severity: number | null; result: string | null }
      | undefined
    const lastOn = (lastScreeningStmt.get(p.id, screening) as { on_date: string | null }).on_date
    const due = screeningDue(p.admission_date, lastOn, settings, todayDate, addDays)
    const bandLabel = latest?.result ? ((JSON.parse(latest.result) as { band: { label: Bilingual } | null }).band?.label ?? null) : null
    return {
      personId: p.id,
      name: p.name,
      idTail: idTail(p.id_number),
      period: p.period,
      admissionDate: p.admission_date,
      screening: { ...due, lastOn },
      latest: latest
        ? {
            assessmentId: latest.id,
            instrumentId: latest.instrument_id,
            on: latest.administered_on,
            incomplete: latest.incomplete_reason !== null,
            bandId: latest.band_id,
            bandLabel,
            severity: latest.band_severity,
          }
        : null,
      openTasks: tasksByPerson.get(p.id) ?? 0,
      openCrisis: crisisByPerson.get(p.id) ?? null,
    }
  })
  return {
    wardId,
    wardName: ward.name,
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

export const psychHandlers: Pick<Handlers, 'psych:instruments' | 'psych:wardScreen' | 'psych:getSettings' | 'psych:updateSettings' | 'psych:importItemTexts'> = {
  'psych:instruments'(_input, ctx) {
    const settings = psychSettings(ctx.db)
    return INSTRUMENTS.map((i) => instrumentView(ctx.db, i, settings))
  },
  'psych:wardScreen': (input, ctx) => wardScreen(ctx.db, input.wardId, today(ctx)),
  'psych:getSettings': (_input, ctx) => psychSettings(ctx.db),
  'psych:updateSettings'(input, ctx) {
    const { settings } = input
    for (const [instrumentId, setId] of Object.entries(settings.cutoffSets)) {
      const instrument = getInstrument(instrumentId)
      if (!instrument) throw new AppError('invalid_input', 'psych.unknown_instrument', { field: `settings.cutoffSets.${instrumentId}` })
      if (!instrument.cutoffSets.some((c) => c.id === setId)) throw ruleViolation('psych.unknown_cutoff_set', `settings.cutoffSets.${instrumentId}`)
    }
    settings.screeningInstruments.forEach((id, i) => {
      if (!getInstrument(id)) throw new AppError('invalid_input', 'psych.unknown_instrument', { field: `settings.screeningInstruments.${i}` })
    })
    savePsychSettings(ctx.db, settings)
    ctx.auditDetail = JSON.stringify(settings)
    return null
  },
  'psych:importItemTexts'(input, ctx) {
    const instrument = getInstrument(input.instrumentId)
    if (!instrument) throw new AppError('invalid_input', 'psych.unknown_instrument', { field: 'instrumentId' })
    if (instrument.licence.itemTextsShipped) throw ruleViolation('psych.texts_shipped', 'instrumentId')
    const n = instrument.items.length
    if (input.texts.length !== n) throw ruleViolation('psych.texts_count', 'texts', { expected: n, got: input.texts.length })
    const seen = new Set<number>()
    input.texts.forEach((t, i) => {
      if (t.number > n || seen.has(t.number)) throw ruleViolation('psych.texts_numbers', `texts.${i}.number`, { number: t.number, expected: n })
      seen.add(t.number)
    })
    const at = nowIso(ctx)
    const actor = actorOf(ctx)
    ctx.db.prepare('DELETE FROM instrument_texts WHERE instrument_id = ?').run(instrument.id)
    const insert = ctx.db.prepare('INSERT INTO instrument_texts (instrument_id, item_number, text_zh, text_en, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)')
    for (const t of input.texts) insert.run(instrument.id, t.number, t.zh, t.en, at, actor.id)
    return { items: n }
  },
}
