import { IconBarbell } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

export const fitnessFeature: FeatureModule = {
  routes: [
    // Readers (counsellors, ward officers) open the same day read-only; only trainers and administrators get the nav item.
    { path: 'fitness', permission: 'fitness.read', load: () => import('./day/TestDayPage').then((m) => m.TestDayPage) },
    { path: 'fitness/import', permission: 'fitness.record', load: () => import('./excel/FitnessImportPage').then((m) => m.FitnessImportPage) },
    { path: 'wards/:wardId/fitness', permission: 'fitness.read', load: () => import('./ward/WardFitnessPage').then((m) => m.WardFitnessPage) },
  ],
  bareRoutes: [{ path: 'print/fitness/:personId/:testId', permission: 'fitness.read', load: () => import('./print/PrintFitnessPage').then((m) => m.PrintFitnessPage) }],
  navItems: [{ to: '/fitness', label: (t) => t('fitness.nav'), icon: IconBarbell, permission: 'fitness.record', group: 'work' }],
  personTabs: [
    {
      value: 'fitness',
      label: (t) => t('fitness.tab'),
      icon: IconBarbell,
      permission: 'fitness.read',
      Panel: lazyComponent(() => import('./person/FitnessTab').then((m) => m.FitnessTab)),
    },
  ],
  wardPanels: [
    { key: 'fitness', label: (t) => t('fitness.wardLink'), icon: IconBarbell, permission: 'fitness.read', to: (wardId) => `/wards/${wardId}/fitness`, testId: 'ward-fitness-link' },
  ],
  settingsCards: [
    { key: 'fitness', permission: 'facility.manage', Card: lazyComponent(() => import('./settings/FitnessSettingsCard').then((m) => m.FitnessSettingsCard)) },
  ],
  // Fitness writes (tests, drafts, contraindications, settings) change only fitness queries.
  writeEffects: { fitness: [] },
}
