import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  wards: {
    title: 'Wards',
    subtitle: 'Headcount and period mix of each ward',
    empty: 'No wards yet',
    emptyHint: 'An administrator can add wards in Settings.',
    occupancy: 'Present / capacity',
    inactive: 'Inactive',
    full: 'Full',
    openRoster: 'Open roster',
  },
  rosterPrint: {
    print: 'Print roster',
    export: 'Export to Excel',
    exported: 'Roster exported',
    switchWard: 'Switch ward',
    back: 'Back to roster',
    doPrint: 'Print',
    hint: 'Prints everyone present in the ward (the on-screen filters do not apply), with the header and page number on every page.',
    title: '{{ward}} roster',
    printedOn: 'Printed {{date}}',
    count: '{{count}} present',
    pageOf: 'Page {{page}} of {{pages}}',
    sheet: 'Roster',
    warning: 'Term warning',
    col: {
      no: 'No.',
      name: 'Name',
      sex: 'Sex',
      age: 'Age',
      idNumber: 'ID number',
      period: 'Period',
      admissionDate: 'Admitted',
      lastDay: 'Last day',
      daysLeft: 'Days left',
      remark: 'Remarks',
    },
  },
}
