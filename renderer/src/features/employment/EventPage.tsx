import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconEdit, IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InfoGrid } from '../../components/InfoGrid'
import { PageHeader } from '../../components/PageHeader'
import { ReasonModal } from '../../components/ReasonModal'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, todayIso } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { useFacility } from '../shell/useFacility'
import { EventModal } from './EventModal'
import { ReferModal } from './referralModals'
import { ReferralTable } from './ReferralTable'

/** /employment/events/:eventId — the event's positions, the people referred with their agreements; refer and record. */
export function EventPage() {
  const { t } = useTranslation()
  const { eventId = '' } = useParams()
  const today = useFacility().data?.today ?? todayIso()
  const can = useCan()
  const navigate = useNavigate()
  const event = useApiQuery('employment:event', { id: eventId })
  const [editing, setEditing] = useState(false)
  const [referring, setReferring] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const voidEvent = useApiMutation('employment:voidEvent')
  const back = { to: '/employment', label: t('employment.back') }
  if (event.isError) return (<><PageHeader back={back} /><ErrorAlert error={event.error} onRetry={() => void event.refetch()} /></>)
  if (event.isPending) return (<><PageHeader back={back} /><TableSkeleton rows={6} /></>)
  const e = event.data
  const hiddenCount = e.referred - e.referrals.length
  return (
    <Stack gap="md" data-testid="event-page">
      <PageHeader
        back={back}
        title={`${e.employer} · ${t(`employment.kind.${e.kind}`)}`}
        subtitle={formatDate(e.eventDate)}
        actions={can('vocational.record') && (
          <>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>{t('employment.editEvent')}</Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setVoiding(true)}>{t('employment.voidEvent')}</Button>
          </>
        )}
      />
      <Paper p="lg">
        <InfoGrid
          cols={4}
          items={[
            { label: t('employment.positionsOffered'), value: e.positionsOffered ?? '—' },
            { label: t('employment.referred'), value: e.referred },
            { label: t('employment.agreements'), value: e.agreements },
            { label: t('employment.place'), value: e.place ?? '—' },
          ]}
        />
        <Text fz="sm" fw={600} mt="md">{t('employment.positions')}</Text>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.positions ?? '—'}</Text>
        {e.note && <Text fz="sm" c="dimmed" mt="xs">{e.note}</Text>}
      </Paper>
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={5}>{t('employment.referTitle')}</Title>
          {can('vocational.record') && <Button leftSection={<IconUserPlus size={16} />} onClick={() => setReferring(true)} data-testid="refer-people">{t('employment.refer')}</Button>}
        </Group>
        {hiddenCount > 0 && <Text fz="sm" c="dimmed" mb="xs">{t('employment.hidden', { count: hiddenCount })}</Text>}
        {e.referrals.length === 0 ? <EmptyState title={t('employment.noReferrals')} /> : <ReferralTable rows={e.referrals} today={today} columns={['person']} />}
      </Paper>
      {editing && <EventModal event={e} today={today} onClose={() => setEditing(false)} />}
      {referring && <ReferModal eventId={e.id} employer={e.employer} minDate={e.eventDate} today={today} onClose={() => setReferring(false)} />}
      <ReasonModal
        opened={voiding}
        title={t('employment.voidEventTitle')}
        warning={t('employment.voidEventWarning')}
        loading={voidEvent.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={(reason) => voidEvent.mutateAsync({ id: e.id, revision: e.revision, reason }).then(() => void navigate('/employment'))}
      />
    </Stack>
  )
}
