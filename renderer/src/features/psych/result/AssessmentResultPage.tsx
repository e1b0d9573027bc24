import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertOctagon, IconBan, IconCalculator, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { AssessmentDetail, InstrumentView, ScoredResult } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { InfoGrid } from '../../../components/InfoGrid'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { ReasonModal } from '../../../components/ReasonModal'
import { formatInstant } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useCan } from '../../auth/UserContext'
import { TrendChart } from '../charts/TrendChart'
import { trendPoints } from '../charts/trend'
import { canRescore, formatScore, instrumentMap, instrumentTitle, SeverityBadge, useBi, useInstruments, usePsychSettings, useScoreLabel } from '../psychUi'
import { AnswersView, BandBlock, FactorSection, FlagAlerts, ScoresTable } from './ResultParts'
import { RescoreModal } from './RescoreModal'
import { RecordedBy } from '../../../components/RecordedBy'

export function AssessmentResultPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <ResultView key={id} id={id} />
}

function ResultView({ id }: { id: string }) {
  const { t } = useTranslation()
  const assessment = useApiQuery('psych:getAssessment', { id })
  const instruments = useInstruments()
  const settings = usePsychSettings()
  const instrument = assessment.data ? instrumentMap(instruments.data).get(assessment.data.instrumentId) : undefined
  const error = assessment.error ?? instruments.error
  return (
    <>
      <PageHeader
        back={
          assessment.data
            ? { to: `/people/${assessment.data.personId}?tab=psych`, label: assessment.data.personName }
            : { to: '/psych', label: t('psych.title') }
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => void assessment.refetch()} />}
      {!error && (assessment.isPending || instruments.isPending) && (
        <Stack>
          <Skeleton h={90} />
          <Skeleton h={240} />
        </Stack>
      )}
      {assessment.data && instruments.data && !instrument && <ErrorAlert error={new Error(t('psych.unknown_instrument'))} />}
      {assessment.data && instrument && <ResultContent a={assessment.data} instrument={instrument} rule={settings.data?.scl90FactorRule} />}
    </>
  )
}

function ResultContent({ a, instrument, rule }: { a: AssessmentDetail; instrument: InstrumentView; rule: '>=' | '>' | undefined }) {
  const { t } = useTranslation()
  const bi = useBi()
  const can = useCan()
  const [rescoring, setRescoring] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const voidIt = useApiMutation('psych:voidAssessment', { success: t('psych.result.voidDone') })
  const writable = can('psych.assess') && !a.voided
  const result = a.result
  const rescorable = canRescore(instrument, result?.scores)
  const cutoffName = (setId: string | null) => bi(instrument.cutoffSets.find((c) => c.id === setId)?.name) || '—'
  return (
    <Stack gap="md">
      {a.voided && (
        <Alert color="red" variant="filled" icon={<IconAlertOctagon size={20} />} title={t('psych.result.voided')} data-testid="assessment-voided" />
      )}
      <Paper p="lg">
        <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Text fz="xl" fw={600} td={a.voided ? 'line-through' : undefined} data-testid="result-title">
                {instrumentTitle(instrument, bi(instrument.name))}
              </Text>
              {a.incomplete && (
                <Badge color="yellow" variant="filled">
                  {t('psych.incomplete')}
                </Badge>
              )}
              {result?.band && <SeverityBadge severity={result.band.severity} label={bi(result.band.label)} size="lg" />}
            </Group>
            <Text c="dimmed" fz="sm">
              <Anchor component={Link} to={`/people/${a.personId}?tab=psych`} fz="sm">
                {a.personName}
              </Anchor>{' '}
              · {a.administeredOn} · {t(`psych.settings.${a.setting}`)}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to={`/print/assessment/${a.id}`} variant="light" leftSection={<IconPrinter size={16} />} data-testid="print-link">
              {t('psych.result.print')}
            </Button>
            {writable && rescorable && (
              <Tooltip label={t('psych.rescore.incomplete')} disabled={!a.incomplete}>
                <Button variant="default" leftSection={<IconCalculator size={16} />} disabled={a.incomplete} onClick={() => setRescoring(true)}>
                  {t('psych.rescore.open')}
                </Button>
              </Tooltip>
            )}
            {writable && (
              <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setVoiding(true)}>
                {t('psych.result.void')}
              </Button>
            )}
          </Group>
        </Group>
        <InfoGrid
          cols={4}
          items={[
            { label: t('psych.person'), value: a.personName },
            { label: t('psych.instrument'), value: `${bi(instrument.name)}（${t('psych.version', { version: a.instrumentVersion })}）` },
            { label: t('psych.administeredOn'), value: a.administeredOn },
            { label: t('psych.setting'), value: t(`psych.settings.${a.setting}`) },
            { label: t('psych.administeredBy'), value: a.administeredBy },
            { label: t('psych.recorded'), value: <RecordedBy at={a.recordedAt} by={a.recordedBy} plain /> },
            ...(instrument.cutoffSets.length > 0 ? [{ label: t('psych.cutoffSet'), value: result ? cutoffName(result.cutoffSetId) : '—' }] : []),
            ...(result && 'standardScore' in result.scores ? [{ label: t('psych.roundingLabel'), value: t(`psych.rounding.${result.rounding}`) }] : []),
          ]}
        />
      </Paper>
      {a.incomplete && (
        <Alert color="yellow" variant="light" icon={<IconAlertOctagon size={18} />} title={t('psych.result.incompleteTitle')}>
          {t('psych.result.incompleteBody', { reason: a.incompleteReason ?? '' })}
        </Alert>
      )}
      {result && <FlagAlerts result={result} />}
      {result && (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper p="lg" h="100%">
              <Text fw={600} mb="sm">
                {t('psych.result.scores')}
              </Text>
              <ScoresTable result={result} instrument={instrument} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper p="lg" h="100%">
              <Text fw={600} mb="sm">
                {t('psych.result.interpretation')}
              </Text>
              <BandBlock result={result} />
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      {result && instrument.factors.length > 0 && Object.keys(result.factors).length > 0 && (
        <Paper p="lg">
          <Text fw={600} mb="sm">
            {t('psych.result.factors')}
          </Text>
          <FactorSection result={result} instrument={instrument} rule={instrument.id === 'scl90' ? rule : '>='} />
        </Paper>
      )}
      <ResultTrend a={a} instrument={instrument} />
      <Paper p="lg">
        <Text fw={600} mb="sm">
          {t('psych.result.answers')}
        </Text>
        <AnswersView instrument={instrument} answers={a.answers} />
      </Paper>
      {(rescorable || a.rescores.length > 0) && (
        <Paper p="lg">
          <Text fw={600} mb="sm">
            {t('psych.rescore.history')}
          </Text>
          <RescoreHistory a={a} instrument={instrument} cutoffName={cutoffName} />
        </Paper>
      )}
      {rescoring && <RescoreModal assessment={a} instrument={instrument} onClose={() => setRescoring(false)} />}
      <ReasonModal
        opened={voiding}
        title={t('psych.result.voidTitle')}
        warning={t('psych.result.voidWarning')}
        confirmLabel={t('psych.result.void')}
        loading={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={(reason) => voidIt.mutateAsync({ id: a.id, reason })}
      />
    </Stack>
  )
}

function RescoreHistory({ a, instrument, cutoffName }: { a: AssessmentDetail; instrument: InstrumentView; cutoffName: (id: string | null) => string }) {
  const { t } = useTranslation()
  const bi = useBi()
  if (a.rescores.length === 0) return <EmptyState title={t('psych.rescore.empty')} hint={t('psych.rescore.emptyHint')} />
  const headline = (r: ScoredResult) => formatScore(instrument.bandScore ? r.scores[instrument.bandScore] : r.scores.total)
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="rescore-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('psych.rescore.at')}</Table.Th>
            <Table.Th>{t('psych.cutoffSet')}</Table.Th>
            <Table.Th>{t('psych.roundingLabel')}</Table.Th>
            <Table.Th ta="right">{t('psych.headline')}</Table.Th>
            <Table.Th>{t('psych.band')}</Table.Th>
            <Table.Th>{t('field.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.result && (
            <Table.Tr bg="gray.0">
              <Table.Td>
                <Text fz="sm">{t('psych.rescore.original')}</Text>
                <RecordedBy at={a.recordedAt} by={a.recordedBy} />
              </Table.Td>
              <Table.Td>{cutoffName(a.result.cutoffSetId)}</Table.Td>
              <Table.Td>{t(`psych.rounding.${a.result.rounding}`)}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {headline(a.result)}
              </Table.Td>
              <Table.Td>{a.result.band ? <SeverityBadge severity={a.result.band.severity} label={bi(a.result.band.label)} /> : '—'}</Table.Td>
              <Table.Td>—</Table.Td>
            </Table.Tr>
          )}
          {a.rescores.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text fz="sm">{formatInstant(r.at)}</Text>
                <Text fz="xs" c="dimmed">
                  {r.by}
                </Text>
              </Table.Td>
              <Table.Td>{cutoffName(r.result.cutoffSetId)}</Table.Td>
              <Table.Td>{t(`psych.rounding.${r.result.rounding}`)}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {headline(r.result)}
              </Table.Td>
              <Table.Td>{r.result.band ? <SeverityBadge severity={r.result.band.severity} label={bi(r.result.band.label)} /> : '—'}</Table.Td>
              <Table.Td>{r.note ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The person's trend on this instrument, once there are two complete assessments to draw a line through. */
function ResultTrend({ a, instrument }: { a: AssessmentDetail; instrument: InstrumentView }) {
  const { t } = useTranslation()
  const scoreLabel = useScoreLabel()
  const history = useApiQuery('psych:personAssessments', { personId: a.personId })
  const points = history.data ? trendPoints(history.data, a.instrumentId) : []
  if (points.length < 2) return null
  return (
    <Paper p="lg" data-testid="result-trend">
      <Text fw={600} mb="sm">
        {t('psych.print.trend', { name: instrument.shortName })}
      </Text>
      <TrendChart instrument={instrument} points={points} yLabel={scoreLabel(instrument.bandScore ?? 'total')} height={220} />
    </Paper>
  )
}
