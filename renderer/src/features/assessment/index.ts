import { IconClipboardCheck } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

export const assessmentFeature: FeatureModule = {
  routes: [
    { path: 'assessments', permission: 'assessment.read', load: () => import('./list/AssessmentListPage').then((m) => m.AssessmentListPage) },
    { path: 'assessments/:id', permission: 'assessment.read', load: () => import('./form/AssessmentPages').then((m) => m.AssessmentPage) },
    { path: 'people/:personId/assessment/new', permission: 'assessment.record', load: () => import('./form/AssessmentPages').then((m) => m.NewAssessmentPage) },
  ],
  bareRoutes: [{ path: 'print/diag-assessment/:id', permission: 'assessment.read', load: () => import('./print/PrintDiagAssessmentPage').then((m) => m.PrintDiagAssessmentPage) }],
  navItems: [{ to: '/assessments', label: (t) => t('assessment.nav'), icon: IconClipboardCheck, permission: 'assessment.record', group: 'work' }],
  personTabs: [
    {
      value: 'assessment',
      label: (t) => t('assessment.tab'),
      icon: IconClipboardCheck,
      permission: 'assessment.read',
      Panel: lazyComponent(() => import('./person/AssessmentTab').then((m) => m.AssessmentTab)),
    },
  ],
  settingsCards: [{ key: 'assessment', permission: 'facility.manage', Card: lazyComponent(() => import('./settings/TemplatesCard').then((m) => m.TemplatesCard)) }],
  // An approved decision changes the term (the people file, its header and roster).
  writeEffects: { assessment: ['people'] },
}
