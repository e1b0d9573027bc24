import { lazyComponent, type FeatureModule } from '../../app/feature'

/**
 * How this workstation reaches its data (issue 15). The first-run choice is not a route: ConnectionGate (in the root
 * gate) shows it before set-up and sign-in. Administrators change it later from the settings page (Electron only).
 */
export const connectionFeature: FeatureModule = {
  routes: [{ path: 'connection', permission: 'server.manage', load: () => import('./ConnectionPage').then((m) => m.ConnectionPage) }],
  settingsCards: [
    { key: 'connection', permission: 'server.manage', Card: lazyComponent(() => import('./ConnectionSettingsCard').then((m) => m.ConnectionSettingsCard)) },
  ],
}
