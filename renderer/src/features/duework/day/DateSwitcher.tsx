import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays } from '@shared/domain/dates'
import { DateField, parseDate } from '../../../components/DateField'

/**
 * The day shown, with a step back and forward and a typed date: looking back at an earlier day's work. A date after
 * today is refused with the limit stated (the screen stays on the day it shows).
 */
export function DateSwitcher({ date, today, onChange }: { date: string; today: string; onChange: (date: string) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(date)
  const [shown, setShown] = useState(date)
  if (shown !== date) {
    // The day changed from outside (a step, back to today): the field follows it.
    setShown(date)
    setText(date)
  }
  const parsed = parseDate(text)
  const error = text && !parsed ? t('v.date') : parsed && parsed > today ? t('duework.day.dateInFuture', { today }) : null
  const go = (next: string) => {
    setText(next)
    onChange(next)
  }
  return (
    <Group gap="xs" align="flex-start" data-testid="day-switcher">
      <Tooltip label={t('duework.day.prevDay')}>
        <ActionIcon variant="default" size="lg" onClick={() => go(addDays(date, -1))} aria-label={t('duework.day.prevDay')} data-testid="prev-day">
          <IconChevronLeft size={18} />
        </ActionIcon>
      </Tooltip>
      <DateField
        w={170}
        aria-label={t('duework.day.date')}
        value={text}
        maxDate={today}
        error={error}
        onChange={(value) => {
          setText(value)
          const next = parseDate(value)
          if (next && next === value && next <= today) onChange(next)
        }}
        data-testid="day-date"
      />
      <Tooltip label={t('duework.day.nextDay')}>
        <ActionIcon variant="default" size="lg" onClick={() => go(addDays(date, 1))} disabled={date >= today} aria-label={t('duework.day.nextDay')} data-testid="next-day">
          <IconChevronRight size={18} />
        </ActionIcon>
      </Tooltip>
      <Button variant={date === today ? 'light' : 'default'} onClick={() => go(today)} disabled={date === today}>
        {t('duework.day.today')}
      </Button>
      <Text fz="sm" c="dimmed" pt={8}>
        {t(`duework.day.weekday.d${dayjs(date).day() as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}
      </Text>
    </Group>
  )
}
