import { Badge, Button, Grid, Group, Paper, ScrollArea, SegmentedControl, Skeleton, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { IconCircleCheck, IconCircleDashed, IconPlayerPlay, IconPlayerSkipForward, IconSettings } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { WardPsychRow } from '@shared/contract'
import type { AssessmentSetting } from '@shared/domain/psych'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { PeriodBadge } from '../../../components/PeriodBadge'
import { translateFieldError } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { DueBadge, SeverityBadge, useBi, useInstruments } from '../psychUi'
import { AssessmentEntry } from './AssessmentEntry'
import { useSavedNotice } from './AssessPage'
import { checkDate, SetupFields, type SetupValues } from './SetupFields'

type Scope = 'pending' | 'all'

const isPending = (r: WardPsychRow) => r.screening.status !== 'done'

/** /wards/:wardId/psych/batch: one instrument, setting and date for a ward's people, one after another. */
export function BatchAssessPage() {
  const { t } = useTranslation()
  const { wardId = '' } = useParams()
  const bi = useBi()
  const today = useFacility().data?.today ?? todayIso()
  const screen = useApiQuery('psych:wardScreen', { wardId })
  const instruments = useInstruments()
  const notice = useSavedNotice()
  const [setup, setSetup] = useState<SetupValues | null>(null)
  const [scope, setScope] = useState<Scope | null>(null)
  const [queue, setQueue] = useState<string[] | null>(null)
  const [done, setDone] = useState<ReadonlySet<string>>(new Set())
  const [current, setCurrent] = useState<string | null>(null)
  const [answered, setAnswered] = useState(0)

  const rows = screen.data?.rows ?? []
  const byId = new Map(rows.map((r) => [r.personId, r]))
  const pendingCount = rows.filter(isPending).length
  const admissionsPending = rows.filter((r) => isPending(r) && r.screening.kind === 'admission').length
  const defaults: SetupValues = {
    instrumentId: null,
    setting: admissionsPending > pendingCount / 2 ? 'admission' : 'periodic',
    date: today,
  }
  const values = setup ?? defaults
  const effectiveScope: Scope = scope ?? (pendingCount > 0 ? 'pending' : 'all')
  const checked = checkDate(values.date, today)
  const instrument = instruments.data?.find((i) => i.id === values.instrumentId) ?? null

  const start = () => {
    const ids = rows.filter((r) => effectiveScope === 'all' || isPending(r)).map((r) => r.personId)
    setQueue(ids)
    setCurrent(ids.find((id) => !done.has(id)) ?? null)
    setAnswered(0)
  }

  const moveTo = (id: string | null, ask = true) => {
    if (ask && answered > 0 && id !== current && !window.confirm(t('psych.batch.leaveConfirm'))) return
    setCurrent(id)
    setAnswered(0)
  }

  const nextAfter = (id: string, doneSet: ReadonlySet<string>) => {
    if (!queue) return null
    const at = queue.indexOf(id)
    const order = [...queue.slice(at + 1), ...queue.slice(0, at)]
    return order.find((x) => !doneSet.has(x)) ?? null
  }

  const title = screen.data ? `${screen.data.wardName} · ${t('psych.batch.title')}` : t('psych.batch.title')
  const back = { to: `/wards/${wardId}/psych`, label: screen.data ? `${screen.data.wardName} · ${t('psych.wardTitle')}` : t('psych.wardTitle') }

  if (screen.isError) {
    return (
      <>
        <PageHeader back={back} title={t('psych.batch.title')} />
        <ErrorAlert error={screen.error} onRetry={() => void screen.refetch()} />
      </>
    )
  }
  if (screen.isPending || instruments.isPending) {
    return (
      <>
        <PageHeader back={back} title={title} />
        <Skeleton h={160} />
      </>
    )
  }
  if (instruments.isError) return <ErrorAlert error={instruments.error} onRetry={() => void instruments.refetch()} />

  if (queue === null || !instrument || !checked.date) {
    return (
      <>
        <PageHeader back={back} title={title} subtitle={t('psych.batch.subtitle')} />
        <Paper p="lg" maw={960}>
          <Stack>
            <SetupFields
              instruments={instruments.data}
              values={values}
              onChange={(patch) => setSetup({ ...values, ...patch })}
              today={today}
              dateError={checked.key ? translateFieldError(checked.key) : null}
            />
            <Stack gap={4}>
              <Text fz="sm" fw={500}>
                {t('psych.batch.scope')}
              </Text>
              <SegmentedControl
                w="fit-content"
                value={effectiveScope}
                onChange={(v) => setScope(v as Scope)}
                data={[
                  { value: 'pending', label: t('psych.batch.scopePending', { count: pendingCount }) },
                  { value: 'all', label: t('psych.batch.scopeAll', { count: rows.length }) },
                ]}
              />
            </Stack>
            <Group justify="flex-end">
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                disabled={!instrument || !checked.date || rows.length === 0}
                onClick={start}
                data-testid="batch-start"
              >
                {t('psych.batch.start')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </>
    )
  }

  const list = queue.map((id) => byId.get(id)).filter((r): r is WardPsychRow => r !== undefined)
  const person = current ? byId.get(current) : undefined
  return (
    <>
      <PageHeader
        back={back}
        title={title}
        subtitle={`${instrument.shortName} · ${t(`psych.settings.${values.setting as AssessmentSetting}`)} · ${checked.date}`}
        actions={
          <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setQueue(null)}>
            {t('psych.batch.change')}
          </Button>
        }
      />
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Paper p="xs" data-testid="batch-list" style={{ position: 'sticky', top: 72 }}>
            <Group justify="space-between" px={8} py={4}>
              <Text fw={600} fz="sm">
                {t('psych.batch.list')}
              </Text>
              <Badge variant="light" color={done.size === list.length ? 'teal' : 'ink'} className="tabular" data-testid="batch-count">
                {t('psych.batch.doneCount', { done: list.filter((r) => done.has(r.personId)).length, total: list.length })}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah="calc(100vh - 200px)">
              <Stack gap={2}>
                {list.map((r) => {
                  const isDone = done.has(r.personId)
                  return (
                    <UnstyledButton
                      key={r.personId}
                      className="psych-batch-person"
                      aria-current={r.personId === current ? 'true' : undefined}
                      data-done={isDone || undefined}
                      data-testid="batch-person"
                      onClick={() => moveTo(r.personId)}
                    >
                      <ThemeIcon size={20} radius="xl" variant={isDone ? 'filled' : 'transparent'} color={isDone ? 'teal' : 'gray'}>
                        {isDone ? <IconCircleCheck size={16} /> : <IconCircleDashed size={16} />}
                      </ThemeIcon>
                      <Text fz="sm" fw={r.personId === current ? 600 : 400} style={{ flex: 1 }}>
                        {r.name}
                      </Text>
                      <Text fz="xs" c="dimmed" className="tabular">
                        {r.idTail}
                      </Text>
                    </UnstyledButton>
                  )
                })}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          {person ? (
            <Stack gap="md">
              <Paper p="md">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="sm">
                    <Text fw={600} fz="lg" data-testid="batch-current">
                      {person.name}
                    </Text>
                    <Text c="dimmed" fz="sm" className="tabular">
                      ****{person.idTail}
                    </Text>
                    <PeriodBadge period={person.period} size="sm" />
                    <DueBadge status={person.screening.status} kind={person.screening.kind} size="sm" />
                  </Group>
                  {person.latest && (
                    <Group gap={6}>
                      <Text fz="xs" c="dimmed">
                        {t('psych.ward.latest')} {person.latest.on} · {instruments.data.find((i) => i.id === person.latest?.instrumentId)?.shortName}
                      </Text>
                      {person.latest.bandLabel && <SeverityBadge severity={person.latest.severity} label={bi(person.latest.bandLabel)} size="sm" />}
                    </Group>
                  )}
                </Group>
              </Paper>
              <AssessmentEntry
                key={`${person.personId}:${instrument.id}`}
                personId={person.personId}
                instrument={instrument}
                setting={values.setting}
                date={checked.date}
                onProgress={setAnswered}
                onSaved={(output) => {
                  notice(output, person.name)
                  const nextDone = new Set(done).add(person.personId)
                  setDone(nextDone)
                  moveTo(nextAfter(person.personId, nextDone), false)
                  window.scrollTo({ top: 0 })
                }}
                extraActions={
                  <Button variant="default" leftSection={<IconPlayerSkipForward size={16} />} onClick={() => moveTo(nextAfter(person.personId, done))}>
                    {t('psych.batch.skip')}
                  </Button>
                }
              />
            </Stack>
          ) : (
            <Paper>
              <EmptyState
                icon={<IconCircleCheck size={24} />}
                title={t('psych.batch.allDone')}
                hint={t('psych.batch.allDoneHint', { count: done.size })}
                action={
                  <Button component={Link} to={`/wards/${wardId}/psych`} variant="light" mt="sm">
                    {t('psych.batch.backToWard')}
                  </Button>
                }
              />
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  )
}
