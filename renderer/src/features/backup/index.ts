import { IconDatabase } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

export const backupFeature: FeatureModule = {
  routes: [{ path: 'backup', permission: 'backup.manage', load: () => import('./BackupPage').then((m) => m.BackupPage) }],
  navItems: [{ to: '/backup', label: (t) => t('backups.nav'), icon: IconDatabase, permission: 'backup.manage', group: 'admin' }],
}
