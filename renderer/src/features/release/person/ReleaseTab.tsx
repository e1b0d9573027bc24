import { Alert, Badge, Button, Card, Group, List, Modal, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconDoorExit, IconLock, IconLockOpen } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonFile, ReleaseView } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { isApiCallError } from '../../../api/errors'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { InfoGrid } from '../../../components/InfoGrid'
import { ReasonModal } from '../../../components/ReasonModal'
import { translateFieldError } from '../../../i18n/errorText'
import { formatInstant, todayIso } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { Checklist } from './Checklist'
import { HandoverPanel } from './HandoverPanel'
import { ReleaseFormModal } from './ReleaseFormModal'

/** The person file's 出所 tab: the release record with its checklist, confirm and void, reopen/close, the handover sheet. */
export function ReleaseTab({ file }: { file: PersonFile }) {
  const view = useApiQuery('release:get', { personId: file.id })
  if (view.error) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
  if (!view.data) {
    return (
      <Stack>
        <Skeleton h={120} />
        <Skeleton h={200} />
      </Stack>
    )
  }
  return (
    <Stack data-testid="release-tab">
      <ReleaseCard file={file} view={view.data} />
      <FileAccess personId={file.id} view={view.data} />
      <HandoverPanel personId={file.id} view={view.data} />
    </Stack>
  )
}

function ReleaseCard({ file, view }: { file: PersonFile; view: ReleaseView }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = todayIso()
  const [modal, setModal] = useState<'form' | 'confirm' | 'void' | null>(null)
  const voidRelease = useApiMutation('release:void', { success: t('release.voided') })
  const r = view.release
  const canRecord = can('release.record')
  const voidAllowed = r ? (r.status === 'planned' ? canRecord : can('release.reopen')) : false
  if (!r) {
    return (
      <Card withBorder>
        {view.pastStay ? (
          <Text c="dimmed">{t('release.pastNoRecord')}</Text>
        ) : (
          <EmptyState
            title={t('release.empty')}
            hint={t('release.emptyHint')}
            icon={<IconDoorExit size={24} />}
            action={canRecord ? <Button onClick={() => setModal('form')} data-testid="release-plan">{t('release.actions.plan')}</Button> : undefined}
          />
        )}
        {modal === 'form' && <ReleaseFormModal personId={file.id} view={view} today={today} onClose={() => setModal(null)} />}
        <VoidedList view={view} />
      </Card>
    )
  }
  return (
    <Card withBorder data-testid="release-card">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>{t(`release.kinds.${r.kind}`)}</Title>
          <Badge color={r.status === 'released' ? 'gray' : 'blue'} data-testid="release-status">{t(`release.status.${r.status}`)}</Badge>
        </Group>
        <Group gap="xs">
          {canRecord && <Button variant="default" onClick={() => setModal('form')} data-testid="release-edit">{t('release.actions.edit')}</Button>}
          {canRecord && r.status === 'planned' && <Button onClick={() => setModal('confirm')} data-testid="release-confirm">{t('release.actions.confirm')}</Button>}
          {voidAllowed && <Button variant="subtle" color="red" onClick={() => setModal('void')}>{t('release.actions.void')}</Button>}
        </Group>
      </Group>
      <InfoGrid
        items={[
          { label: t('release.fields.releaseDate'), value: r.releaseDate },
          { label: t('release.fromWard'), value: r.fromWardName ?? view.person.wardName ?? '—' },
          { label: t('release.fields.certificateNo'), value: r.certificateNo ?? '—' },
          { label: t('release.fields.stationId'), value: r.stationName ?? r.receivingCommunity ?? '—' },
          ...(r.communityRehab ? [{ label: t('release.fields.communityRehabMonths'), value: r.communityRehabMonths ?? '—' }] : []),
          ...(r.releasedAt ? [{ label: t('release.status.released'), value: t('release.releasedBy', { by: r.releasedByName ?? '', at: formatInstant(r.releasedAt) }) }] : []),
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Checklist items={view.checklist} released={r.status === 'released'} />
      </div>
      {modal === 'form' && <ReleaseFormModal personId={file.id} view={view} today={today} onClose={() => setModal(null)} />}
      {modal === 'confirm' && <ConfirmModal file={file} view={view} onClose={() => setModal(null)} />}
      <ReasonModal
        opened={modal === 'void'}
        title={t('release.voidTitle')}
        warning={r.status === 'planned' ? t('release.voidPlannedWarning') : t('release.voidReleasedWarning', { ward: r.fromWardName ?? '' })}
        loading={voidRelease.isPending}
        onClose={() => setModal(null)}
        onConfirm={(reason) => voidRelease.mutateAsync({ id: r.id, revision: r.revision, reason })}
      />
      <VoidedList view={view} />
    </Card>
  )
}

/** States what confirmation does; a refusal lists each open item with its message. */
function ConfirmModal({ file, view, onClose }: { file: PersonFile; view: ReleaseView; onClose: () => void }) {
  const { t } = useTranslation()
  const r = view.release!
  const confirm = useApiMutation('release:confirm', { success: t('release.confirmed'), notifyError: false, onSuccess: onClose })
  const fields = confirm.error && isApiCallError(confirm.error) ? confirm.error.fields : undefined
  return (
    <Modal opened onClose={onClose} title={t('release.confirmTitle')} size="lg">
      <Stack>
        <Text>{t('release.confirmText', { name: file.identity.name, ward: view.person.wardName ?? '', date: r.releaseDate })}</Text>
        {confirm.error && !fields && <ErrorAlert error={confirm.error} />}
        {fields && (
          <Alert color="red" data-testid="release-confirm-errors">
            <List size="sm">
              {Object.entries(fields).map(([field, message]) => (
                <List.Item key={field}>{translateFieldError(message)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={confirm.isPending} onClick={() => confirm.mutate({ id: r.id, revision: r.revision })} data-testid="release-confirm-go">
            {t('release.confirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function VoidedList({ view }: { view: ReleaseView }) {
  const { t } = useTranslation()
  if (view.voided.length === 0) return null
  return (
    <Stack gap={2} mt="sm">
      <Text fz="sm" fw={600} c="dimmed">{t('release.voidedList')}</Text>
      {view.voided.map((v) => (
        <Text key={v.id} fz="xs" c="dimmed">
          {t(`release.kinds.${v.kind}`)} · {v.releaseDate} · {t(`release.status.${v.status}`)} — {v.voidedByName}，{formatInstant(v.voidedAt)}：{v.reason}
        </Text>
      ))}
    </Stack>
  )
}

/** Reopen a closed file with a reason, or close a reopened one (administrators), and the history of reopenings. */
function FileAccess({ personId, view }: { personId: string; view: ReleaseView }) {
  const { t } = useTranslation()
  const can = useCan()
  const [reopening, setReopening] = useState(false)
  const reopen = useApiMutation('release:reopenFile', { success: t('release.reopened') })
  const close = useApiMutation('release:closeFile', { success: t('release.closed') })
  if (!view.fileClosed && !view.openReopening && view.reopenings.length === 0) return null
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>{t('release.reopenings')}</Text>
        {can('release.reopen') && view.fileClosed && (
          <Button variant="default" leftSection={<IconLockOpen size={16} />} onClick={() => setReopening(true)} data-testid="release-reopen">
            {t('release.actions.reopen')}
          </Button>
        )}
        {can('release.reopen') && view.openReopening && (
          <Button variant="default" leftSection={<IconLock size={16} />} loading={close.isPending} onClick={() => close.mutate({ personId })} data-testid="release-close">
            {t('release.actions.close')}
          </Button>
        )}
      </Group>
      <Stack gap={2} mt="xs">
        {view.reopenings.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('release.noReopenings')}
          </Text>
        )}
        {view.reopenings.map((o) => (
          <Text key={o.id} fz="sm">
            {t('release.reopenedBy', { by: o.openedByName, at: formatInstant(o.openedAt), reason: o.reason })}
            {o.closedAt && <Text span c="dimmed" fz="sm">{' · '}{t('release.closedAt', { at: formatInstant(o.closedAt), by: o.closedByName ?? '' })}</Text>}
          </Text>
        ))}
      </Stack>
      <ReasonModal
        opened={reopening}
        title={t('release.reopenTitle')}
        warning={t('release.reopenWarning')}
        loading={reopen.isPending}
        onClose={() => setReopening(false)}
        onConfirm={(reason) => reopen.mutateAsync({ personId, reason })}
      />
    </Card>
  )
}
