import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  settings: {
    title: 'Settings',
    subtitle: 'Facility, wards and period template',
    facility: 'Facility',
    facilityName: 'Facility name',
    wards: 'Wards',
    addWard: 'Add ward',
    editWard: 'Edit ward',
    wardName: 'Ward name',
    capacity: 'Capacity',
    occupancy: 'Present',
    wardNote: 'Note',
    wardActive: 'Active',
    template: 'Period template',
    templateNote:
      'No national durations are fixed for the periods (to be confirmed by the provincial bureau). Set the allowed moves and minimum days per period as your province requires; leave empty for no minimum.',
    templateName: 'Template name',
    allowedMoves: 'Allowed moves',
    minDwell: 'Minimum days',
    daysUnit: 'days',
    minDwellPlaceholder: 'None',
    fromTo: '{{from}} → {{to}}',
    saveTemplate: 'Save template',
    movesRequired: 'Allow at least one move',
    wardScope: {
      title: 'Ward duty (包队责任制)',
      hint: 'What staff may do beyond the wards they are responsible for. "Facility-wide": every ward (and past files); "Own wards": only the wards assigned under Staff. Administrators are never limited.',
      role: 'Role',
      read: 'May view',
      write: 'May record',
      all: 'Facility-wide',
      own: 'Own wards',
      saved: 'Ward duty settings saved',
    },
  },
}
