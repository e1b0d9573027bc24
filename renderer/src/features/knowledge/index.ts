import { IconListCheck } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/**
 * Knowledge tests (知识测试): the staff page (bank, papers, sittings), a sitting's result, a paper's item analysis, the
 * bare kiosk screen the person answers on, and a section in the person file's 教育培训 tab.
 */
export const knowledgeFeature: FeatureModule = {
  routes: [
    { path: 'knowledge', permission: 'vocational.read', load: () => import('./KnowledgePage').then((m) => m.KnowledgePage) },
    { path: 'knowledge/attempts/:attemptId', permission: 'vocational.read', load: () => import('./AttemptPage').then((m) => m.AttemptPage) },
    { path: 'knowledge/papers/:paperId/analysis', permission: 'vocational.read', load: () => import('./AnalysisPage').then((m) => m.AnalysisPage) },
  ],
  // The kiosk: no navigation, nothing but the person's paper (leaving needs the staff member's password).
  bareRoutes: [{ path: 'kiosk/knowledge/:attemptId', permission: 'vocational.record', load: () => import('./KioskPage').then((m) => m.KioskPage) }],
  navItems: [{ to: '/knowledge', label: (t) => t('knowledge.nav'), icon: IconListCheck, permission: 'vocational.read', group: 'work' }],
  personSections: [
    { tab: 'vocational', key: 'knowledge', permission: 'vocational.read', Section: lazyComponent(() => import('./person/KnowledgeSection').then((m) => m.KnowledgeSection)) },
  ],
  settingsCards: [
    { key: 'knowledge', permission: 'vocational.record', Card: lazyComponent(() => import('./settings/KnowledgeSettingsCard').then((m) => m.KnowledgeSettingsCard)) },
  ],
  // Knowledge writes change only knowledge queries.
  writeEffects: { knowledge: [] },
}
