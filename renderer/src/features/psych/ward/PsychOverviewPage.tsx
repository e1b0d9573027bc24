import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconBuildingCommunity, IconChevronRight, IconClipboardPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { WardSummary } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { useCan } from '../../auth/UserContext'
import { useWards } from '../../wards/useWards'

/** /psych: every active ward with its psychology counts, each opening the ward's psychology screen. */
export function PsychOverviewPage() {
  const { t } = useTranslation()
  const can = useCan()
  const wards = useWards()
  const list = (wards.data ?? []).filter((w) => w.active)
  return (
    <>
      <PageHeader
        title={t('psych.title')}
        subtitle={t('psych.overview.subtitle')}
        actions={
          can('psych.assess') && (
            <Button component={Link} to="/psych/assess" leftSection={<IconClipboardPlus size={16} />}>
              {t('psych.newAssessment')}
            </Button>
          )
        }
      />
      {wards.isError && <ErrorAlert error={wards.error} onRetry={() => void wards.refetch()} />}
      {wards.isPending && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={150} />
          ))}
        </SimpleGrid>
      )}
      {wards.isSuccess && list.length === 0 && (
        <Card>
          <EmptyState icon={<IconBuildingCommunity size={24} />} title={t('wards.empty')} hint={t('wards.emptyHint')} />
        </Card>
      )}
      {list.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} data-testid="psych-overview">
          {list.map((ward) => (
            <WardPsychCard key={ward.id} ward={ward} />
          ))}
        </SimpleGrid>
      )}
    </>
  )
}

function Count({ label, value, color }: { label: string; value: number | undefined; color: string }) {
  return (
    <Stack gap={0} align="flex-start">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={24} w={28} mt={2} />
      ) : (
        <Text fz="xl" fw={700} className="tabular" c={value > 0 ? color : 'dimmed'}>
          {value}
        </Text>
      )}
    </Stack>
  )
}

function WardPsychCard({ ward }: { ward: WardSummary }) {
  const { t } = useTranslation()
  const screen = useApiQuery('psych:wardScreen', { wardId: ward.id })
  const counts = screen.data?.counts
  return (
    <UnstyledButton component={Link} to={`/wards/${ward.id}/psych`} data-testid="psych-ward-card" style={{ display: 'block' }}>
      <Card padding="lg" className="ward-card">
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text fw={600} fz="lg">
                {ward.name}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('roster.count', { count: ward.occupancy })}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {counts && counts.openCrises > 0 && (
                <Badge color="red" variant="filled">
                  {t('psych.ward.countCrises')} {counts.openCrises}
                </Badge>
              )}
              <IconChevronRight size={18} stroke={1.5} color="var(--mantine-color-gray-5)" />
            </Group>
          </Group>
          {screen.isError ? (
            <Text fz="sm" c="red.7">
              {t('common.loadFailed')}
            </Text>
          ) : (
            <SimpleGrid cols={4} spacing="xs">
              <Count label={t('psych.ward.countDue')} value={counts?.due} color="yellow.8" />
              <Count label={t('psych.ward.countOverdue')} value={counts?.overdue} color="red.7" />
              <Count label={t('psych.ward.countTasks')} value={counts?.openTasks} color="orange.7" />
              <Count label={t('psych.ward.countCrises')} value={counts?.openCrises} color="red.7" />
            </SimpleGrid>
          )}
        </Stack>
      </Card>
    </UnstyledButton>
  )
}
