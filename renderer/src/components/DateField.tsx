import { DateInput, type DateInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isValidIsoDate } from '../../../electron/shared/domain/dates'

/** Accepts 2026-11-23, 2026/11/23, 2026.11.23 and 20261123 from the keyboard. */
function parseDate(input: string): string | null {
  const s = input.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  const split = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  const m = compact ?? split
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isValidIsoDate(iso) ? iso : null
}

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  value: string | null | undefined
  onChange: (value: string) => void
}

/** A calendar date as a `YYYY-MM-DD` string ('' when empty). */
export function DateField({ value, onChange, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseDate}
      placeholder={t('field.datePlaceholder')}
      leftSection={<IconCalendar size={16} stroke={1.5} />}
      leftSectionPointerEvents="none"
      popoverProps={{ withinPortal: true }}
      {...props}
      value={value ? value : null}
      onChange={(v) => onChange(v ?? '')}
    />
  )
}
