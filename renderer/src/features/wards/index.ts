import { IconBuildingCommunity } from '@tabler/icons-react'
import type { FeatureModule } from '../../app/feature'
import { prefetchPeopleList } from '../people/usePeopleBlocks'
import { prefetchWards } from './wardsQuery'

export const wardsFeature: FeatureModule = {
  routes: [
    { path: 'wards', permission: 'wards.read', load: () => import('./WardListPage').then((m) => m.WardListPage) },
    // The roster is a list of files, so it needs what the file list needs.
    {
      path: 'wards/:wardId',
      permission: 'people.read',
      load: () => import('./WardRosterPage').then((m) => m.WardRosterPage),
      // The roster's first rows and the ward's name and occupancy, asked while the page's code loads.
      prefetch: ({ params, search }) => {
        if (params.wardId) prefetchPeopleList(search, params.wardId)
        prefetchWards()
      },
    },
  ],
  bareRoutes: [
    // The printable roster (花名册) of one ward: the same permission as the on-screen roster.
    { path: 'print/wards/:wardId/roster', permission: 'people.read', load: () => import('./roster/PrintRosterPage').then((m) => m.PrintRosterPage) },
  ],
  navItems: [{ to: '/wards', label: (t) => t('nav.wards'), icon: IconBuildingCommunity, permission: 'wards.read', group: 'work' }],
  writeEffects: {
    // A ward's name shows in the file list and file (current ward, ward history), on the ward psych screen and beside
    // each staff member assigned to it.
    wards: ['people', 'psych', 'staff'],
  },
}
