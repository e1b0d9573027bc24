import { BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js'
import { Chart } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { FacilityDueWork } from '@shared/contract'
import { DUE_CENTRES } from '@shared/contract'
import { totals } from './overviewRows'

ChartJs.register(BarController, CategoryScale, LinearScale, BarElement, Tooltip, Legend)

/** Per ward: overdue (red) on top of due (amber), stacked; clicking a bar segment opens the people behind it. */
export function OverviewChart({ wards, onPick }: { wards: FacilityDueWork['wards']; onPick: (wardIndex: number, status: 'due' | 'overdue') => void }) {
  const { t } = useTranslation()
  const sums = wards.map((w) => totals(w.counts, DUE_CENTRES))
  const data: ChartData<'bar', number[], string> = {
    labels: wards.map((w) => w.wardName),
    datasets: [
      { label: t('duework.overview.overdueShort'), data: sums.map((s) => s.overdue), backgroundColor: '#e03131', stack: 'work', borderRadius: 3, maxBarThickness: 36 },
      { label: t('duework.overview.dueShort'), data: sums.map((s) => s.due), backgroundColor: '#fab005', stack: 'work', borderRadius: 3, maxBarThickness: 36 },
    ],
  }
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e9ecef' } } },
    plugins: { legend: { position: 'bottom' } },
    onClick: (_event, elements) => {
      const hit = elements[0]
      if (hit) onPick(hit.index, hit.datasetIndex === 0 ? 'overdue' : 'due')
    },
    onHover: (event, elements) => {
      const target = event.native?.target as HTMLElement | undefined
      if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default'
    },
  }
  return (
    <div style={{ position: 'relative', height: 280 }} data-testid="duework-chart">
      <Chart type="bar" data={data} options={options} role="img" aria-label={t('duework.overview.chart')} />
    </div>
  )
}
