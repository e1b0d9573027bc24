import { Anchor, Badge, Drawer, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { STATUS_COLOR } from '../aftercareUi'
import type { CohortDrill } from './cohortColumns'

/** The people behind one cohort number. */
export function CohortPeopleDrawer({ drill, onClose }: { drill: CohortDrill; onClose: () => void }) {
  const { t } = useTranslation()
  const list = useApiQuery('aftercare:cohortPeople', { from: drill.from, to: drill.to, asOf: drill.asOf, outcome: drill.outcome })
  const figure = t(`aftercare.cohorts.cols.${drill.outcome}`)
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('aftercare.cohorts.people.title', { figure })} data-testid="aftercare-cohort-people">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">{t('aftercare.cohorts.people.of', { cohort: drill.cohortLabel, figure })}</Text>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <TableSkeleton rows={6} />}
        {list.data && (
          <>
            <Text fw={600} data-testid="aftercare-cohort-people-count">{t('aftercare.cohorts.people.count', { count: list.data.length })}</Text>
            {list.data.length === 0 ? (
              <Text c="dimmed">{t('aftercare.cohorts.people.empty')}</Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('aftercare.common.person')}</Table.Th>
                    <Table.Th>{t('aftercare.cohorts.people.released')}</Table.Th>
                    <Table.Th>{t('aftercare.cohorts.people.kind')}</Table.Th>
                    <Table.Th>{t('aftercare.cohorts.people.station')}</Table.Th>
                    <Table.Th>{t('aftercare.cohorts.people.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((r) => (
                    <Table.Tr key={r.releaseId} data-testid="aftercare-cohort-person" data-person-id={r.personId}>
                      <Table.Td><Anchor component={Link} to={`/people/${r.personId}?tab=aftercare`}>{r.name}</Anchor></Table.Td>
                      <Table.Td className="tabular">{r.releaseDate}</Table.Td>
                      <Table.Td>{t(`aftercare.kind.${r.kind}`)}</Table.Td>
                      <Table.Td>{r.stationName ?? ''}</Table.Td>
                      <Table.Td>
                        {r.status ? (
                          <Badge variant="light" color={STATUS_COLOR[r.status]}>{t(`aftercare.status.${r.status}`)}</Badge>
                        ) : (
                          <Text fz="sm" c="dimmed">{t('aftercare.cohorts.cols.not_reached')}</Text>
                        )}
                        {r.statusOn && <Text fz="xs" c="dimmed" className="tabular">{r.statusOn}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  )
}
