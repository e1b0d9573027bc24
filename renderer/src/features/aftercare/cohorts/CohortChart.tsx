import { BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js'
import { Chart } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { CohortRow } from '@shared/contract'

ChartJs.register(BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend)

const COLORS = { abstinent: '#2b8a3e', relapsed: '#c92a2a', other: '#f08c00', lost: '#868e96', notReached: '#ced4da', rateReached: '#1e4a80', rateAll: '#e8590c' }

/** Each cohort's people stacked by outcome, the two abstinence rates as lines on a 0–100 axis. */
export function CohortChart({ rows }: { rows: readonly CohortRow[] }) {
  const { t } = useTranslation()
  const bar = (label: string, color: string, value: (r: CohortRow) => number) => ({
    type: 'bar' as const, label, data: rows.map(value), backgroundColor: color, stack: 'people', yAxisID: 'y', maxBarThickness: 36,
  })
  const rate = (label: string, color: string, value: (r: CohortRow) => number | null) => ({
    type: 'line' as const, label, data: rows.map((r) => { const v = value(r); return v === null ? null : Math.round(v * 1000) / 10 }), borderColor: color, backgroundColor: color, yAxisID: 'rate', spanGaps: true, tension: 0,
  })
  const data: ChartData<'bar' | 'line', Array<number | null>, string> = {
    labels: rows.map((r) => r.label),
    datasets: [
      bar(t('aftercare.cohorts.cols.abstinent'), COLORS.abstinent, (r) => r.figures.abstinent),
      bar(t('aftercare.cohorts.cols.relapsed'), COLORS.relapsed, (r) => r.figures.relapsed),
      bar(`${t('aftercare.cohorts.cols.in_custody')} / ${t('aftercare.cohorts.cols.deceased')}`, COLORS.other, (r) => r.figures.inCustody + r.figures.deceased),
      bar(t('aftercare.cohorts.cols.lost'), COLORS.lost, (r) => r.figures.lost),
      bar(t('aftercare.cohorts.cols.not_reached'), COLORS.notReached, (r) => r.figures.notReached),
      rate(t('aftercare.cohorts.cols.rateReached'), COLORS.rateReached, (r) => r.figures.abstinenceRateReached),
      rate(t('aftercare.cohorts.cols.rateAll'), COLORS.rateAll, (r) => r.figures.abstinenceRateAll),
    ],
  }
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e9ecef' } },
      rate: { position: 'right', min: 0, max: 100, grid: { display: false }, ticks: { callback: (v) => `${v}%` } },
      x: { stacked: true, grid: { display: false } },
    },
    plugins: { legend: { position: 'bottom' } },
  }
  return (
    <div style={{ position: 'relative', height: 300 }} data-testid="aftercare-cohort-chart">
      <Chart type="bar" data={data} options={options} role="img" aria-label={t('aftercare.cohorts.chart')} />
    </div>
  )
}
