import { IconSchool } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/**
 * 教育培训: the vocational centre's courses and the education centre's classes (list, course page with roster,
 * attendance register, exams and batch certificates), the trades and subjects settings card, and the person file's
 * 教育培训 tab (other features add their sections below it through `personSections`).
 */
export const coursesFeature: FeatureModule = {
  routes: [
    { path: 'courses', permission: 'vocational.read', load: () => import('./CourseListPage').then((m) => m.CourseListPage) },
    { path: 'courses/:id', permission: 'vocational.read', load: () => import('./CoursePage').then((m) => m.CoursePage) },
  ],
  navItems: [{ to: '/courses', label: (t) => t('courses.nav'), icon: IconSchool, permission: 'vocational.read', group: 'work' }],
  personTabs: [
    {
      value: 'vocational',
      label: (t) => t('courses.person.tab'),
      icon: IconSchool,
      permission: 'vocational.read',
      Panel: lazyComponent(() => import('./person/VocationalTab').then((m) => m.VocationalTab)),
    },
  ],
  settingsCards: [
    { key: 'courses', permission: 'facility.manage', Card: lazyComponent(() => import('./settings/CoursesSettingsCard').then((m) => m.CoursesSettingsCard)) },
  ],
  // Trades are shown on courses; the person's timetable lists exercise-training sessions too; a certificate issued from
  // a course changes its figures, roster and eligibility.
  writeEffects: { courses: [], trades: ['courses'], training: ['courses'], certificates: ['courses'] },
}
