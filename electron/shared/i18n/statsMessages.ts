/**
 * API messages of the facility dashboard (issue 14). Merged into the one table by messages.ts; English has exactly the
 * Chinese keys.
 */
export const statsMessages = {
  'zh-CN': {
    'stats.month': '月份格式应为 YYYY-MM（例如 2026-03）',
  },
  en: {
    'stats.month': 'A month is written YYYY-MM (for example 2026-03)',
  },
} as const
