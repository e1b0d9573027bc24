import { IconServer } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'

export const serverFeature: FeatureModule = {
  routes: [{ path: 'server', permission: 'server.manage', load: () => import('./ServerPage').then((m) => m.ServerPage) }],
  navItems: [{ to: '/server', label: (t) => t('server.nav'), icon: IconServer, permission: 'server.manage', group: 'admin' }],
  // Ending sessions and the limits change only this screen's own queries.
  writeEffects: { server: [] },
}
