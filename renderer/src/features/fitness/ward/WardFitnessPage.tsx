import { Anchor, Badge, Button, Grid, Group, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core'
import { IconBarbell, IconCalendarDue, IconTable } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { useCan } from '../../auth/UserContext'
import { useWards } from '../../wards/useWards'
import { GradeDistributionChart } from '../charts/GradeDistributionChart'
import { GRADE_COLORS, GRADES } from '../fitnessUi'

/** /wards/:wardId/fitness — the ward's latest test day by grade, mean change since admission per item, who is due. */
export function WardFitnessPage() {
  const { t } = useTranslation()
  const { wardId = '' } = useParams()
  const can = useCan()
  const navigate = useNavigate()
  const wards = useWards()
  const summary = useApiQuery('fitness:wardSummary', { wardId })
  const ward = wards.data?.find((w) => w.id === wardId)
  const title = ward ? `${ward.name} · ${t('fitness.ward.title')}` : t('fitness.ward.title')

  const header = (
    <PageHeader
      back={{ to: `/wards/${wardId}`, label: ward?.name ?? t('fitness.day.ward') }}
      title={title}
      actions={
        <>
          <Select
            w={150}
            value={wardId}
            onChange={(id) => id && id !== wardId && void navigate(`/wards/${id}/fitness`)}
            data={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            allowDeselect={false}
            aria-label={t('fitness.day.ward')}
          />
          <Button component={Link} to={`/fitness?ward=${wardId}`} leftSection={<IconTable size={16} />} variant={can('fitness.record') ? 'filled' : 'default'} data-testid="fitness-open-day">
            {t('fitness.ward.openDay')}
          </Button>
        </>
      }
    />
  )

  if (summary.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    )
  }
  if (summary.isPending) {
    return (
      <>
        {header}
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Skeleton h={280} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Skeleton h={280} />
          </Grid.Col>
        </Grid>
      </>
    )
  }
  const s = summary.data
  const bars = [...GRADES, 'none' as const].map((g) => ({ key: g, label: t(`fitness.grades.${g}`), count: s.distribution[g], color: GRADE_COLORS[g] }))
  const tested = bars.reduce((sum, b) => sum + b.count, 0)

  return (
    <>
      {header}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper p="lg" h="100%" data-testid="fitness-ward-distribution">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t('fitness.ward.distribution')}</Text>
              {s.latestTestDate && (
                <Anchor component={Link} to={`/fitness?ward=${wardId}&date=${s.latestTestDate}`} fz="sm" data-testid="fitness-latest-day">
                  {t('fitness.ward.latestDay', { date: s.latestTestDate })} · {t('fitness.ward.people', { count: tested })}
                </Anchor>
              )}
            </Group>
            {s.latestTestDate ? (
              <GradeDistributionChart bars={bars} />
            ) : (
              <EmptyState icon={<IconBarbell size={24} />} title={t('fitness.ward.noTests')} />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper p="lg" h="100%" data-testid="fitness-ward-changes">
            <Text fw={600}>{t('fitness.ward.meanChange')}</Text>
            <Text fz="xs" c="dimmed" mb="sm">
              {t('fitness.ward.meanChangeHint')}
            </Text>
            {s.changes.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('fitness.ward.noChanges')}
              </Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fitness.report.item')}</Table.Th>
                    <Table.Th ta="right">{t('fitness.ward.change')}</Table.Th>
                    <Table.Th ta="right">{t('fitness.ward.peopleCol')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.changes.map((c) => (
                    <Table.Tr key={c.item}>
                      <Table.Td>{t(`fitness.items.${c.item}`)}</Table.Td>
                      <Table.Td ta="right" className="tabular" c={c.meanChange > 0 ? 'teal.8' : c.meanChange < 0 ? 'red.7' : undefined} fw={600}>
                        {c.meanChange > 0 ? '+' : ''}
                        {c.meanChange.toFixed(2)}
                      </Table.Td>
                      <Table.Td ta="right" className="tabular" c="dimmed">
                        {c.people}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper p="lg" mt="md" data-testid="fitness-ward-due">
        <Group gap="xs" mb={4}>
          <IconCalendarDue size={18} />
          <Text fw={600}>{t('fitness.ward.due')}</Text>
          <Badge variant="light" color={s.due.length > 0 ? 'orange' : 'teal'}>
            {s.due.length}
          </Badge>
        </Group>
        <Text fz="xs" c="dimmed" mb="sm">
          {t('fitness.ward.dueHint', { days: s.retestIntervalDays })}
        </Text>
        {s.due.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('fitness.ward.dueEmpty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {[
              { key: 'overdue', label: t('fitness.ward.overdue'), people: s.due.filter((d) => d.lastTestDate), color: 'orange' },
              { key: 'never', label: t('fitness.ward.neverTested'), people: s.due.filter((d) => !d.lastTestDate), color: 'red' },
            ]
              .filter((group) => group.people.length > 0)
              .map((group) => (
                <div key={group.key}>
                  <Text fz="sm" fw={500} mb={4}>
                    {group.label}（{group.people.length}）
                  </Text>
                  <Group gap={6} wrap="wrap">
                    {group.people.map((d) => (
                      <Badge
                        key={d.personId}
                        component={Link}
                        to={`/people/${d.personId}?tab=fitness`}
                        variant="outline"
                        color={group.color}
                        size="lg"
                        radius="sm"
                        style={{ cursor: 'pointer', textTransform: 'none', fontWeight: 500 }}
                        data-testid="fitness-due-person"
                      >
                        {d.name}
                        {d.lastTestDate ? ` · ${t('fitness.ward.lastTested', { date: d.lastTestDate })}` : ''}
                      </Badge>
                    ))}
                  </Group>
                </div>
              ))}
          </Stack>
        )}
      </Paper>
    </>
  )
}
