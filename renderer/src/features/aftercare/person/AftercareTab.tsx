import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { ContactView, PersonFile } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useCan } from '../../auth/UserContext'
import { STATUS_COLOR, useAftercareLists } from '../aftercareUi'
import { ContactModal } from './ContactModal'

const SLOT_COLOR = { done: 'teal', upcoming: 'gray', due: 'blue', overdue: 'red', missed: 'orange' } as const

/** The person file's 后续照管 tab: the release, the follow-up plan with each slot's state, the contacts timeline. */
export function AftercareTab({ file }: { file: PersonFile }) {
  const { t, i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  const can = useCan()
  const writable = can('aftercare.record') && !file.voided
  const data = useApiQuery('aftercare:person', { personId: file.id })
  const { settings } = useAftercareLists()
  const [search, setSearch] = useSearchParams()
  const [form, setForm] = useState<{ editing?: ContactView; slotId?: string } | null>(null)
  const [voiding, setVoiding] = useState<ContactView | null>(null)
  const voidContact = useApiMutation('aftercare:voidContact')

  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
  if (data.isPending) return <Paper p="lg"><TableSkeleton rows={5} /></Paper>
  const p = data.data
  const helpLabel = (id: string) => {
    const entry = settings.data?.helpKinds.find((h) => h.id === id)
    return entry ? (english ? entry.en : entry.zh) : id
  }
  if (!p.release) {
    return (
      <Paper p="lg" data-testid="aftercare-tab">
        <Text c="dimmed">{t('aftercare.person.notReleased')}</Text>
      </Paper>
    )
  }
  // ?record=1 (or ?record=<slotId>) from the due screen opens the form once the data is in.
  const asked = search.get('record')
  const shown = form ?? (asked && writable ? { slotId: asked === '1' ? undefined : asked } : null)
  const close = () => {
    if (search.has('record')) {
      const next = new URLSearchParams(search)
      next.delete('record')
      setSearch(next, { replace: true })
    }
    setForm(null)
  }
  const release = p.release

  return (
    <Stack gap="md" data-testid="aftercare-tab">
      <Paper p="lg">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600}>{t('aftercare.person.release', { date: release.releaseDate, kind: t(`aftercare.kind.${release.kind}`) })}</Text>
            {(release.stationName || release.receivingCommunity) && (
              <Text fz="sm" c="dimmed">{t('aftercare.person.station', { name: release.stationName ?? release.receivingCommunity })}</Text>
            )}
            {p.outcome ? (
              <Group gap={6}>
                <Text fz="sm">{t('aftercare.person.outcome', { date: p.outcome.on })}</Text>
                <Badge color={STATUS_COLOR[p.outcome.status]} data-testid="aftercare-outcome">{t(`aftercare.status.${p.outcome.status}`)}</Badge>
              </Group>
            ) : (
              <Text fz="sm" c="dimmed" data-testid="aftercare-outcome">{t('aftercare.person.noOutcome')}</Text>
            )}
          </Stack>
          {writable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({})} data-testid="aftercare-record">
              {t('aftercare.person.record')}
            </Button>
          )}
        </Group>
      </Paper>

      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={5}>{t('aftercare.person.plan')}</Title>
          {p.plan && <Text fz="xs" c="dimmed">{p.plan.version === 'default' ? t('aftercare.person.planDefault') : t('aftercare.person.planVersion', { version: p.plan.version })}</Text>}
        </Group>
        {!p.plan ? (
          <Alert color="gray" variant="light">{t('aftercare.person.noPlan')}</Alert>
        ) : (
          <Table striped withTableBorder data-testid="aftercare-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aftercare.person.seq')}</Table.Th>
                <Table.Th>{t('aftercare.due.slot')}</Table.Th>
                <Table.Th>{t('aftercare.person.dueOn')}</Table.Th>
                <Table.Th>{t('aftercare.person.window')}</Table.Th>
                <Table.Th>{t('aftercare.person.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.plan.slots.map((s) => (
                <Table.Tr key={s.id} data-testid="aftercare-slot" data-state={s.state}>
                  <Table.Td className="tabular">{s.seq}</Table.Td>
                  <Table.Td>{t(`aftercare.slotKind.${s.kind}`)}</Table.Td>
                  <Table.Td className="tabular">{s.dueOn}</Table.Td>
                  <Table.Td className="tabular" c="dimmed">{s.windowFrom} — {s.windowTo}</Table.Td>
                  <Table.Td><Badge variant="light" color={SLOT_COLOR[s.state]}>{t(`aftercare.slotState.${s.state}`)}</Badge></Table.Td>
                  <Table.Td>
                    {writable && (s.state === 'due' || s.state === 'overdue') && (
                      <Button size="compact-xs" variant="light" onClick={() => setForm({ slotId: s.id })}>{t('aftercare.person.recordFor')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper p="lg">
        <Title order={5} mb="sm">{t('aftercare.person.contacts')}</Title>
        {p.contacts.length === 0 ? (
          <Text c="dimmed">{t('aftercare.person.noContacts')}</Text>
        ) : (
          <Table striped withTableBorder data-testid="aftercare-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aftercare.person.contactOn')}</Table.Th>
                <Table.Th>{t('aftercare.person.methodCol')}</Table.Th>
                <Table.Th>{t('aftercare.person.statusCol')}</Table.Th>
                <Table.Th>{t('aftercare.person.employmentCol')}</Table.Th>
                <Table.Th>{t('aftercare.person.help')}</Table.Th>
                <Table.Th>{t('aftercare.person.note')}</Table.Th>
                <Table.Th>{t('aftercare.person.by')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.contacts.map((c) => (
                <Table.Tr key={c.id} data-testid="aftercare-contact-row" style={c.voided ? { textDecoration: 'line-through', opacity: 0.55 } : undefined}>
                  <Table.Td className="tabular">{c.contactOn}</Table.Td>
                  <Table.Td>
                    {t(`aftercare.method.${c.method}`)}
                    {c.stationName && <Text fz="xs" c="dimmed">{c.stationName}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {c.status ? <Badge variant="light" color={STATUS_COLOR[c.status]}>{t(`aftercare.status.${c.status}`)}</Badge> : <Text fz="sm" c="dimmed">{c.reached ? '' : t('aftercare.person.no')}</Text>}
                  </Table.Td>
                  <Table.Td>{c.employment ? `${t(`aftercare.employment.${c.employment}`)}${c.employer ? ` · ${c.employer}` : ''}` : ''}</Table.Td>
                  <Table.Td>{c.help.map(helpLabel).join('、')}</Table.Td>
                  <Table.Td maw={240}><Text fz="sm" lineClamp={2}>{c.note ?? ''}</Text></Table.Td>
                  <Table.Td><Text fz="sm">{c.staff ?? c.recordedByName}</Text></Table.Td>
                  <Table.Td>
                    {c.voided ? (
                      <Badge color="gray" variant="light" title={c.voided.reason}>{t('aftercare.common.voided')}</Badge>
                    ) : writable ? (
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="compact-xs" variant="subtle" onClick={() => setForm({ editing: c })}>{t('aftercare.common.edit')}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(c)}>{t('aftercare.common.void')}</Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {shown && (
        <ContactModal
          personId={file.id}
          today={p.today}
          releaseDate={release.releaseDate}
          defaultStationId={release.stationId}
          slots={p.plan?.slots ?? []}
          editing={shown.editing}
          slotId={shown.slotId}
          onClose={close}
        />
      )}
      <ReasonModal
        opened={voiding !== null}
        title={t('aftercare.person.voidTitle')}
        loading={voidContact.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidContact.mutateAsync({ personId: file.id, id: voiding!.id, revision: voiding!.revision, reason }).then(() => setVoiding(null))}
      />
    </Stack>
  )
}
