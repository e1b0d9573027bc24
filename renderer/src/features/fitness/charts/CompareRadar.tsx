import type { ChartData, ChartOptions } from 'chart.js'
import { Radar } from 'react-chartjs-2'
import { INK } from './setup'

/** The latest test against the previous one, points per item on a 0–5 radar (items not scored in either are left out). */
export function CompareRadar({
  labels,
  latest,
  previous,
  latestLabel,
  previousLabel,
  height = 280,
}: {
  labels: string[]
  latest: number[]
  previous: number[]
  latestLabel: string
  previousLabel: string
  height?: number
}) {
  const data: ChartData<'radar', number[], string> = {
    labels,
    datasets: [
      { label: previousLabel, data: previous, borderColor: '#adb5bd', backgroundColor: 'rgba(173,181,189,0.18)', borderWidth: 2, borderDash: [5, 4], pointRadius: 3 },
      { label: latestLabel, data: latest, borderColor: INK, backgroundColor: 'rgba(30,74,128,0.18)', borderWidth: 2, pointRadius: 3 },
    ],
  }
  const options: ChartOptions<'radar'> = {
    responsive: true,
    maintainAspectRatio: false,
    scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: 'transparent' }, pointLabels: { font: { size: 12 } } } },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } },
  }
  return (
    <div style={{ position: 'relative', height }} data-testid="fitness-compare-chart">
      <Radar data={data} options={options} role="img" aria-label={`${latestLabel} / ${previousLabel}`} />
    </div>
  )
}
