import { Alert, Paper, SimpleGrid, Stack, Text, ThemeIcon, Group } from '@mantine/core'
import { IconAlertTriangle, IconCalendarDue, IconCalendarEvent, IconCircleCheck, IconCircleX, IconClockPause } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonTerm } from '@shared/contract'
import { translateKey } from '../../../../i18n/errorText'

function Figure({ icon, label, value, hint, color }: { icon: ReactNode; label: string; value: ReactNode; hint?: ReactNode; color?: string }) {
  return (
    <Paper p="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" color={color ?? 'ink'} size="lg">
          {icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fz="xs" c="dimmed">
            {label}
          </Text>
          <Text fz="lg" fw={600} className="tabular" c={color ? `${color}.8` : undefined}>
            {value}
          </Text>
          {hint && (
            <Text fz="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  )
}

export function TermSummary({ term }: { term: PersonTerm }) {
  const { t } = useTranslation()
  const r = term.result
  return (
    <Stack gap="sm">
      {term.openEscapeFrom && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="open-escape">
          {t('term.openEscape', { from: term.openEscapeFrom })}
        </Alert>
      )}
      {term.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('term.error', { message: translateKey(term.error) })}
        </Alert>
      )}
      {r && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Figure icon={<IconCalendarDue size={20} />} label={t('term.lastDay')} value={r.lastDay} />
          <Figure icon={<IconCalendarEvent size={20} />} label={t('term.earliestEarlyRelease')} value={r.earliestEarlyRelease} />
          <Figure
            icon={r.earlyReleaseAllowed ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
            color={r.earlyReleaseAllowed ? 'teal' : 'red'}
            label={t('term.earlyRelease')}
            value={r.earlyReleaseAllowed ? t('common.yes') : t('common.no')}
            hint={
              r.earlyReleaseAllowed
                ? t('term.allowed')
                : r.earlyReleaseBarredBy === 'escape'
                  ? t('term.barredEscape')
                  : t('term.barredRecorded', { reason: term.earlyReleaseBarReason ?? '' })
            }
          />
          <Figure
            icon={<IconClockPause size={20} />}
            label={t('term.daysNotCounted')}
            value={t('common.days', { count: r.daysNotCounted })}
            hint={r.extensionMonths > 0 ? `${t('term.extensionMonths')} ${t('common.months', { count: r.extensionMonths })}` : undefined}
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
