import { Badge, Button, Divider, Group, Paper, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconClipboardPlus, IconFlag, IconMessagePlus, IconUrgent } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { AssessmentSummary, InstrumentView, PersonFile } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { TrendChart } from '../charts/TrendChart'
import { trendInstruments, trendPoints } from '../charts/trend'
import { RaiseCrisisModal } from '../crisis/CrisisModals'
import { CrisisList } from '../CrisisList'
import { formatScore, instrumentMap, SeverityBadge, useBi, useInstruments, useScoreLabel } from '../psychUi'
import { SessionModal } from '../session/SessionModal'
import { TaskList } from '../TaskList'
import { SessionsTable } from './SessionsTable'

/** Handled tasks shown before "show all": the latest few are what a counsellor checks before a talk. */
const HANDLED_SHOWN = 3

/** The person file's 心理 tab: crises, open tasks, assessments with trend, counselling records. */
export function PsychTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const today = useFacility().data?.today ?? todayIso()
  const personId = file.id
  const assessments = useApiQuery('psych:personAssessments', { personId })
  const tasks = useApiQuery('psych:tasks', { personId, status: 'open' })
  const handledTasks = useApiQuery('psych:tasks', { personId, status: 'handled' })
  const crises = useApiQuery('psych:crises', { personId })
  const instruments = useInstruments()
  const [raising, setRaising] = useState(false)
  const [recording, setRecording] = useState(false)
  const [showAllHandled, setShowAllHandled] = useState(false)
  const writable = !file.voided
  const byId = instrumentMap(instruments.data)
  const person = { id: personId, name: file.identity.name }

  return (
    <Stack gap="md" data-testid="psych-tab">
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Text fw={600}>{t('psych.crisis.listTitle')}</Text>
            {crises.data && crises.data.some((c) => c.status === 'open') && (
              <Badge color="red" variant="filled" leftSection={<IconUrgent size={12} />}>
                {t('psych.crisis.open')}
              </Badge>
            )}
          </Group>
          {can('psych.assess') && writable && (
            <Button size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={14} />} onClick={() => setRaising(true)}>
              {t('psych.crisis.raise')}
            </Button>
          )}
        </Group>
        {crises.isError && <ErrorAlert error={crises.error} onRetry={() => void crises.refetch()} />}
        {crises.isPending && <TableSkeleton rows={1} />}
        {crises.data && crises.data.length === 0 && (
          <Text fz="sm" c="dimmed" py={4}>
            {t('psych.crisis.none')}
          </Text>
        )}
        {crises.data && crises.data.length > 0 && <CrisisList crises={crises.data} today={today} showPerson={false} />}
      </Paper>

      <Paper p="lg" data-testid="person-tasks">
        <Text fw={600} mb={4}>
          {t('psych.task.title')}
        </Text>
        {tasks.isError && <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.isPending && <TableSkeleton rows={1} />}
        {tasks.data && <TaskList tasks={tasks.data} showPerson={false} />}
        <Divider
          my="sm"
          labelPosition="left"
          label={
            <Group gap={6}>
              <Text fz="sm" fw={600} c="dark.5">
                {t('psych.taskHistory.historyTitle')}
              </Text>
              {handledTasks.data && handledTasks.data.length > 0 && (
                <Badge size="sm" variant="light" color="gray" className="tabular">
                  {handledTasks.data.length}
                </Badge>
              )}
            </Group>
          }
        />
        <div data-testid="person-task-history">
          {handledTasks.isError && <ErrorAlert error={handledTasks.error} onRetry={() => void handledTasks.refetch()} />}
          {handledTasks.isPending && <TableSkeleton rows={1} />}
          {handledTasks.data && (
            <TaskList
              tasks={showAllHandled ? handledTasks.data : handledTasks.data.slice(0, HANDLED_SHOWN)}
              showPerson={false}
              emptyText={t('psych.taskHistory.emptyHandled')}
            />
          )}
          {handledTasks.data && handledTasks.data.length > HANDLED_SHOWN && !showAllHandled && (
            <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setShowAllHandled(true)} data-testid="task-history-all">
              {t('psych.taskHistory.showAll', { count: handledTasks.data.length })}
            </Button>
          )}
        </div>
      </Paper>

      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('psych.assessments')}</Text>
          {can('psych.assess') && writable && (
            <Button size="xs" leftSection={<IconClipboardPlus size={14} />} onClick={() => void navigate(`/psych/assess?personId=${personId}`)}>
              {t('psych.newAssessment')}
            </Button>
          )}
        </Group>
        {(assessments.isError || instruments.isError) && <ErrorAlert error={assessments.error ?? instruments.error} onRetry={() => void assessments.refetch()} />}
        {(assessments.isPending || instruments.isPending) && <TableSkeleton rows={3} />}
        {assessments.data && instruments.data && (
          <>
            <AssessmentsTable rows={assessments.data} instruments={byId} />
            <Trend rows={assessments.data} instruments={byId} />
          </>
        )}
      </Paper>

      {can('psych.notes') && (
        <Paper p="lg">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{t('psych.session.title')}</Text>
            {writable && (
              <Button size="xs" variant="light" leftSection={<IconMessagePlus size={14} />} onClick={() => setRecording(true)}>
                {t('psych.session.new')}
              </Button>
            )}
          </Group>
          <SessionsTable personId={personId} />
        </Paper>
      )}

      {raising && <RaiseCrisisModal personId={personId} personName={file.identity.name} today={today} onClose={() => setRaising(false)} />}
      {recording && <SessionModal person={person} today={today} onClose={() => setRecording(false)} />}
    </Stack>
  )
}

function AssessmentsTable({ rows, instruments }: { rows: AssessmentSummary[]; instruments: Map<string, InstrumentView> }) {
  const { t } = useTranslation()
  const bi = useBi()
  const can = useCan()
  const navigate = useNavigate()
  if (rows.length === 0) return <EmptyState title={t('psych.noAssessments')} hint={t('psych.noAssessmentsHint')} />
  const clickable = can('psych.assess')
  const open = (a: AssessmentSummary) => clickable && void navigate(`/psych/assessments/${a.id}`)
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover={clickable} data-testid="assessment-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('psych.administeredOn')}</Table.Th>
            <Table.Th>{t('psych.instrument')}</Table.Th>
            <Table.Th>{t('psych.setting')}</Table.Th>
            <Table.Th ta="right">{t('psych.headline')}</Table.Th>
            <Table.Th>{t('psych.band')}</Table.Th>
            <Table.Th>{t('psych.flags')}</Table.Th>
            <Table.Th>{t('psych.administeredBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => {
            const instrument = instruments.get(a.instrumentId)
            return (
              <Table.Tr
                key={a.id}
                className={clickable ? 'clickable-row' : undefined}
                tabIndex={clickable ? 0 : undefined}
                onClick={() => open(a)}
                onKeyDown={(e) => e.key === 'Enter' && open(a)}
                c={a.voided ? 'dimmed' : undefined}
                data-testid="assessment-row"
              >
                <Table.Td className="tabular" td={a.voided ? 'line-through' : undefined}>
                  {a.administeredOn}
                </Table.Td>
                <Table.Td fw={500}>{instrument?.shortName ?? a.instrumentId}</Table.Td>
                <Table.Td>{t(`psych.settings.${a.setting}`)}</Table.Td>
                <Table.Td ta="right" className="tabular" fw={600}>
                  {formatScore(a.headline)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {a.result?.band && <SeverityBadge severity={a.result.band.severity} label={bi(a.result.band.label)} size="sm" />}
                    {!a.result?.band && !a.incomplete && !a.voided && (
                      <Text fz="sm" c="dimmed">
                        —
                      </Text>
                    )}
                    {a.incomplete && (
                      <Tooltip label={a.incompleteReason ?? ''} disabled={!a.incompleteReason}>
                        <Badge size="sm" color="yellow" variant="outline" data-testid="incomplete-badge">
                          {t('psych.incomplete')}
                        </Badge>
                      </Tooltip>
                    )}
                    {a.voided && (
                      <Badge size="sm" color="red" variant="light">
                        {t('common.voided')}
                      </Badge>
                    )}
                    {a.rescored && (
                      <Badge size="sm" color="gray" variant="outline">
                        {t('psych.rescored')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {(a.result?.flags ?? []).map((f) => (
                      <Tooltip key={f.id} label={bi(f.label)} multiline w={260}>
                        <IconFlag size={16} color="var(--mantine-color-red-7)" fill="var(--mantine-color-red-2)" aria-label={bi(f.label)} data-testid="flag-icon" />
                      </Tooltip>
                    ))}
                    {(a.result?.flags.length ?? 0) === 0 && (
                      <Text fz="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{a.administeredBy}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Trend({ rows, instruments }: { rows: AssessmentSummary[]; instruments: Map<string, InstrumentView> }) {
  const { t } = useTranslation()
  const scoreLabel = useScoreLabel()
  const ids = trendInstruments(rows).filter((id) => instruments.has(id))
  const [chosen, setChosen] = useState<string | null>(null)
  if (ids.length === 0) {
    return rows.length > 0 ? (
      <Text fz="xs" c="dimmed" mt="sm">
        {t('psych.trend.needTwo')}
      </Text>
    ) : null
  }
  const id = chosen && ids.includes(chosen) ? chosen : ids[0]!
  const instrument = instruments.get(id)!
  return (
    <Stack gap="xs" mt="lg">
      <Group justify="space-between">
        <Text fw={600} fz="sm">
          {t('psych.trend.title')}
        </Text>
        {ids.length > 1 && (
          <SegmentedControl
            size="xs"
            value={id}
            onChange={setChosen}
            data={ids.map((x) => ({ value: x, label: instruments.get(x)?.shortName ?? x }))}
            data-testid="trend-instrument"
          />
        )}
      </Group>
      <div data-testid="trend-chart" data-instrument={id}>
        <TrendChart instrument={instrument} points={trendPoints(rows, id)} yLabel={scoreLabel(instrument.bandScore ?? 'total')} />
      </div>
    </Stack>
  )
}
