import { Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconFlag, IconUrgent } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Milestone } from '@shared/contract'
import { daysBetween } from '@shared/domain/dates'
import { usePeriodLabel } from '../../../components/PeriodBadge'
import { useCan } from '../../auth/UserContext'

/** Open crises and psychology tasks of the ward, with the way to the psychology screen that handles them. */
export function CrisesPanel({ wardId, openCrises, openTasks }: { wardId: string; openCrises: number; openTasks: number }) {
  const { t } = useTranslation()
  const can = useCan()
  const alarm = openCrises > 0
  return (
    <Paper
      p="md"
      data-testid="day-crises"
      bg={alarm ? 'red.0' : undefined}
      style={{ borderColor: alarm ? 'var(--mantine-color-red-4)' : undefined, borderLeftWidth: alarm ? 4 : undefined }}
    >
      <Group gap="xs" mb={6}>
        <ThemeIcon size={26} radius="xl" color={alarm ? 'red' : 'gray'} variant={alarm ? 'filled' : 'light'}>
          <IconUrgent size={16} />
        </ThemeIcon>
        <Text fw={600}>{t('duework.crises.title')}</Text>
      </Group>
      {openCrises === 0 && openTasks === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('duework.crises.none')}
        </Text>
      ) : (
        <Stack gap={2}>
          <Text fz="sm" c={alarm ? 'red.9' : undefined} fw={alarm ? 600 : undefined}>
            {t('duework.crises.crises', { count: openCrises })}
          </Text>
          <Text fz="sm">{t('duework.crises.tasks', { count: openTasks })}</Text>
        </Stack>
      )}
      {can('psych.read') && (
        <Button component={Link} to={`/wards/${wardId}/psych`} size="compact-sm" variant="subtle" mt={6} px={0}>
          {t('duework.crises.openPsych')}
        </Button>
      )}
    </Paper>
  )
}

/** When the milestone falls, counted from the day shown. */
export function useMilestoneWhen(): (on: string, day: string) => string {
  const { t } = useTranslation()
  return (on, day) => {
    const days = daysBetween(day, on)
    return days === 0 ? t('duework.milestones.today') : days > 0 ? t('duework.milestones.inDays', { days }) : t('duework.milestones.ago', { days: -days })
  }
}

export function useMilestoneLabel(): (m: Milestone) => string {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const periodDwellLabel = (m: Milestone) => {
    const period = m.period
    return period ? t('duework.milestones.period_dwell', { period: periodLabel(period) }) : t('duework.milestones.period_dwell_any')
  }
  return (m) => (m.kind === 'period_dwell' ? periodDwellLabel(m) : t(`duework.milestones.${m.kind}`))
}

/** People whose period or term milestone is near, soonest first. */
export function MilestonesPanel({ milestones, today }: { milestones: readonly Milestone[]; today: string }) {
  const { t } = useTranslation()
  const when = useMilestoneWhen()
  const label = useMilestoneLabel()
  const sorted = [...milestones].sort((a, b) => a.on.localeCompare(b.on))
  return (
    <Paper p="md" data-testid="day-milestones">
      <Group gap="xs" mb={6}>
        <ThemeIcon size={26} radius="xl" variant="light" color="blue">
          <IconFlag size={15} />
        </ThemeIcon>
        <Text fw={600}>{t('duework.milestones.title')}</Text>
        {sorted.length > 0 && (
          <Badge variant="light" color="blue">
            {sorted.length}
          </Badge>
        )}
      </Group>
      {sorted.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('duework.milestones.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={320}>
          <Stack gap={4}>
            {sorted.map((m) => (
              <Group key={`${m.personId}/${m.kind}`} justify="space-between" wrap="nowrap" gap="xs" data-testid="milestone">
                <Anchor component={Link} to={`/people/${m.personId}?tab=duework`} fz="sm" fw={500}>
                  {m.personName}
                </Anchor>
                <Text fz="xs" c="dimmed" ta="right">
                  {label(m)} · <span className="tabular">{m.on}</span> · {when(m.on, today)}
                </Text>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  )
}
