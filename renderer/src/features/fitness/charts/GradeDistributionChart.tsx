import type { ChartData, ChartOptions, Plugin } from 'chart.js'
import { Bar } from 'react-chartjs-2'
import { GRID_COLOR } from './setup'

export interface GradeBar {
  key: string
  label: string
  count: number
  color: string
}

/** Each bar's count written above it, so the figure reads without the axis (and in a screenshot mid-animation). */
const countLabels: Plugin<'bar'> = {
  id: 'countLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart
    const meta = chart.getDatasetMeta(0)
    const values = chart.data.datasets[0]?.data ?? []
    ctx.save()
    ctx.font = '600 12px "Noto Sans SC", sans-serif'
    ctx.fillStyle = '#343a40'
    ctx.textAlign = 'center'
    ctx.textBaseline = 'bottom'
    meta.data.forEach((bar, i) => {
      const value = Number(values[i] ?? 0)
      ctx.fillText(String(value), bar.x, bar.y - 4)
    })
    ctx.restore()
  },
}

/** How many people got each grade on one test day (excellent … fail, and no grade), one bar each. */
export function GradeDistributionChart({ bars, height = 220 }: { bars: GradeBar[]; height?: number }) {
  const data: ChartData<'bar', number[], string> = {
    labels: bars.map((b) => b.label),
    datasets: [{ data: bars.map((b) => b.count), backgroundColor: bars.map((b) => b.color), borderRadius: 4, maxBarThickness: 56 }],
  }
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    layout: { padding: { top: 18 } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID_COLOR } }, x: { grid: { display: false } } },
    plugins: { legend: { display: false } },
  }
  return (
    <div style={{ position: 'relative', height }} data-testid="fitness-grade-chart" data-counts={bars.map((b) => `${b.key}:${b.count}`).join(',')}>
      <Bar data={data} options={options} plugins={[countLabels]} role="img" aria-label={bars.map((b) => `${b.label} ${b.count}`).join('，')} />
    </div>
  )
}
