import { Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InstrumentView } from '@shared/contract'
import { ASSESSMENT_SETTINGS, type AssessmentSetting } from '@shared/domain/psych'
import { DateField, parseDate } from '../../../components/DateField'
import { REQUIRED } from '../../../components/required'
import { instrumentTitle, useBi } from '../psychUi'

export interface SetupValues {
  instrumentId: string | null
  setting: AssessmentSetting
  date: string
}

/** The administration date when valid and not in the future; otherwise null and an error text. */
export function checkDate(date: string, today: string): { date: string | null; key: string | null } {
  const iso = parseDate(date)
  if (!date.trim()) return { date: null, key: 'v.required' }
  if (!iso) return { date: null, key: 'v.date' }
  if (iso > today) return { date: null, key: 'psych.dateInFuture' }
  return { date: iso, key: null }
}

/** Instrument, setting and date: chosen once per assessment, or once per batch. */
export function SetupFields({
  instruments,
  values,
  onChange,
  today,
  dateError,
}: {
  instruments: InstrumentView[]
  values: SetupValues
  onChange: (patch: Partial<SetupValues>) => void
  today: string
  dateError: string | null
}) {
  const { t } = useTranslation()
  const bi = useBi()
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('psych.instrument')}
        labelProps={REQUIRED}
        placeholder={t('psych.assess.pickInstrument')}
        searchable
        data={instruments.map((i) => ({ value: i.id, label: instrumentTitle(i, bi(i.name)) }))}
        value={values.instrumentId}
        onChange={(v) => v && onChange({ instrumentId: v })}
        data-testid="instrument-select"
      />
      <Select
        label={t('psych.setting')}
        labelProps={REQUIRED}
        data={ASSESSMENT_SETTINGS.map((s) => ({ value: s, label: t(`psych.settings.${s}`) }))}
        value={values.setting}
        onChange={(v) => v && onChange({ setting: v as AssessmentSetting })}
        data-testid="setting-select"
      />
      <DateField label={t('psych.administeredOn')} labelProps={REQUIRED} maxDate={today} value={values.date} onChange={(date) => onChange({ date })} error={dateError} />
    </SimpleGrid>
  )
}
