import { Anchor, Badge, Button, Checkbox, Drawer, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { StationView } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useCan } from '../../auth/UserContext'
import { STATUS_COLOR } from '../aftercareUi'
import { StationModal } from './StationModal'

/** /aftercare/stations — the guidance stations, communities and others the facility hands people over to. */
export function StationsPage() {
  const { t } = useTranslation()
  const can = useCan()
  const [query, setQuery] = useState('')
  const [includeRetired, setIncludeRetired] = useState(false)
  const list = useApiQuery('aftercare:stations', { query: query.trim() || null, includeRetired }, { keepPrevious: true })
  const [editing, setEditing] = useState<StationView | 'new' | null>(null)
  const [retiring, setRetiring] = useState<StationView | null>(null)
  const [open, setOpen] = useState<StationView | null>(null)
  const retire = useApiMutation('aftercare:retireStation')

  return (
    <Stack gap="md" data-testid="aftercare-stations">
      <PageHeader
        title={t('aftercare.stations.title')}
        subtitle={t('aftercare.stations.subtitle')}
        actions={can('aftercare.record') && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="station-add">{t('aftercare.stations.add')}</Button>}
      />
      <Group align="flex-end">
        <TextInput leftSection={<IconSearch size={14} />} placeholder={t('aftercare.stations.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} />
        <Checkbox label={t('aftercare.stations.includeRetired')} checked={includeRetired} onChange={(e) => setIncludeRetired(e.currentTarget.checked)} />
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Paper p="md">
        {list.isPending ? (
          <TableSkeleton rows={5} />
        ) : list.data && list.data.length === 0 ? (
          <Text c="dimmed">{query ? t('aftercare.stations.emptySearch') : t('aftercare.stations.empty')}</Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aftercare.stations.name')}</Table.Th>
                <Table.Th>{t('aftercare.stations.kind')}</Table.Th>
                <Table.Th>{t('aftercare.stations.region')}</Table.Th>
                <Table.Th>{t('aftercare.stations.contactName')}</Table.Th>
                <Table.Th ta="right">{t('aftercare.stations.released')}</Table.Th>
                <Table.Th ta="right">{t('aftercare.stations.contacts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((s) => (
                <Table.Tr key={s.id} data-testid="station-row" style={s.retired ? { opacity: 0.55 } : undefined}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => setOpen(s)}>{s.name}</Anchor>
                    {s.retired && <Badge ml={6} color="gray" variant="light" title={s.retired.reason}>{t('aftercare.stations.retired')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`aftercare.stationKind.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.region}</Table.Td>
                  <Table.Td>{[s.contactName, s.contactPhone].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td ta="right" className="tabular">{s.releasedPeople}</Table.Td>
                  <Table.Td ta="right" className="tabular">{s.contacts}</Table.Td>
                  <Table.Td>
                    {!s.retired && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {can('aftercare.record') && <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)}>{t('aftercare.common.edit')}</Button>}
                        {can('aftercare.configure') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRetiring(s)}>{t('aftercare.stations.retire')}</Button>}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {editing && <StationModal editing={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={retiring !== null}
        title={t('aftercare.stations.retireTitle')}
        loading={retire.isPending}
        onClose={() => setRetiring(null)}
        onConfirm={(reason) => retire.mutateAsync({ id: retiring!.id, revision: retiring!.revision, reason }).then(() => setRetiring(null))}
      />
      {open && <StationDrawer station={open} onClose={() => setOpen(null)} />}
    </Stack>
  )
}

function StationDrawer({ station, onClose }: { station: StationView; onClose: () => void }) {
  const { t } = useTranslation()
  const detail = useApiQuery('aftercare:station', { id: station.id })
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={station.name}>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">{[station.region, station.address, station.contactName, station.contactPhone].filter(Boolean).join(' · ')}</Text>
        {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
        {detail.isPending && <TableSkeleton rows={4} />}
        {detail.data && (
          <>
            <Title order={6}>{t('aftercare.stations.people')}</Title>
            {detail.data.people.length === 0 ? (
              <Text c="dimmed">{t('aftercare.stations.noPeople')}</Text>
            ) : (
              <Table striped>
                <Table.Tbody>
                  {detail.data.people.map((p) => (
                    <Table.Tr key={p.releaseId}>
                      <Table.Td><Anchor component={Link} to={`/people/${p.personId}?tab=aftercare`}>{p.name}</Anchor></Table.Td>
                      <Table.Td className="tabular">{p.releaseDate}</Table.Td>
                      <Table.Td>{t(`aftercare.kind.${p.kind}`)}</Table.Td>
                      <Table.Td>{p.status && <Badge variant="light" color={STATUS_COLOR[p.status]}>{t(`aftercare.status.${p.status}`)}</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={6}>{t('aftercare.stations.recent')}</Title>
            {detail.data.recentContacts.length === 0 ? (
              <Text c="dimmed">{t('aftercare.person.noContacts')}</Text>
            ) : (
              <Table striped>
                <Table.Tbody>
                  {detail.data.recentContacts.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td className="tabular">{c.contactOn}</Table.Td>
                      <Table.Td><Anchor component={Link} to={`/people/${c.personId}?tab=aftercare`}>{c.personName}</Anchor></Table.Td>
                      <Table.Td>{t(`aftercare.method.${c.method}`)}</Table.Td>
                      <Table.Td>{c.status && <Badge variant="light" color={STATUS_COLOR[c.status]}>{t(`aftercare.status.${c.status}`)}</Badge>}</Table.Td>
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
