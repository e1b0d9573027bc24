import { IconBuildingCommunity, IconCalendarTime, IconFileText, IconFolders, IconStairsUp } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'
import { prefetchPeopleList } from './usePeopleBlocks'

export const peopleFeature: FeatureModule = {
  routes: [
    {
      path: 'people',
      permission: 'people.read',
      load: () => import('./PeopleListPage').then((m) => m.PeopleListPage),
      prefetch: ({ search }) => prefetchPeopleList(search),
    },
    { path: 'people/new', permission: 'people.write', load: () => import('./CreatePersonPage').then((m) => m.CreatePersonPage) },
    { path: 'people/import', permission: 'facility.manage', load: () => import('./import/ImportPage').then((m) => m.ImportPage) },
    { path: 'people/:id/edit', permission: 'people.write', load: () => import('./EditPersonPage').then((m) => m.EditPersonPage) },
    { path: 'people/:id', permission: 'people.read', load: () => import('./file/PersonFilePage').then((m) => m.PersonFilePage) },
  ],
  navItems: [{ to: '/people', label: (t) => t('nav.people'), icon: IconFolders, permission: 'people.read', group: 'work' }],
  personTabs: [
    { value: 'basic', label: (t) => t('file.tabs.basic'), icon: IconFileText, Panel: lazyComponent(() => import('./file/BasicTab').then((m) => m.BasicTab)) },
    { value: 'term', label: (t) => t('file.tabs.term'), icon: IconCalendarTime, Panel: lazyComponent(() => import('./file/term/TermTab').then((m) => m.TermTab)) },
    { value: 'periods', label: (t) => t('file.tabs.periods'), icon: IconStairsUp, Panel: lazyComponent(() => import('./file/periods/PeriodsTab').then((m) => m.PeriodsTab)) },
    { value: 'wards', label: (t) => t('file.tabs.wards'), icon: IconBuildingCommunity, Panel: lazyComponent(() => import('./file/wards/WardsTab').then((m) => m.WardsTab)) },
  ],
  writeEffects: {
    // Creating, moving, placing or voiding a person changes ward occupancy and the period bars (wards:list), and the
    // ward psych screen, task and crisis lists show each person's name, ward and period.
    people: ['wards', 'psych'],
  },
}
