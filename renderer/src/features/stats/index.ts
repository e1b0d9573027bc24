import { IconLayoutDashboard } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

/**
 * The facility dashboard (统计看板, issue 14): the facility's figures as charts and tables, every number opening the
 * people behind it; an A4 print route and an Excel export.
 */
export const statsFeature: FeatureModule = {
  routes: [{ path: 'dashboard', permission: 'stats.read', load: () => import('./DashboardPage').then((m) => m.DashboardPage) }],
  bareRoutes: [{ path: 'print/dashboard', permission: 'stats.read', load: () => import('./PrintDashboardPage').then((m) => m.PrintDashboardPage) }],
  navItems: [{ to: '/dashboard', label: (t) => t('stats.nav'), icon: IconLayoutDashboard, permission: 'stats.read', group: 'work' }],
  // Read-only over every domain it counts: their writes make its figures stale.
  writeEffects: {
    people: ['stats'],
    psych: ['stats'],
    fitness: ['stats'],
    courses: ['stats'],
    certificates: ['stats'],
    assessment: ['stats'],
    wardwork: ['stats'],
    duework: ['stats'],
  },
}
