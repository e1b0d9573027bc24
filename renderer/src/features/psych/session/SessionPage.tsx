import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconAlertOctagon, IconAlertTriangle, IconBan, IconEdit, IconLock, IconPrinter } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { SessionDetail } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ReasonModal } from '../../../components/ReasonModal'
import { formatInstant, todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { SessionEditModal } from './SessionEditModal'
import { SessionHistory } from './SessionHistory'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { InfoGrid } from '../../../components/InfoGrid'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { isValidUuid } from '../../../lib/ids'
import { RecordedBy } from '../../../components/RecordedBy'

/** /psych/sessions/:id (psych.notes): the structured counselling note; opening it is an audited read. */
export function SessionPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <SessionView key={id} id={id} />
}

function SessionView({ id }: { id: string }) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const from = params.get('from')
  const session = useApiQuery('psych:getSession', { id })
  const backPerson = session.data?.participants.find((p) => p.personId === from) ?? session.data?.participants[0]
  return (
    <>
      <PageHeader back={backPerson ? { to: `/people/${backPerson.personId}?tab=psych`, label: backPerson.name } : { to: '/psych', label: t('psych.title') }} />
      {session.isError && <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />}
      {session.isPending && <Skeleton h={320} />}
      {session.data && <SessionContent s={session.data} reloadSession={async () => (await session.refetch()).data} />}
    </>
  )
}

function Section({ title, children, color }: { title: string; children: ReactNode; color?: string }) {
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={600} c={color}>
        {title}
      </Text>
      <Text fz="sm" className="psych-note">
        {children}
      </Text>
    </Stack>
  )
}

function SessionContent({ s, reloadSession }: { s: SessionDetail; reloadSession: () => Promise<SessionDetail | undefined> }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const voidIt = useApiMutation('psych:voidSession', { success: t('psych.sessionRecord.voidDone') })
  return (
    <Stack gap="md">
      {s.voided && (
        <Alert color="red" variant="light" icon={<IconAlertOctagon size={20} />} title={t('psych.sessionRecord.voided')} data-testid="session-voided">
          <Text fz="sm">{t('psych.sessionRecord.voidedLine', { by: s.voided.by, at: formatInstant(s.voided.at), reason: s.voided.reason })}</Text>
          <Text fz="xs" c="dimmed">
            {t('psych.sessionRecord.voidedNoEdit')}
          </Text>
        </Alert>
      )}
      <Paper p="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
          <Group gap="sm">
            <Title order={3} fw={600} data-testid="session-topic" td={s.voided ? 'line-through' : undefined}>
              {s.topic}
            </Title>
            <Badge variant="light" color={s.kind === 'group' ? 'grape' : 'ink'}>
              {t(`psych.session.kinds.${s.kind}`)}
            </Badge>
            {s.riskObserved && (
              <Badge color="red" variant="filled">
                {t('psych.session.riskFlag')}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to={`/print/session/${s.id}`} variant="light" size="xs" leftSection={<IconPrinter size={14} />} data-testid="session-print-link">
              {t('psych.sessionRecord.print')}
            </Button>
            {!s.voided && (
              <>
                <Button variant="light" size="xs" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="session-edit">
                  {t('psych.sessionRecord.edit')}
                </Button>
                <Button variant="subtle" color="red" size="xs" leftSection={<IconBan size={14} />} onClick={() => setVoiding(true)} data-testid="session-void">
                  {t('psych.sessionRecord.void')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        <InfoGrid
          cols={4}
          items={[
            { label: t('psych.session.date'), value: s.date },
            { label: t('psych.session.duration'), value: t('psych.session.minutesValue', { count: s.durationMinutes }) },
            { label: t('psych.session.counsellor'), value: s.counsellor },
            { label: t('psych.recorded'), value: <RecordedBy at={s.recordedAt} by={s.recordedBy} plain /> },
            {
              label: s.kind === 'group' ? t('psych.session.participants') : t('psych.session.client'),
              span: true,
              value: (
                <Group gap={8}>
                  {s.participants.map((p) => (
                    <Anchor key={p.personId} component={Link} to={`/people/${p.personId}?tab=psych`} fz="sm">
                      {p.name}
                    </Anchor>
                  ))}
                </Group>
              ),
            },
          ]}
        />
      </Paper>
      <Paper p="lg" data-testid="session-note">
        <Stack gap="lg">
          <Section title={t('psych.session.note.presentingIssue')}>{s.note.presentingIssue}</Section>
          <Section title={t('psych.session.note.intervention')}>{s.note.intervention}</Section>
          <Section title={t('psych.session.note.response')}>{s.note.response}</Section>
          {s.note.riskObserved && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('psych.session.note.riskObserved')}>
              <Text fz="sm" className="psych-note">
                {s.note.riskObserved}
              </Text>
            </Alert>
          )}
          <Section title={t('psych.session.note.plan')}>{s.note.plan ?? '—'}</Section>
        </Stack>
      </Paper>
      <SessionHistory sessionId={s.id} />
      <Group gap={6} c="dimmed">
        <IconLock size={14} />
        <Text fz="xs">{t('psych.session.auditedRead')}</Text>
      </Group>
      {/* Not keyed by revision: a colleague's save announced live must not reset what is being typed (a conflict instead). */}
      {editing && <SessionEditModal session={s} today={today} onClose={() => setEditing(false)} reload={reloadSession} />}
      <ReasonModal
        opened={voiding}
        title={t('psych.sessionRecord.voidTitle')}
        warning={t('psych.sessionRecord.voidHint')}
        confirmLabel={t('psych.sessionRecord.void')}
        loading={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={(reason) => voidIt.mutateAsync({ id: s.id, reason })}
      />
    </Stack>
  )
}
