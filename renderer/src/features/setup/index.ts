import type { FeatureModule } from '../../app/feature'
import { SetupPage } from './SetupPage'

export const setupFeature: FeatureModule = {
  publicRoutes: [{ path: 'setup', Page: SetupPage }],
  // Set-up creates the facility, its wards and accounts, or a whole demo facility: everything may have changed.
  writeEffects: { setup: 'all' },
}
