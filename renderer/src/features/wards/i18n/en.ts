import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  wards: {
    title: 'Wards',
    subtitle: 'Headcount and period mix of each ward',
    empty: 'No wards yet',
    emptyHint: 'An administrator can add wards in Settings.',
    occupancy: 'Present / capacity',
    inactive: 'Inactive',
    full: 'Full',
    openRoster: 'Open roster',
  },
}
