import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core'
import { IconAlertTriangle, IconCalendarEvent, IconCircleCheck, IconFlag, IconHeartHandshake, IconPhoneCall, IconUrgent } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { CrisisDetail } from '@shared/contract'
import type { CrisisEventKind } from '@shared/domain/psych'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { todayIso } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { RiskBadge } from '../psychUi'
import { CloseCrisisModal, CrisisEventModal } from './CrisisModals'
import { RecordedBy } from '../../../components/RecordedBy'

export function CrisisPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <CrisisView key={id} id={id} />
}

function CrisisView({ id }: { id: string }) {
  const { t } = useTranslation()
  const crisis = useApiQuery('psych:getCrisis', { id })
  return (
    <>
      <PageHeader
        back={crisis.data ? { to: `/people/${crisis.data.personId}?tab=psych`, label: crisis.data.personName } : { to: '/psych', label: t('psych.title') }}
      />
      {crisis.isError && <ErrorAlert error={crisis.error} onRetry={() => void crisis.refetch()} />}
      {crisis.isPending && (
        <Stack>
          <Skeleton h={120} />
          <Skeleton h={200} />
        </Stack>
      )}
      {crisis.data && <CrisisContent c={crisis.data} />}
    </>
  )
}

function CrisisContent({ c }: { c: CrisisDetail }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const [adding, setAdding] = useState<CrisisEventKind | null>(null)
  const [closing, setClosing] = useState(false)
  const open = c.status === 'open'
  const followUpDue = open && c.nextFollowUp !== null && c.nextFollowUp <= today
  return (
    <Stack gap="md">
      <Paper
        p="lg"
        bg={open ? 'red.0' : undefined}
        style={{ borderColor: open ? 'var(--mantine-color-red-4)' : undefined, borderLeftWidth: open ? 4 : undefined }}
        data-testid="crisis-header"
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6}>
            <Group gap="sm">
              <ThemeIcon size={32} radius="xl" color={open ? 'red' : 'gray'}>
                <IconUrgent size={18} />
              </ThemeIcon>
              <Title order={3} fw={600}>
                {t('psych.crisis.title')} ·{' '}
                <Anchor component={Link} to={`/people/${c.personId}?tab=psych`} inherit>
                  {c.personName}
                </Anchor>
              </Title>
              <RiskBadge level={c.riskLevel} size="lg" />
              <Badge size="lg" color={open ? 'red' : 'gray'} variant={open ? 'dot' : 'light'} data-testid="crisis-status">
                {open ? t('psych.crisis.open') : t('psych.crisis.closed')}
              </Badge>
            </Group>
            <Text fz="sm" c="dimmed">
              {t('psych.crisis.raisedOnBy', { on: c.raisedOn, by: c.raisedBy })}
              {c.lastEventOn && ` · ${t('psych.crisis.lastEvent', { on: c.lastEventOn })}`}
            </Text>
            <Text fz="sm" className="psych-note">
              <Text span fw={600}>
                {t('psych.crisis.reason')}：
              </Text>
              {c.reason}
            </Text>
          </Stack>
          {open && (
            <Group gap="xs" wrap="nowrap">
              <Button leftSection={<IconHeartHandshake size={16} />} onClick={() => setAdding('intervention')}>
                {t('psych.crisis.add.intervention')}
              </Button>
              <Button variant="light" leftSection={<IconPhoneCall size={16} />} onClick={() => setAdding('follow_up')}>
                {t('psych.crisis.add.follow_up')}
              </Button>
              <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => setClosing(true)}>
                {t('psych.crisis.close')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {open && c.nextFollowUp && (
        <Alert color={followUpDue ? 'red' : 'blue'} variant="light" icon={followUpDue ? <IconAlertTriangle size={18} /> : <IconCalendarEvent size={18} />}>
          {followUpDue ? t('psych.crisis.followUpDue', { on: c.nextFollowUp }) : t('psych.crisis.nextFollowUpOn', { on: c.nextFollowUp })}
        </Alert>
      )}
      {open && c.events.length === 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('psych.crisis.noEventsYet')}
        </Alert>
      )}
      <Paper p="lg">
        <Text fw={600} mb="md">
          {t('psych.crisis.timeline')}
        </Text>
        <Timeline active={c.events.length + (open ? 0 : 1)} bulletSize={26} lineWidth={2} color={open ? 'red' : 'gray'} data-testid="crisis-timeline">
          <Timeline.Item bullet={<IconFlag size={14} />} title={t('psych.crisis.raisedEvent')}>
            <RecordedBy on={c.raisedOn} by={c.raisedBy} />
            <Text fz="sm" mt={4} className="psych-note">
              {c.reason}
            </Text>
          </Timeline.Item>
          {c.events.map((e) => (
            <Timeline.Item
              key={e.id}
              bullet={e.kind === 'intervention' ? <IconHeartHandshake size={14} /> : <IconPhoneCall size={14} />}
              title={t(`psych.crisis.kind.${e.kind}`)}
              data-testid="crisis-event"
            >
              <RecordedBy on={e.on} by={e.by} />
              <Text fz="sm" mt={4} className="psych-note">
                {e.note}
              </Text>
              {e.nextFollowUp && (
                <Text fz="xs" mt={4} c="ink.7">
                  {t('psych.crisis.nextFollowUpOn', { on: e.nextFollowUp })}
                </Text>
              )}
            </Timeline.Item>
          ))}
          {!open && (
            <Timeline.Item bullet={<IconCircleCheck size={14} />} title={t('psych.crisis.closedEvent')}>
              <Text fz="xs" c="dimmed">
                {c.closedOn}
              </Text>
              <Text fz="sm" mt={4} className="psych-note">
                {c.outcome}
              </Text>
            </Timeline.Item>
          )}
        </Timeline>
      </Paper>
      {adding && <CrisisEventModal key={adding} crisisId={c.id} kind={adding} today={today} minDate={c.raisedOn} onClose={() => setAdding(null)} />}
      {closing && <CloseCrisisModal crisisId={c.id} today={today} minDate={c.raisedOn} onClose={() => setClosing(false)} />}
    </Stack>
  )
}
