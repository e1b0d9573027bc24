import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { IconEdit, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrainingSessionRow } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { ReasonModal } from '../../components/ReasonModal'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { RecordSession } from './RecordSession'
import { daysBefore, IntensityBadge, ReasonBadge } from './trainingUi'

const LIMIT = 20

/** A ward's (or one group's) sessions in a date range, newest first, paged; details, edit and void. */
export function SessionList({ wardId, groupId, today, canRecord }: { wardId: string; groupId?: string; today: string; canRecord: boolean }) {
  const { t } = useTranslation()
  const [from, setFrom] = useState(daysBefore(today, 30))
  const [to, setTo] = useState(today)
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<TrainingSessionRow | null>(null)
  const [voiding, setVoiding] = useState<TrainingSessionRow | null>(null)
  const valid = isValidIsoDate(from) && isValidIsoDate(to) && from <= to
  const sessions = useApiQuery('training:sessions', { wardId, groupId, from, to, offset, limit: LIMIT }, { enabled: valid, keepPrevious: true })
  const voidSession = useApiMutation('training:voidSession', { success: t('training.session.voidedDone') })
  return (
    <Stack gap="sm" data-testid="session-list">
      <Group>
        <DateField label={t('training.session.from')} value={from} maxDate={today} onChange={(v) => (setFrom(v), setOffset(0))} w={160} />
        <DateField label={t('training.session.to')} value={to} maxDate={today} onChange={(v) => (setTo(v), setOffset(0))} w={160}
          error={isValidIsoDate(from) && isValidIsoDate(to) && from > to ? t('training.range_order') : undefined} />
      </Group>
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {valid && sessions.isPending && <TableSkeleton rows={5} />}
      {sessions.data && sessions.data.total === 0 && <EmptyState title={t('training.session.none')} hint={t('training.session.noneHint')} />}
      {sessions.data && sessions.data.total > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.session.date')}</Table.Th>
                {!groupId && <Table.Th>{t('training.session.group')}</Table.Th>}
                <Table.Th>{t('training.session.content')}</Table.Th>
                <Table.Th>{t('training.session.duration')}</Table.Th>
                <Table.Th>{t('training.session.intensity')}</Table.Th>
                <Table.Th>{t('training.session.counts')}</Table.Th>
                <Table.Th>{t('training.session.recordedBy')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.rows.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row" style={s.voided ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
                  <Table.Td className="tabular">{formatDate(s.date)} {s.startTime}</Table.Td>
                  {!groupId && <Table.Td>{s.groupName}</Table.Td>}
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setOpen(s)}>{s.content}</Button>
                    {s.voided && <Badge color="gray" ml={4}>{t('training.session.voided')}</Badge>}
                  </Table.Td>
                  <Table.Td className="tabular">{s.durationMinutes} {t('training.session.minutes')}</Table.Td>
                  <Table.Td><IntensityBadge value={s.intensity} /></Table.Td>
                  <Table.Td className="tabular">{s.present} / <Text span c={s.absent > 0 ? 'red' : undefined}>{s.absent}</Text></Table.Td>
                  <Table.Td>{s.recordedBy}</Table.Td>
                  <Table.Td>
                    {canRecord && !s.voided && (
                      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => setVoiding(s)}>
                        {t('training.session.void')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager offset={offset} limit={LIMIT} total={sessions.data.total} onChange={setOffset} />
        </>
      )}
      {open && <SessionDetailModal wardId={wardId} sessionId={open.id} today={today} canRecord={canRecord} onClose={() => setOpen(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('training.session.voidTitle')}
        warning={t('training.session.voidWarning')}
        loading={voidSession.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidSession.mutateAsync({ wardId, id: voiding!.id, reason }).then(() => setVoiding(null))}
      />
    </Stack>
  )
}

function SessionDetailModal({ wardId, sessionId, today, canRecord, onClose }: { wardId: string; sessionId: string; today: string; canRecord: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const detail = useApiQuery('training:getSession', { wardId, id: sessionId })
  const [editing, setEditing] = useState(false)
  const s = detail.data
  return (
    <Modal opened onClose={onClose} title={editing ? t('training.session.editTitle') : t('training.session.detail')} size={editing ? 'xl' : 'lg'}>
      {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isPending && <TableSkeleton rows={4} />}
      {s && editing && <RecordSession wardId={wardId} groupId={s.groupId} today={today} defaultIntensity={s.intensity} editing={s} onDone={onClose} />}
      {s && !editing && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{s.groupName} · {formatDate(s.date)} {s.startTime} · {s.durationMinutes} {t('training.session.minutes')}</Text>
            <Badge variant="outline">{t('training.session.revision', { n: s.revision })}</Badge>
          </Group>
          <Text>{s.content}</Text>
          {s.note && <Text fz="sm" c="dimmed">{s.note}</Text>}
          {s.voided && <Text c="red" fz="sm">{t('training.session.voided')}：{s.voided.reason}（{s.voided.by}）</Text>}
          <Text fz="sm" c="dimmed">{t('training.session.summary', { total: s.attendance.length, present: s.present, absent: s.absent })}</Text>
          <Table withTableBorder>
            <Table.Tbody>
              {s.attendance.map((a) => (
                <Table.Tr key={a.personId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.present ? <Badge color="teal" variant="light">{t('training.session.present')}</Badge> : <ReasonBadge reason={a.reason!} text={a.reasonText} />}</Table.Td>
                  <Table.Td><Text fz="sm" c="dimmed">{a.note}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canRecord && !s.voided && (
            <Group justify="flex-end">
              <Button variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>{t('training.session.edit')}</Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  )
}
