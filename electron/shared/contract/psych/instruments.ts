/** Instruments as the facility runs them: definitions with loaded item texts, and the psychology settings (cut-offs, screening). */
import { z } from 'zod'
import type { Bilingual } from '../../domain/instruments'
import type { PsychSettings } from '../../domain/psych'
import { intAtLeast, optionalText, text, tooLong, tooMany } from '../common'
import { method, noAudit } from '../define'

export interface InstrumentView {
  id: string
  version: string
  name: Bilingual
  shortName: string
  licenceNote: Bilingual
  itemTextsShipped: boolean
  /** Facility-loaded texts from its licensed copy, when the product ships none. */
  itemTextsLoaded: boolean
  recallPeriod: Bilingual | null
  instructions: Bilingual | null
  responseOptions: Array<{ value: number; label: Bilingual }>
  items: Array<{ number: number; text: Bilingual | null }>
  factors: Array<{ id: string; name: Bilingual }>
  cutoffSets: Array<{ id: string; name: Bilingual; isDefault: boolean }>
  activeCutoffSetId: string | null
  /** The score the bands apply to (its trend is charted). */
  bandScore: string | null
  bands: Array<{ id: string; label: Bilingual; severity: number; min: number; max: number | null }>
}

export const psychSettingsSchema = z.object({
  cutoffSets: z.record(z.string(), z.string()),
  rounding: z.enum(['truncate', 'round_half_up']),
  screeningInstruments: z.array(z.string()).min(1, 'v.required'),
  scl90FactorRule: z.enum(['>=', '>']),
}) satisfies z.ZodType<PsychSettings>

export const instrumentsContract = {
  'psych:instruments': method<InstrumentView[]>()({ input: z.object({}), access: 'psych.read', audit: noAudit, scope: 'facility' }),
  /** The settings and their version, which a save must name (psych:updateSettings). */
  'psych:getSettings': method<PsychSettings & { version: string }>()({ input: z.object({}), access: 'psych.read', audit: noAudit, scope: 'facility' }),
  'psych:updateSettings': method<null>()({
    input: z.object({ settings: psychSettingsSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'psych.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'psych.settings' },
  }),
  'psych:importItemTexts': method<{ items: number }>()({
    input: z.object({
      instrumentId: text(40),
      texts: z.array(z.object({ number: intAtLeast(1), zh: text(300), en: optionalText(300) })).min(1, 'v.required').max(400, tooMany(400)),
    }),
    access: 'psych.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'instrument', record: (i) => i.instrumentId },
  }),
}
