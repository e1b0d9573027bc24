import { IconClipboardList, IconNotebook } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/** The ward's own records (大队管理, issue 13): the person tab, the ward's records by date, the ward daily log and its print, the lists' settings. */
export const wardworkFeature: FeatureModule = {
  routes: [
    { path: 'wards/:wardId/records', permission: 'wardwork.read', load: () => import('./ward/WardRecordsPage').then((m) => m.WardRecordsPage) },
    { path: 'wards/:wardId/log/:date', permission: 'wardwork.read', load: () => import('./log/WardLogPage').then((m) => m.WardLogPage) },
  ],
  bareRoutes: [{ path: 'print/wards/:wardId/log/:date', permission: 'wardwork.read', load: () => import('./print/PrintWardLogPage').then((m) => m.PrintWardLogPage) }],
  personTabs: [
    {
      value: 'wardwork',
      label: (t) => t('wardwork.tab'),
      icon: IconClipboardList,
      permission: 'wardwork.read',
      Panel: lazyComponent(() => import('./person/WardworkTab').then((m) => m.WardworkTab)),
    },
  ],
  wardPanels: [
    { key: 'wardwork-records', label: (t) => t('wardwork.recordsLink'), icon: IconClipboardList, permission: 'wardwork.read', to: (wardId) => `/wards/${wardId}/records`, testId: 'ward-records-link' },
    { key: 'wardwork-log', label: (t) => t('wardwork.logLink'), icon: IconNotebook, permission: 'wardwork.read', to: (wardId) => `/wards/${wardId}/log/today`, testId: 'ward-log-link' },
  ],
  settingsCards: [
    { key: 'wardwork', permission: 'facility.manage', Card: lazyComponent(() => import('./settings/WardworkListsCard').then((m) => m.WardworkListsCard)) },
  ],
  // Ward record writes change only ward record queries (the due-work screen, when merged, reads them too).
  writeEffects: { wardwork: [] },
}
