import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import { useDisclosure } from '@mantine/hooks'
import { IconCalendar, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isValidIsoDate } from '@shared/domain/dates'

/** Accepts 2026-11-23, 2026/11/23, 2026.11.23, 2026年11月23日 and 20261123; null when not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  const split = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  const m = compact ?? split
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isValidIsoDate(iso) ? iso : null
}

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string | null
  onChange: (value: string) => void
  minDate?: string
  maxDate?: string
  clearable?: boolean
}

/**
 * A calendar date typed from the keyboard (the value is `YYYY-MM-DD`, or the raw text while it is not a date yet, so
 * validation can say so), with a calendar behind the icon for those who prefer to click. The calendar never opens by
 * itself, so it cannot cover the buttons below while someone types.
 */
export function DateField({ value, onChange, minDate, maxDate, clearable, onBlur, ...props }: Props) {
  const { t } = useTranslation()
  const [opened, calendar] = useDisclosure(false)
  const text = value ?? ''
  const iso = parseDate(text)
  return (
    <TextInput
      placeholder={t('field.datePlaceholder')}
      autoComplete="off"
      className="tabular"
      {...props}
      value={text}
      onChange={(e) => {
        const raw = e.currentTarget.value
        const parsed = parseDate(raw)
        onChange(parsed && raw.trim() === parsed ? parsed : raw)
      }}
      onBlur={(e) => {
        if (iso && iso !== text) onChange(iso)
        onBlur?.(e)
      }}
      rightSectionWidth={clearable && text ? 56 : 32}
      rightSection={
        <>
          {clearable && text && (
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => onChange('')} aria-label={t('common.clear')}>
              <IconX size={14} />
            </ActionIcon>
          )}
          <Popover opened={opened} onChange={(o) => (o ? calendar.open() : calendar.close())} position="bottom-end" shadow="md" trapFocus>
            <Popover.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" onClick={calendar.toggle} aria-label={t('common.calendar')} tabIndex={-1}>
                <IconCalendar size={16} stroke={1.5} />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <DatePicker
                value={iso}
                defaultDate={iso ?? maxDate ?? undefined}
                minDate={minDate}
                maxDate={maxDate}
                onChange={(v) => {
                  onChange(v ?? '')
                  calendar.close()
                }}
              />
            </Popover.Dropdown>
          </Popover>
        </>
      }
    />
  )
}
