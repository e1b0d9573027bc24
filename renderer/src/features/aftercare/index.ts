import { IconBuildingCommunity, IconChartBar, IconHeartHandshake } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/**
 * Aftercare (后续照管, issue 14): the due and overdue follow-ups, the follow-up cohorts, the guidance stations, the
 * person-file tab with the plan and contacts, and the plan's settings.
 */
export const aftercareFeature: FeatureModule = {
  routes: [
    { path: 'aftercare', permission: 'aftercare.read', load: () => import('./due/FollowUpDuePage').then((m) => m.FollowUpDuePage) },
    { path: 'aftercare/cohorts', permission: 'aftercare.read', load: () => import('./cohorts/CohortsPage').then((m) => m.CohortsPage) },
    { path: 'aftercare/stations', permission: 'aftercare.read', load: () => import('./stations/StationsPage').then((m) => m.StationsPage) },
  ],
  navItems: [
    { to: '/aftercare', label: (t) => t('aftercare.nav'), icon: IconHeartHandshake, permission: 'aftercare.read', group: 'work' },
    { to: '/aftercare/cohorts', label: (t) => t('aftercare.navCohorts'), icon: IconChartBar, permission: 'aftercare.read', group: 'work' },
    { to: '/aftercare/stations', label: (t) => t('aftercare.navStations'), icon: IconBuildingCommunity, permission: 'aftercare.read', group: 'admin' },
  ],
  personTabs: [
    {
      value: 'aftercare',
      label: (t) => t('aftercare.tab'),
      icon: IconHeartHandshake,
      permission: 'aftercare.read',
      Panel: lazyComponent(() => import('./person/AftercareTab').then((m) => m.AftercareTab)),
    },
  ],
  settingsCards: [{ key: 'aftercare', permission: 'aftercare.configure', Card: lazyComponent(() => import('./settings/AftercareSettingsCard').then((m) => m.AftercareSettingsCard)) }],
  // A contact changes only aftercare queries; a release confirmed or voided makes or voids a plan.
  writeEffects: { aftercare: [], release: ['aftercare'] },
}
