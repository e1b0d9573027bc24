import { IconFileSearch, IconHistory } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

export const auditFeature: FeatureModule = {
  routes: [{ path: 'audit', permission: 'audit.read', load: () => import('./AuditPage').then((m) => m.AuditPage) }],
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
