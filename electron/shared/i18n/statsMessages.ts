/**
 * API messages of the facility dashboard (issue 14). Merged into the one table by messages.ts; English has exactly the
 * Chinese keys.
 */
export const statsMessages = {
  'zh-CN': {
    'stats.month': '月份格式应为 YYYY-MM（例如 2026-03）',
    'stats.as_of_future': '截至日期不能晚于今天（{{today}}）',
  },
  en: {
    'stats.month': 'A month is written YYYY-MM (for example 2026-03)',
    'stats.as_of_future': 'The as-of date cannot be after today ({{today}})',
  },
} as const
