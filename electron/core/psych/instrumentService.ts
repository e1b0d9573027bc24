import type { InstrumentView } from '../../shared/contract'
import type { instrumentsContract } from '../../shared/contract/psych/instruments'
import type { Instrument } from '../../shared/domain/instruments'
import type { PsychSettings } from '../../shared/domain/psych'
import { actorOf, nowIso } from '../context'
import type { Db } from '../db/open'
import { AppError, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { getInstrument, INSTRUMENTS } from './instruments'
import { instrumentTextRepo } from './instrumentTextRepo'
import { settingVersion } from '../db/settingsRepo'
import { psychSettings, savePsychSettings } from './psychSettings'

/** The facility's choice, else the set marked default (the schema requires exactly one whenever there are sets). */
function activeCutoffSet(instrument: Instrument, settings: PsychSettings) {
  const chosen = settings.cutoffSets[instrument.id]
  return instrument.cutoffSets.find((c) => c.id === chosen) ?? instrument.cutoffSets.find((c) => c.default) ?? null
}

export function instrumentView(db: Db, instrument: Instrument, settings: PsychSettings): InstrumentView {
  const texts = instrument.licence.itemTextsShipped ? null : instrumentTextRepo.loaded(db, instrument.id)
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

export const instrumentHandlers = {
  'psych:instruments'(_input, ctx) {
    const settings = psychSettings(ctx.db)
    return INSTRUMENTS.map((i) => instrumentView(ctx.db, i, settings))
  },
  'psych:getSettings': (_input, ctx) => ({ ...psychSettings(ctx.db), version: settingVersion(ctx.db, 'psych.settings') }),
  'psych:updateSettings'(input, ctx) {
    const { settings } = input
    if (input.version !== settingVersion(ctx.db, 'psych.settings')) throw new AppError('conflict', 'settings.stale')
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
    instrumentTextRepo.replace(ctx.db, instrument.id, input.texts, nowIso(ctx), actorOf(ctx).id)
    return { items: n }
  },
} satisfies HandlersFor<typeof instrumentsContract>
