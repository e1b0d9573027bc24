import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  staff: {
    title: 'Staff',
    subtitle: 'Accounts, roles and permissions',
    new: 'New staff member',
    newTitle: 'New staff member',
    editTitle: 'Edit staff member',
    resetPassword: 'Reset password',
    resetTitle: 'Reset the password of {{name}}',
    resetDone: 'Password reset',
    username: 'Username',
    displayName: 'Full name',
    role: 'Role',
    wards: 'Responsible for wards',
    wardsPlaceholder: 'Choose one or more wards',
    wardsHintRequired: 'Under this facility\'s ward duty policy this role works only in its wards: choose at least one',
    wardsHintOptional: 'This role works facility-wide; the wards show its share of the work',
    wardsRequired: 'Choose at least one ward',
    noWards: 'None',
    password: 'Initial password',
    newPassword: 'New password',
    active: 'Account',
    activeLabel: 'Account enabled',
    lastLogin: 'Last sign-in',
    lock: {
      lockedUntil: 'Locked until {{time}}',
      lockedHint: 'Locked after failed sign-ins; it lifts by itself at that time',
      unlock: 'Unlock',
      unlockConfirm: 'Unlock the sign-in of {{name}}? The failure count starts again from zero.',
      unlocked: 'Account unlocked',
    },
    createdAt: 'Created',
    never: 'Never',
    empty: 'No staff accounts',
  },
}
