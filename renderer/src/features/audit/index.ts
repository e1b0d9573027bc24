import { IconFileSearch, IconHistory } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

export const auditFeature: FeatureModule = {
  routes: [{ path: 'audit', permission: 'audit.read', load: () => import('./AuditPage').then((m) => m.AuditPage) }],
  bareRoutes: [
    // The printable daily summary (审计日报) with the chain's head, the anchor kept on paper.
    { path: 'print/audit/daily', permission: 'audit.read', load: () => import('./PrintDailySummaryPage').then((m) => m.PrintDailySummaryPage) },
  ],
  navItems: [{ to: '/audit', label: (t) => t('nav.audit'), icon: IconFileSearch, permission: 'audit.read', group: 'admin' }],
  personTabs: [
    {
      value: 'audit',
      label: (t) => t('file.tabs.audit'),
      icon: IconHistory,
      permission: 'audit.read',
      Panel: lazyComponent(() => import('./PersonAuditTab').then((m) => m.PersonAuditTab)),
    },
  ],
}
