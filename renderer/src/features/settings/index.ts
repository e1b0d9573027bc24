import { IconSettings } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

export const settingsFeature: FeatureModule = {
  routes: [{ path: 'settings', permission: 'facility.manage', load: () => import('./SettingsPage').then((m) => m.SettingsPage) }],
  navItems: [{ to: '/settings', label: (t) => t('nav.settings'), icon: IconSettings, permission: 'facility.manage', group: 'admin' }],
  writeEffects: {
    // The period template decides which moves the file offers (people:get → nextPeriods).
    facility: ['people'],
  },
}
