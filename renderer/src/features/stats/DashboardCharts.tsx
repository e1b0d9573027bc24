import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js'
import { Chart } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import { STATS_FITNESS_GRADES, STATS_PERIOD_KEYS, type FigureRef, type StatsDashboard } from '@shared/contract/stats'

ChartJs.register(BarController, DoughnutController, ArcElement, CategoryScale, LinearScale, BarElement, Tooltip, Legend)

const PERIOD_COLORS = ['#c92a2a', '#e67700', '#2b8a3e', '#1864ab', '#adb5bd']
const GRADE_COLORS = ['#2b8a3e', '#74b816', '#1c7ed6', '#e03131', '#ae3ec9', '#ced4da']

type Open = (ref: FigureRef) => void
interface ChartProps {
  data: StatsDashboard
  onOpen?: Open
  /** Print: no animation, no clicks. */
  print?: boolean
}

/** A click on a bar or slice opens the same list as the number in the table beside it. */
function clickOptions(refs: FigureRef[][], onOpen: Open | undefined): Pick<ChartOptions<'bar'>, 'onClick' | 'onHover'> {
  if (!onOpen) return {}
  return {
    onClick: (_e, elements) => {
      const el = elements[0]
      const ref = el && refs[el.datasetIndex]?.[el.index]
      if (ref) onOpen(ref)
    },
    onHover: (e, elements) => {
      const target = e.native?.target as HTMLElement | undefined
      if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default'
    },
  }
}

const base = (print: boolean | undefined) => ({ responsive: true, maintainAspectRatio: false, animation: false as const, devicePixelRatio: print ? 2 : undefined })

export function WardPeriodChart({ data, onOpen, print }: ChartProps) {
  const { t } = useTranslation()
  const wards = data.current.wards
  const refs = STATS_PERIOD_KEYS.map((p) => wards.map((w) => w.byPeriod[p].ref))
  const chart: ChartData<'bar', number[], string> = {
    labels: wards.map((w) => w.wardName),
    datasets: STATS_PERIOD_KEYS.map((p, i) => ({
      label: p === 'none' ? t('stats.periodNone') : t(`periodShort.${p}`),
      data: wards.map((w) => w.byPeriod[p].value),
      backgroundColor: PERIOD_COLORS[i],
      maxBarThickness: 36,
    })),
  }
  const options: ChartOptions<'bar'> = {
    ...base(print),
    ...clickOptions(refs, onOpen),
    scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { position: 'bottom' } },
  }
  return (
    <div style={{ position: 'relative', height: print ? 240 : 280 }} data-testid="stats-chart-wards">
      <Chart type="bar" data={chart} options={options} role="img" aria-label={t('stats.section.wardPeriod')} />
    </div>
  )
}

export function MonthsChart({ data, onOpen, print }: ChartProps) {
  const { t } = useTranslation()
  const rows = data.perMonth
  const chart: ChartData<'bar', number[], string> = {
    labels: rows.map((r) => r.month),
    datasets: [
      { label: t('stats.cols.admissions'), data: rows.map((r) => r.admissions.value), backgroundColor: '#1c7ed6', maxBarThickness: 22 },
      { label: t('stats.cols.releases'), data: rows.map((r) => r.releases.value), backgroundColor: '#f08c00', maxBarThickness: 22 },
    ],
  }
  const options: ChartOptions<'bar'> = {
    ...base(print),
    ...clickOptions([rows.map((r) => r.admissions.ref), rows.map((r) => r.releases.ref)], onOpen),
    scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { position: 'bottom' } },
  }
  return (
    <div style={{ position: 'relative', height: print ? 220 : 280 }} data-testid="stats-chart-months">
      <Chart type="bar" data={chart} options={options} role="img" aria-label={t('stats.section.months')} />
    </div>
  )
}

export function FitnessChart({ data, onOpen, print }: ChartProps) {
  const { t } = useTranslation()
  const grades = data.fitness.grades
  const chart: ChartData<'doughnut', number[], string> = {
    labels: STATS_FITNESS_GRADES.map((g) => t(`stats.grade.${g}`)),
    datasets: [{ data: STATS_FITNESS_GRADES.map((g) => grades[g].value), backgroundColor: GRADE_COLORS }],
  }
  const refs = [STATS_FITNESS_GRADES.map((g) => grades[g].ref)]
  const options: ChartOptions<'doughnut'> = {
    ...base(print),
    ...(clickOptions(refs, onOpen) as Pick<ChartOptions<'doughnut'>, 'onClick' | 'onHover'>),
    plugins: { legend: { position: 'right' } },
  }
  return (
    <div style={{ position: 'relative', height: print ? 200 : 240 }} data-testid="stats-chart-fitness">
      <Chart type="doughnut" data={chart} options={options} role="img" aria-label={t('stats.section.fitness')} />
    </div>
  )
}

export function DueChart({ data, onOpen, print }: ChartProps) {
  const { t } = useTranslation()
  const rows = data.dueWork.centres
  const chart: ChartData<'bar', number[], string> = {
    labels: rows.map((r) => t(`duework.centre.${r.centre}`)),
    datasets: [
      { label: t('stats.cols.due'), data: rows.map((r) => r.due.value), backgroundColor: '#1c7ed6', maxBarThickness: 28 },
      { label: t('stats.cols.overdue'), data: rows.map((r) => r.overdue.value), backgroundColor: '#e03131', maxBarThickness: 28 },
    ],
  }
  const options: ChartOptions<'bar'> = {
    ...base(print),
    ...clickOptions([rows.map((r) => r.due.ref), rows.map((r) => r.overdue.ref)], onOpen),
    indexAxis: 'y',
    scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
    plugins: { legend: { position: 'bottom' } },
  }
  return (
    <div style={{ position: 'relative', height: print ? 180 : 240 }} data-testid="stats-chart-due">
      <Chart type="bar" data={chart} options={options} role="img" aria-label={t('stats.section.due')} />
    </div>
  )
}
