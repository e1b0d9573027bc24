import type { ChartData, ChartOptions } from 'chart.js'
import { Line } from 'react-chartjs-2'
import { GRID_COLOR, ITEM_COLORS } from './setup'

export interface ItemSeries {
  key: string
  label: string
  /** Points (0–5) per test date, oldest first; null where the item was not scored that day. */
  points: Array<number | null>
}

/** Points per item over the person's tests: one line per item on the 0–5 scale, dates as categories. */
export function ItemProgressChart({ dates, series, height = 260, animate = true }: { dates: string[]; series: ItemSeries[]; height?: number; animate?: boolean }) {
  const data: ChartData<'line', Array<number | null>, string> = {
    labels: dates,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.points,
      borderColor: ITEM_COLORS[i % ITEM_COLORS.length],
      backgroundColor: ITEM_COLORS[i % ITEM_COLORS.length],
      borderWidth: 2,
      tension: 0.15,
      pointRadius: 4,
      spanGaps: true,
    })),
  }
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? undefined : false,
    scales: {
      y: { min: 0, max: 5, ticks: { stepSize: 1 }, grid: { color: GRID_COLOR } },
      x: { grid: { color: GRID_COLOR } },
    },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } },
  }
  return (
    <div style={{ position: 'relative', height }} data-testid="fitness-progress-chart">
      <Line data={data} options={options} role="img" aria-label={series.map((s) => s.label).join('、')} />
    </div>
  )
}
