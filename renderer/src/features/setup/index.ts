import type { FeatureModule } from '../../app/feature'

export const setupFeature: FeatureModule = {
  publicRoutes: [{ path: 'setup', load: () => import('./SetupPage').then((m) => m.SetupPage) }],
  // Set-up creates the facility, its wards and accounts, or a whole demo facility: everything may have changed.
  writeEffects: { setup: 'all' },
}
