import { IconChartBar } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

/** Training statistics (培训统计): the figures per course, trade and year and the headline figures, each clickable. */
export const vocationalStatsFeature: FeatureModule = {
  routes: [{ path: 'vocational-stats', permission: 'vocational.read', load: () => import('./VocationalStatsPage').then((m) => m.VocationalStatsPage) }],
  navItems: [{ to: '/vocational-stats', label: (t) => t('vstats.nav'), icon: IconChartBar, permission: 'vocational.read', group: 'work' }],
  // Read-only; the writes of the records it counts make its figures stale.
  writeEffects: { courses: ['vocationalStats'], certificates: ['vocationalStats'], employment: ['vocationalStats'] },
}
