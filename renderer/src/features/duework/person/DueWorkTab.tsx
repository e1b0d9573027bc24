import { Anchor, Badge, Grid, Group, Paper, Stack, Text } from '@mantine/core'
import { IconCalendarCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PersonFile } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { byUrgency } from '../day/DueGroups'
import { useMilestoneLabel, useMilestoneWhen } from '../day/SidePanels'
import { DueItemRow } from '../DueItemRow'

/**
 * The person's due work at a glance (一键统览): what is open (most urgent first), what was done (with the record that
 * satisfied it) or exempt (with the reason), and the period and term milestones.
 */
export function DueWorkTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const due = useApiQuery('duework:person', { personId: file.id })
  const milestoneLabel = useMilestoneLabel()
  const when = useMilestoneWhen()
  if (due.isError) return <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />
  if (due.isPending) return <TableSkeleton rows={4} />
  const items = [...due.data.items].sort(byUrgency)
  const open = items.filter((i) => i.status === 'due' || i.status === 'overdue')
  const closed = items.filter((i) => i.status === 'done' || i.status === 'exempt').sort((a, b) => b.dueOn.localeCompare(a.dueOn))
  return (
    <Grid gutter="md" align="flex-start" data-testid="person-duework">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <Paper p="md">
            <Group gap="xs" mb={4}>
              <Text fw={600}>{t('duework.person.open')}</Text>
              <Badge variant="light" color={open.some((i) => i.status === 'overdue') ? 'red' : 'yellow'}>
                {open.length}
              </Badge>
            </Group>
            {open.length === 0 ? (
              <EmptyState icon={<IconCalendarCheck size={24} />} title={t('duework.person.empty')} />
            ) : (
              open.map((item) => <DueItemRow key={`${item.rule}/${item.occurrence}`} item={item} today={today} showPerson={false} />)
            )}
          </Paper>
          <Paper p="md">
            <Text fw={600} mb={4}>
              {t('duework.person.closed')}
            </Text>
            {closed.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('duework.person.noClosed')}
              </Text>
            ) : (
              closed.map((item) => <DueItemRow key={`${item.rule}/${item.occurrence}`} item={item} today={today} showPerson={false} />)
            )}
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper p="md" data-testid="person-milestones">
          <Text fw={600} mb={6}>
            {t('duework.person.milestones')}
          </Text>
          {due.data.milestones.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('duework.person.noMilestones')}
            </Text>
          ) : (
            <Stack gap={4}>
              {[...due.data.milestones]
                .sort((a, b) => a.on.localeCompare(b.on))
                .map((m) => (
                  <Group key={m.kind} justify="space-between" wrap="nowrap">
                    <Text fz="sm">{milestoneLabel(m)}</Text>
                    <Text fz="sm" c="dimmed" className="tabular">
                      {m.on} · {when(m.on, today)}
                    </Text>
                  </Group>
                ))}
            </Stack>
          )}
          {file.wardId && (
            <Anchor component={Link} to={`/wards/${file.wardId}/day`} fz="sm" mt="sm" display="block">
              {t('duework.day.title')}
            </Anchor>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  )
}
