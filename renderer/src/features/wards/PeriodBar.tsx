import { Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PERIODS, type Period } from '@shared/domain/periods'
import { PERIOD_COLORS, usePeriodLabel } from '../../components/PeriodBadge'

/** The period mix of a ward as one stacked bar with a legend of counts. */
export function PeriodBar({ byPeriod, compact = false }: { byPeriod: Record<Period, number>; compact?: boolean }) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const total = PERIODS.reduce((sum, p) => sum + byPeriod[p], 0)
  return (
    <Stack gap={6}>
      <Progress.Root size={8}>
        {PERIODS.map((p) => (
          <Tooltip key={p} label={t('common.labelValue', { label: t(`period.${p}`), value: byPeriod[p] })}>
            <Progress.Section value={total ? (byPeriod[p] / total) * 100 : 0} color={PERIOD_COLORS[p]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <SimpleGrid cols={compact ? 4 : 2} spacing={4} verticalSpacing={2}>
        {PERIODS.map((p) => (
          <Group key={p} gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 8, height: 8, borderRadius: 2, background: `var(--mantine-color-${PERIOD_COLORS[p]}-6)` }}
            />
            <Text fz="xs" c="dimmed" truncate>
              {periodLabel(p, true)}
            </Text>
            <Text fz="xs" fw={600} className="tabular">
              {byPeriod[p]}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
