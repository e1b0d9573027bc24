import { Alert, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ANALYSIS_MIN_SITTINGS } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { TableSkeleton } from '../../components/TableSkeleton'
import { KindBadge } from './knowledgeUi'

Chart.register(CategoryScale, LinearScale, BarElement, Tooltip)

const pct = (p: number) => `${Math.round(p * 100)}%`

/** Item analysis of a paper: share right (p) and discrimination (D) per item, the most chosen wrong option, a chart. */
export function AnalysisPage() {
  const { t } = useTranslation()
  const { paperId = '' } = useParams()
  const analysis = useApiQuery('knowledge:itemAnalysis', { paperId })
  const a = analysis.data
  const data: ChartData<'bar'> | null = a
    ? {
        labels: a.items.map((i) => `${i.position}`),
        datasets: [{ label: t('knowledge.analysis.p'), data: a.items.map((i) => Math.round(i.p * 100)), backgroundColor: a.items.map((i) => (i.p < 0.5 ? '#e8590c' : '#1e4a80')) }],
      }
    : null
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    // Figures, not a show: drawn at once (a half-grown bar would read as another share, on screen and in printouts).
    animation: false,
    scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
    plugins: { tooltip: { callbacks: { label: (c) => `${c.parsed.y}%` } } },
  }
  return (
    <>
      <PageHeader
        title={a ? `${t('knowledge.analysis.title')}：${a.title}` : t('knowledge.analysis.title')}
        actions={<Button variant="default" component={Link} to="/knowledge?tab=papers">{t('knowledge.analysis.back')}</Button>}
      />
      {analysis.isError && <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />}
      {analysis.isPending && <TableSkeleton rows={8} />}
      {a && (
        <Stack>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>{t('knowledge.analysis.method')}</Alert>
          {a.sittings === 0 ? (
            <Paper p="md"><EmptyState title={t('knowledge.analysis.none')} /></Paper>
          ) : (
            <>
              {!a.reliable && (
                <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} />} data-testid="analysis-unreliable">
                  {t('knowledge.analysis.unreliable', { min: ANALYSIS_MIN_SITTINGS })}
                </Alert>
              )}
              <Text fz="sm" c="dimmed">
                {t('knowledge.analysis.sittings', { count: a.sittings, group: a.groupSize })}{' · '}{a.meanScore !== null && t('knowledge.analysis.mean', { mean: a.meanScore.toFixed(1) })}
              </Text>
              <Paper p="md">
                <Text fw={600} mb="xs">{t('knowledge.analysis.chart')}</Text>
                <div style={{ height: 260 }} data-testid="analysis-chart">
                  {data && <Bar data={data} options={options} />}
                </div>
              </Paper>
              <Paper p="md">
                <Table striped data-testid="analysis-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={50}>{t('knowledge.common.position')}</Table.Th>
                      <Table.Th>{t('knowledge.common.stem')}</Table.Th>
                      <Table.Th w={90}>{t('knowledge.common.kind')}</Table.Th>
                      <Table.Th w={60}>{t('knowledge.common.answer')}</Table.Th>
                      <Table.Th w={90} ta="right">{t('knowledge.analysis.p')}</Table.Th>
                      <Table.Th w={100} ta="right">{t('knowledge.analysis.d')}</Table.Th>
                      <Table.Th w={120}>{t('knowledge.analysis.commonWrong')}</Table.Th>
                      <Table.Th w={60} ta="right">{t('knowledge.analysis.blank')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.items.map((i) => (
                      <Table.Tr key={i.position}>
                        <Table.Td className="tabular">{i.position}</Table.Td>
                        <Table.Td><Text fz="sm" lineClamp={2}>{i.stem}</Text></Table.Td>
                        <Table.Td><KindBadge kind={i.kind} /></Table.Td>
                        <Table.Td fw={600}>{i.answer.join('')}</Table.Td>
                        <Table.Td ta="right" className="tabular">{pct(i.p)}</Table.Td>
                        <Table.Td ta="right" className="tabular" c={i.discrimination !== null && i.discrimination < 0.2 ? 'orange.8' : undefined}>
                          {i.discrimination === null ? t('common.dash') : i.discrimination.toFixed(2)}
                        </Table.Td>
                        <Table.Td>{i.commonWrong ? <Badge variant="light" color="red">{i.commonWrong.chosen} ×{i.commonWrong.count}</Badge> : t('common.dash')}</Table.Td>
                        <Table.Td ta="right" className="tabular">{i.blank}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </>
          )}
        </Stack>
      )}
    </>
  )
}
