import type { FeatureModule } from '../../app/feature'
import { LoginPage } from './LoginPage'

export const authFeature: FeatureModule = {
  publicRoutes: [{ path: 'login', Page: LoginPage }],
  // Changing one's own password changes nothing another screen shows (sign-in and sign-out manage the session
  // queries themselves).
  writeEffects: { auth: [] },
}
