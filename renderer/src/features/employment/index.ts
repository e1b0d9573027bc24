import { IconBriefcase } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/** Employment support (就业帮扶): events, referrals and agreements, outcomes after release, the person file's section. */
export const employmentFeature: FeatureModule = {
  routes: [
    { path: 'employment', permission: 'vocational.read', load: () => import('./EmploymentPage').then((m) => m.EmploymentPage) },
    { path: 'employment/events/:eventId', permission: 'vocational.read', load: () => import('./EventPage').then((m) => m.EventPage) },
  ],
  navItems: [{ to: '/employment', label: (t) => t('employment.nav'), icon: IconBriefcase, permission: 'vocational.read', group: 'work' }],
  personSections: [
    { tab: 'vocational', key: 'employment', permission: 'vocational.read', Section: lazyComponent(() => import('./PersonEmployment').then((m) => m.PersonEmployment)) },
  ],
  writeEffects: { employment: [] },
}
