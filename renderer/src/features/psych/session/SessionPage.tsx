import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { SessionDetail } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
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
      {session.data && <SessionContent s={session.data} />}
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

function SessionContent({ s }: { s: SessionDetail }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Paper p="lg">
        <Group gap="sm" mb="md">
          <Title order={3} fw={600} data-testid="session-topic">
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
      <Group gap={6} c="dimmed">
        <IconLock size={14} />
        <Text fz="xs">{t('psych.session.auditedRead')}</Text>
      </Group>
    </Stack>
  )
}
