import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js'

/** Only the chart.js pieces the psychology charts use (line trend, horizontal factor bars). */
Chart.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Tooltip, Legend)
Chart.defaults.font.family = '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
Chart.defaults.font.size = 12
Chart.defaults.color = '#495057'

export const GRID_COLOR = '#e9ecef'
export const INK = '#1e4a80'
