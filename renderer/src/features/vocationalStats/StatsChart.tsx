import { BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js'
import { Chart } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { FigureRow } from '@shared/contract/vocationalStats'

ChartJs.register(BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend)

const COLORS = { enrolled: '#a5b4c8', passed: '#2b8a3e', certified: '#1e4a80', rate: '#e8590c' }

/** Enrolled, passed and certified per group as bars, the pass rate as a line on its own 0–100 axis. */
export function StatsChart({ rows }: { rows: readonly FigureRow[] }) {
  const { t } = useTranslation()
  // A chart of hundreds of courses reads as noise: the busiest 20 groups, in the table's order.
  const shown = rows.length > 20 ? [...rows].sort((a, b) => b.enrolled - a.enrolled).slice(0, 20) : rows
  const data: ChartData<'bar' | 'line', Array<number | null>, string> = {
    labels: shown.map((r) => r.label),
    datasets: [
      { type: 'bar', label: t('vstats.cols.enrolled'), data: shown.map((r) => r.enrolled), backgroundColor: COLORS.enrolled, yAxisID: 'y', borderRadius: 3, maxBarThickness: 28 },
      { type: 'bar', label: t('vstats.cols.passed'), data: shown.map((r) => r.passed), backgroundColor: COLORS.passed, yAxisID: 'y', borderRadius: 3, maxBarThickness: 28 },
      { type: 'bar', label: t('vstats.cols.certified'), data: shown.map((r) => r.certified), backgroundColor: COLORS.certified, yAxisID: 'y', borderRadius: 3, maxBarThickness: 28 },
      { type: 'line', label: t('vstats.chartPassRate'), data: shown.map((r) => r.passRate), borderColor: COLORS.rate, backgroundColor: COLORS.rate, yAxisID: 'rate', spanGaps: true, tension: 0.2 },
    ],
  }
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e9ecef' } },
      rate: { position: 'right', min: 0, max: 100, grid: { display: false }, ticks: { callback: (v) => `${v}%` } },
      x: { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 45 } },
    },
    plugins: { legend: { position: 'bottom' } },
  }
  return (
    <div style={{ position: 'relative', height: 300 }} data-testid="vstats-chart" data-groups={shown.length}>
      <Chart type="bar" data={data} options={options} role="img" aria-label={t('vstats.chart')} />
    </div>
  )
}
