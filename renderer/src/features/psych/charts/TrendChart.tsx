import type { ChartData, ChartOptions, Plugin } from 'chart.js'
import { useMemo } from 'react'
import { Line } from 'react-chartjs-2'
import type { InstrumentView } from '@shared/contract'
import { severityHex, useBi, type Bilingual } from '../psychUi'
import { GRID_COLOR, INK } from './setup'

export interface TrendPoint {
  date: string
  value: number
  severity: number | null
  band: Bilingual | null
}

type Band = InstrumentView['bands'][number]

const DAY = 86_400_000
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY)
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

/** Shades the instrument's bands behind the line, labelled at the right edge. */
function bandBackground(bands: Band[], label: (b: Band) => string): Plugin<'line'> {
  const sorted = [...bands].sort((a, b) => a.min - b.min)
  return {
    id: 'bandBackground',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart
      const y = scales.y
      if (!y || sorted.length === 0) return
      ctx.save()
      sorted.forEach((band, i) => {
        const next = sorted[i + 1]
        const lo = Math.max(band.min, y.min)
        const hi = Math.min(next ? next.min : y.max, y.max)
        if (hi <= lo) return
        const top = y.getPixelForValue(hi)
        const bottom = y.getPixelForValue(lo)
        ctx.fillStyle = `${severityHex(band.severity)}14`
        ctx.fillRect(area.left, top, area.right - area.left, bottom - top)
        if (bottom - top >= 14) {
          ctx.fillStyle = `${severityHex(band.severity)}cc`
          ctx.font = '11px "Noto Sans SC", sans-serif'
          ctx.textAlign = 'right'
          ctx.textBaseline = 'top'
          ctx.fillText(label(band), area.right - 4, top + 2)
        }
      })
      ctx.restore()
    },
  }
}

/** The headline score of one instrument over time; points coloured by their band. */
export function TrendChart({
  instrument,
  points,
  yLabel,
  animate = true,
  height = 240,
}: {
  instrument: InstrumentView
  points: TrendPoint[]
  yLabel: string
  animate?: boolean
  height?: number
}) {
  const bi = useBi()
  const plugins = useMemo(() => [bandBackground(instrument.bands, (b) => bi(b.label))], [instrument, bi])
  const values = points.map((p) => p.value)
  const days = points.map((p) => dayNumber(p.date))
  const span = days.length > 1 ? days[days.length - 1]! - days[0]! : 0
  const pad = Math.max(3, Math.round(span * 0.04))
  const bandMin = Math.min(...instrument.bands.map((b) => b.min))
  const bandMax = Math.max(...instrument.bands.map((b) => b.max ?? b.min))
  const data: ChartData<'line', Array<{ x: number; y: number }>> = {
    datasets: [
      {
        label: instrument.shortName,
        data: points.map((p, i) => ({ x: days[i]!, y: p.value })),
        borderColor: INK,
        borderWidth: 2,
        tension: 0.2,
        pointRadius: 5,
        pointHoverRadius: 7,
        pointBackgroundColor: points.map((p) => severityHex(p.severity)),
        pointBorderColor: '#fff',
        pointBorderWidth: 1.5,
      },
    ],
  }
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? undefined : false,
    devicePixelRatio: animate ? undefined : 2,
    scales: {
      // Days on a linear axis, so the spacing follows the calendar; ticks sit on the assessment dates.
      x: {
        type: 'linear',
        min: (days[0] ?? 0) - pad,
        max: (days[days.length - 1] ?? 0) + pad,
        grid: { color: GRID_COLOR },
        afterBuildTicks: (axis) => {
          axis.ticks = [...new Set(days)].map((value) => ({ value }))
        },
        ticks: { callback: (value) => dateOf(Number(value)), maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
      },
      y: {
        suggestedMin: Number.isFinite(bandMin) ? bandMin : undefined,
        suggestedMax: Number.isFinite(bandMax) ? Math.max(bandMax, ...values) : undefined,
        grid: { color: GRID_COLOR },
        title: { display: true, text: yLabel },
      },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? (points[items[0].dataIndex]?.date ?? '') : ''),
          label: (ctx) => {
            const p = points[ctx.dataIndex]
            return p?.band ? `${ctx.formattedValue} · ${bi(p.band)}` : ctx.formattedValue
          },
        },
      },
    },
  }
  return (
    <div style={{ position: 'relative', height }}>
      <Line data={data} options={options} plugins={plugins} aria-label={`${instrument.shortName} ${yLabel}`} role="img" />
    </div>
  )
}
