import { IconDoorExit } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/** Release (出所): the person file's tab and banner, 出所管理, the handover sheet and contact card printouts, settings. */
export const releaseFeature: FeatureModule = {
  routes: [{ path: 'releases', permission: 'release.read', load: () => import('./list/ReleasesPage').then((m) => m.ReleasesPage) }],
  bareRoutes: [
    { path: 'print/handover/:personId', permission: 'release.read', load: () => import('./print/PrintHandoverPage').then((m) => m.PrintHandoverPage) },
    { path: 'print/contact-card/:personId', permission: 'release.read', load: () => import('./print/PrintContactCardPage').then((m) => m.PrintContactCardPage) },
  ],
  navItems: [{ to: '/releases', label: (t) => t('release.nav'), icon: IconDoorExit, permission: 'release.record', group: 'work' }],
  personTabs: [
    {
      value: 'release',
      label: (t) => t('release.tab'),
      icon: IconDoorExit,
      permission: 'release.read',
      Panel: lazyComponent(() => import('./person/ReleaseTab').then((m) => m.ReleaseTab)),
    },
  ],
  personBanners: [{ key: 'release', permission: 'release.read', Banner: lazyComponent(() => import('./person/ReleaseBanner').then((m) => m.ReleaseBanner)) }],
  settingsCards: [{ key: 'release', permission: 'release.reopen', Card: lazyComponent(() => import('./settings/ReleaseSettingsCard').then((m) => m.ReleaseSettingsCard)) }],
  // A release moves the person off (or back onto) a roster: people lists, wards' occupancy, aftercare's plans.
  writeEffects: { release: ['people', 'wards', 'aftercare', 'duework'] },
}
