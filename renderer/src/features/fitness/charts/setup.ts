import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, RadialLinearScale, Tooltip } from 'chart.js'

/** The chart.js pieces the fitness charts use: item lines over time, the latest-vs-previous radar, the grade bars. */
Chart.register(CategoryScale, LinearScale, RadialLinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend)
Chart.defaults.font.family = '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
Chart.defaults.font.size = 12
Chart.defaults.color = '#495057'

export const GRID_COLOR = '#e9ecef'
export const INK = '#1e4a80'
/** One colour per item line (ten items), readable on white and distinct in print. */
export const ITEM_COLORS = ['#1e4a80', '#2b8a3e', '#e8590c', '#9c36b5', '#0c8599', '#c2255c', '#5c940d', '#1971c2', '#f08c00', '#495057']
