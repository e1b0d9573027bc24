import { Badge, Button, Card, Group, Progress, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconChevronRight, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { WardSummary } from '@shared/contract'
import { PeriodBar } from './PeriodBar'
import { useWardPanels } from './wardPanels'

export function WardCard({ ward }: { ward: WardSummary }) {
  const { t } = useTranslation()
  const panels = useWardPanels()
  const rate = ward.capacity ? Math.min(100, (ward.occupancy / ward.capacity) * 100) : 0
  const full = ward.occupancy >= ward.capacity
  return (
    <Card padding="lg" style={{ opacity: ward.active ? 1 : 0.6 }} className="ward-card">
      <UnstyledButton component={Link} to={`/wards/${ward.id}`} data-testid="ward-card" style={{ display: 'block' }}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text fw={600} fz="lg">
                {ward.name}
              </Text>
              {!ward.active && (
                <Badge color="gray" variant="light">
                  {t('wards.inactive')}
                </Badge>
              )}
              {ward.active && full && (
                <Badge color="red" variant="light">
                  {t('wards.full')}
                </Badge>
              )}
            </Group>
            <IconChevronRight size={18} stroke={1.5} color="var(--mantine-color-gray-5)" />
          </Group>
          <Stack gap={4}>
            <Group justify="space-between" align="baseline">
              <Text fz="xs" c="dimmed">
                {t('wards.occupancy')}
              </Text>
              <Text className="tabular">
                <Text span fw={700} fz="xl">
                  {ward.occupancy}
                </Text>
                <Text span c="dimmed" fz="sm">
                  {' '}
                  / {ward.capacity}
                </Text>
              </Text>
            </Group>
            <Progress value={rate} color={full ? 'red' : rate >= 90 ? 'orange' : 'ink'} size="sm" aria-label={t('wards.occupancy')} />
          </Stack>
          <PeriodBar byPeriod={ward.byPeriod} />
          {ward.note && (
            <Text fz="xs" c="dimmed" lineClamp={1}>
              {ward.note}
            </Text>
          )}
        </Stack>
      </UnstyledButton>
      {/* With another ward screen to offer, the roster gets its own link beside it. */}
      {panels.length > 0 && (
        <Card.Section withBorder inheritPadding py={6} mt="md">
          <Group justify="flex-end" gap={4}>
            <Button component={Link} to={`/wards/${ward.id}`} size="compact-sm" variant="subtle" color="gray" leftSection={<IconUsers size={14} />}>
              {t('roster.title')}
            </Button>
            {panels.map(({ key, label, icon: Icon, to, testId }) => (
              <Button key={key} component={Link} to={to(ward.id)} size="compact-sm" variant="subtle" leftSection={<Icon size={14} />} data-testid={testId}>
                {label(t)}
              </Button>
            ))}
          </Group>
        </Card.Section>
      )}
    </Card>
  )
}
