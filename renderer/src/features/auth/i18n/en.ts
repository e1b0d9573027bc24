import type { Texts } from '../../../i18n/types'
import type { zhCN } from './zh-CN'

/** The same tree as zh-CN with every leaf a string: a missing or extra key is a type error. */
export const en: Texts<typeof zhCN> = {
  login: {
    title: 'Sign in',
    subtitle: 'Sign in with your own account',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    footer: 'This system holds sensitive personal data; every view and change is written to the audit log.',
    sessionEnded: 'Your session has ended; please sign in again',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The passwords do not match',
    done: 'Password changed',
  },
}
