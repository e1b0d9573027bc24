import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  setup: {
    welcome: 'Welcome to Xinsheng',
    intro: 'Before first use, enter the facility name, its wards and the first administrator account. You can also load demo data to explore every feature.',
    createTab: 'Set up the facility',
    demoTab: 'Load demo data',
    facilityName: 'Facility name',
    facilityNamePlaceholder: 'e.g. Provincial Compulsory Drug Rehabilitation Centre',
    wards: 'Wards',
    wardsHint: 'Wards can be added or deactivated later in Settings.',
    wardName: 'Ward name',
    capacity: 'Capacity',
    addWard: 'Add ward',
    removeWard: 'Remove this row',
    defaultWard1: 'Ward 1',
    defaultWard2: 'Ward 2',
    admin: 'First administrator',
    username: 'Username',
    displayName: 'Full name',
    password: 'Password',
    passwordConfirm: 'Confirm password',
    passwordMismatch: 'The passwords do not match',
    submit: 'Finish set-up',
    done: 'Set-up complete. Sign in with the administrator account you just created.',
    demoIntro: 'Demo data contains fictitious detainees, wards and demo accounts for every role: good for training and trying things out.',
    demoWarning: 'All demo data is fictitious; do not use it for real work. After loading, the system counts as set up.',
    demoPeople: 'Number of demo people',
    demoLoad: 'Load demo data',
    demoLoaded: 'Demo data loaded',
    demoAccounts: 'Demo accounts',
    demoAccountsIntro: 'Note these accounts to sign in and try the permissions of each role:',
    goLogin: 'Go to sign-in',
  },
}
