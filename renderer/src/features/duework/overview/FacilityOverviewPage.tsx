import { Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core'
import { IconBuildingCommunity } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DUE_CENTRES, type DueCentre, type FacilityDueWork } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { DuePeopleDrawer } from './DuePeopleDrawer'
import { OverviewChart } from './OverviewChart'
import { totals, type CentreCounts, type DuePick } from './overviewRows'

const FACILITY_INPUT = {}

/** /duework (全所待办): due and overdue work per ward and centre, open crises, a chart; every count opens its people. */
export function FacilityOverviewPage() {
  const { t } = useTranslation()
  const overview = useApiQuery('duework:facility', FACILITY_INPUT)
  const [pick, setPick] = useState<DuePick | null>(null)
  return (
    <>
      <PageHeader title={t('duework.overview.title')} subtitle={overview.data ? `${t('duework.overview.subtitle')} · ${overview.data.today}` : t('duework.overview.subtitle')} />
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isPending && (
        <Stack>
          <Skeleton h={280} />
          <Paper>
            <TableSkeleton />
          </Paper>
        </Stack>
      )}
      {overview.data &&
        (overview.data.wards.length === 0 ? (
          <Paper>
            <EmptyState icon={<IconBuildingCommunity size={24} />} title={t('duework.overview.empty')} />
          </Paper>
        ) : (
          <Stack gap="md">
            <Paper p="md">
              <Text fw={600} mb="xs">
                {t('duework.overview.chart')}
              </Text>
              <OverviewChart
                wards={overview.data.wards}
                onPick={(index, status) => {
                  const ward = overview.data.wards[index]
                  if (ward) setPick({ wardId: ward.wardId, wardName: ward.wardName, centre: null, status })
                }}
              />
            </Paper>
            <OverviewTable data={overview.data} onPick={setPick} />
          </Stack>
        ))}
      {pick && overview.data && <DuePeopleDrawer pick={pick} today={overview.data.today} wardNames={new Map(overview.data.wards.map((w) => [w.wardId, w.wardName]))} onClose={() => setPick(null)} />}
    </>
  )
}

function Count({ value, status, onClick, testId }: { value: number; status: 'due' | 'overdue'; onClick: () => void; testId?: string }) {
  if (value === 0) {
    return (
      <Text span c="gray.5" className="tabular">
        0
      </Text>
    )
  }
  return (
    <UnstyledButton onClick={onClick} data-testid={testId} data-value={value}>
      <Text span fw={600} c={status === 'overdue' ? 'red.8' : 'yellow.9'} td="underline" className="tabular">
        {value}
      </Text>
    </UnstyledButton>
  )
}

function OverviewTable({ data, onPick }: { data: FacilityDueWork; onPick: (pick: DuePick) => void }) {
  const { t } = useTranslation()
  const sum = (centre: DueCentre | null) => {
    const all = data.wards.map((w) => (centre ? (w.counts as CentreCounts)[centre] : totals(w.counts, DUE_CENTRES)))
    return { due: all.reduce((n, c) => n + c.due, 0), overdue: all.reduce((n, c) => n + c.overdue, 0) }
  }
  const pair = (counts: { due: number; overdue: number }, wardId: string | null, wardName: string, centre: DueCentre | null, testId: string) => (
    <Group gap={6} justify="center" wrap="nowrap">
      <Count value={counts.due} status="due" onClick={() => onPick({ wardId, wardName, centre, status: 'due' })} testId={`${testId}-due`} />
      <Text span c="dimmed">
        /
      </Text>
      <Count value={counts.overdue} status="overdue" onClick={() => onPick({ wardId, wardName, centre, status: 'overdue' })} testId={`${testId}-overdue`} />
    </Group>
  )
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={900}>
        <Table striped="even" highlightOnHover withColumnBorders data-testid="duework-overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duework.overview.ward')}</Table.Th>
              <Table.Th ta="right">{t('duework.overview.residents')}</Table.Th>
              {DUE_CENTRES.map((centre) => (
                <Table.Th key={centre} ta="center">
                  {t(`duework.centre.${centre}`)}
                  <Text fz={10} c="dimmed" fw={400}>
                    {t('duework.overview.dueShort')} / {t('duework.overview.overdueShort')}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th ta="center">
                {t('duework.overview.total')}
                <Text fz={10} c="dimmed" fw={400}>
                  {t('duework.overview.dueShort')} / {t('duework.overview.overdueShort')}
                </Text>
              </Table.Th>
              <Table.Th ta="center">{t('duework.overview.crises')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.wards.map((ward) => (
              <Table.Tr key={ward.wardId} data-testid="overview-ward" data-ward-id={ward.wardId}>
                <Table.Td>
                  <Anchor component={Link} to={`/wards/${ward.wardId}/day`} fw={500}>
                    {ward.wardName}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {ward.residents}
                </Table.Td>
                {DUE_CENTRES.map((centre) => (
                  <Table.Td key={centre}>{pair((ward.counts as CentreCounts)[centre], ward.wardId, ward.wardName, centre, `cell-${centre}`)}</Table.Td>
                ))}
                <Table.Td>{pair(totals(ward.counts, DUE_CENTRES), ward.wardId, ward.wardName, null, 'cell-total')}</Table.Td>
                <Table.Td ta="center">
                  {ward.openCrises > 0 ? (
                    <Badge color="red" variant="filled">
                      {ward.openCrises}
                    </Badge>
                  ) : (
                    <Text span c="gray.5">
                      0
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td>{t('duework.overview.totalRow')}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {data.wards.reduce((n, w) => n + w.residents, 0)}
              </Table.Td>
              {DUE_CENTRES.map((centre) => (
                <Table.Td key={centre}>{pair(sum(centre), null, t('duework.overview.totalRow'), centre, `all-${centre}`)}</Table.Td>
              ))}
              <Table.Td>{pair(sum(null), null, t('duework.overview.totalRow'), null, 'all-total')}</Table.Td>
              <Table.Td ta="center" className="tabular">
                {data.wards.reduce((n, w) => n + w.openCrises, 0)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}
