import { IconCalendarCheck } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'
import { prefetchWardDay, prefetchWardRecords } from './day/dayQueries'

/**
 * Due work (应办事项, issue 13): the ward's day (大队一日工作) with today's and overdue work per centre, the facility's
 * counts per ward, each person's due items, and the rules' settings. The items come from the core's rules engine
 * (duework:*); every feature's records can satisfy them.
 */
export const dueworkFeature: FeatureModule = {
  routes: [
    {
      path: 'wards/:wardId/day',
      permission: 'duework.read',
      load: () => import('./day/WardDayPage').then((m) => m.WardDayPage),
      // The screen's one request starts beside its code (a ward officer's landing page, a cold start).
      prefetch: ({ params, search }) => {
        if (!params.wardId) return
        prefetchWardDay(params.wardId, search)
        prefetchWardRecords(params.wardId, search)
      },
    },
    { path: 'today', permission: 'duework.read', load: () => import('./TodayRedirect').then((m) => m.TodayRedirect) },
    { path: 'duework', permission: 'duework.read', load: () => import('./overview/FacilityOverviewPage').then((m) => m.FacilityOverviewPage) },
  ],
  navItems: [{ to: '/today', label: (t) => t('duework.nav'), icon: IconCalendarCheck, permission: 'duework.read', group: 'work' }],
  personTabs: [
    {
      value: 'duework',
      label: (t) => t('duework.person.tab'),
      icon: IconCalendarCheck,
      permission: 'duework.read',
      Panel: lazyComponent(() => import('./person/DueWorkTab').then((m) => m.DueWorkTab)),
    },
  ],
  wardPanels: [
    { key: 'duework', label: (t) => t('duework.wardLink'), icon: IconCalendarCheck, permission: 'duework.read', to: (wardId) => `/wards/${wardId}/day`, testId: 'ward-day-link' },
  ],
  settingsCards: [
    { key: 'duework', permission: 'duework.configure', Card: lazyComponent(() => import('./settings/DueRulesSettingsCard').then((m) => m.DueRulesSettingsCard)) },
  ],
  // Read-only over other features' records: a save in any of them can satisfy (or open) a due item, so their writes make
  // the due-work queries stale; people writes move admissions, periods and wards; facility settings hold the periods.
  writeEffects: {
    psych: ['duework'],
    fitness: ['duework'],
    assessment: ['duework'],
    wardwork: ['duework'],
    people: ['duework'],
    facility: ['duework'],
  },
}
