import { IconUsersGroup } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

export const staffFeature: FeatureModule = {
  routes: [{ path: 'staff', permission: 'staff.manage', load: () => import('./StaffPage').then((m) => m.StaffPage) }],
  navItems: [{ to: '/staff', label: (t) => t('nav.staff'), icon: IconUsersGroup, permission: 'staff.manage', group: 'admin' }],
  writeEffects: {
    // Staff names are joined in when read: "recorded by" in the file's histories and on every psych record.
    staff: ['people', 'psych'],
  },
}
