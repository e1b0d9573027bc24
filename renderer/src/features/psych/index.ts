import { IconBrain } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

export const psychFeature: FeatureModule = {
  routes: [
    { path: 'wards/:wardId/psych', permission: 'psych.read', load: () => import('./ward/WardPsychPage').then((m) => m.WardPsychPage) },
    { path: 'wards/:wardId/psych/batch', permission: 'psych.assess', load: () => import('./assess/BatchAssessPage').then((m) => m.BatchAssessPage) },
    { path: 'psych', permission: 'psych.read', load: () => import('./ward/PsychOverviewPage').then((m) => m.PsychOverviewPage) },
    { path: 'psych/assess', permission: 'psych.assess', load: () => import('./assess/AssessPage').then((m) => m.AssessPage) },
    { path: 'psych/assessments/:id', permission: 'psych.assess', load: () => import('./result/AssessmentResultPage').then((m) => m.AssessmentResultPage) },
    { path: 'psych/crises/:id', permission: 'psych.assess', load: () => import('./crisis/CrisisPage').then((m) => m.CrisisPage) },
    { path: 'psych/sessions/:id', permission: 'psych.notes', load: () => import('./session/SessionPage').then((m) => m.SessionPage) },
  ],
  bareRoutes: [
    { path: 'print/assessment/:id', permission: 'psych.assess', load: () => import('./print/PrintAssessmentPage').then((m) => m.PrintAssessmentPage) },
    // Only roles that may read counselling notes may print one (the data behind it is psych:getSession, psych.notes).
    { path: 'print/session/:id', permission: 'psych.notes', load: () => import('./print/PrintSessionPage').then((m) => m.PrintSessionPage) },
  ],
  navItems: [{ to: '/psych', label: (t) => t('nav.psych'), icon: IconBrain, permission: 'psych.read', group: 'work' }],
  personTabs: [
    {
      value: 'psych',
      label: (t) => t('file.tabs.psych'),
      icon: IconBrain,
      permission: 'psych.read',
      Panel: lazyComponent(() => import('./person/PsychTab').then((m) => m.PsychTab)),
    },
  ],
  personBanners: [
    { key: 'crisis', permission: 'psych.read', Banner: lazyComponent(() => import('./person/CrisisBanner').then((m) => m.CrisisBanner)) },
  ],
  wardPanels: [
    { key: 'psych', label: (t) => t('psych.wardLink'), icon: IconBrain, permission: 'psych.read', to: (wardId) => `/wards/${wardId}/psych`, testId: 'ward-psych-link' },
  ],
  settingsCards: [
    { key: 'psych', permission: 'psych.configure', Card: lazyComponent(() => import('./settings/PsychSettingsCard').then((m) => m.PsychSettingsCard)) },
  ],
  // Psychology writes (assessments, tasks, sessions, crises, settings, item texts) only change psych queries: no
  // people, ward or staff query reads the psych tables, and their audit rows are not filed under the person.
  writeEffects: { psych: [] },
}
