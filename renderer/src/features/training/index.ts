import { IconBarbell } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/** Exercise training (运动戒毒): the trainers' page, the person file's section, the ward link, the intensity settings. */
export const trainingFeature: FeatureModule = {
  routes: [{ path: 'training', permission: 'fitness.read', load: () => import('./TrainingPage').then((m) => m.TrainingPage) }],
  navItems: [{ to: '/training', label: (t) => t('training.nav'), icon: IconBarbell, permission: 'fitness.read', group: 'work' }],
  personTabs: [
    {
      value: 'training',
      label: (t) => t('training.person.tab'),
      icon: IconBarbell,
      permission: 'fitness.read',
      Panel: lazyComponent(() => import('./person/TrainingTab').then((m) => m.TrainingTab)),
    },
  ],
  wardPanels: [
    { key: 'training', label: (t) => t('training.nav'), icon: IconBarbell, permission: 'fitness.read', to: (wardId) => `/training?ward=${wardId}`, testId: 'ward-training-link' },
  ],
  settingsCards: [
    { key: 'training', permission: 'facility.manage', Card: lazyComponent(() => import('./settings/IntensitySettingsCard').then((m) => m.IntensitySettingsCard)) },
  ],
  // Training writes change only training queries (no other domain reads its tables).
  writeEffects: { training: [] },
}
