import type { ChartData, ChartOptions, Plugin } from 'chart.js'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import { GRID_COLOR } from './setup'

export interface FactorBar {
  label: string
  value: number
  positive: boolean
}

/** A dashed vertical line at the factor cut-off, labelled above the chart area. */
function cutoffLine(value: number, label: string): Plugin<'bar'> {
  return {
    id: 'cutoffLine',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart
      const x = scales.x
      if (!x) return
      const px = x.getPixelForValue(value)
      ctx.save()
      ctx.strokeStyle = '#c92a2a'
      ctx.lineWidth = 1.5
      ctx.setLineDash([5, 4])
      ctx.beginPath()
      ctx.moveTo(px, area.top)
      ctx.lineTo(px, area.bottom)
      ctx.stroke()
      ctx.setLineDash([])
      ctx.fillStyle = '#c92a2a'
      ctx.font = '11px "Noto Sans SC", sans-serif'
      ctx.textAlign = 'left'
      ctx.textBaseline = 'bottom'
      ctx.fillText(label, px + 4, area.top - 2)
      ctx.restore()
    },
  }
}

/** Factor scores as horizontal bars on the response scale, with the cut-off line. */
export function FactorChart({
  bars,
  min,
  max,
  cutoff,
  cutoffLabel,
  animate = true,
}: {
  bars: FactorBar[]
  min: number
  max: number
  cutoff: number
  cutoffLabel: string
  animate?: boolean
}) {
  const plugins = useMemo(() => [cutoffLine(cutoff, cutoffLabel)], [cutoff, cutoffLabel])
  const data: ChartData<'bar'> = {
    labels: bars.map((b) => b.label),
    datasets: [
      {
        data: bars.map((b) => b.value),
        backgroundColor: bars.map((b) => (b.positive ? '#fa5252' : '#6990c6')),
        borderRadius: 3,
        barThickness: 14,
      },
    ],
  }
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? undefined : false,
    devicePixelRatio: animate ? undefined : 2,
    layout: { padding: { top: 16, right: 8 } },
    scales: {
      x: { min, max, ticks: { stepSize: 0.5 }, grid: { color: GRID_COLOR } },
      y: { grid: { display: false } },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (ctx) => Number(ctx.raw).toFixed(2) } },
    },
  }
  return (
    <div style={{ position: 'relative', height: bars.length * 26 + 48 }}>
      <Bar data={data} options={options} plugins={plugins} role="img" aria-label={cutoffLabel} />
    </div>
  )
}
