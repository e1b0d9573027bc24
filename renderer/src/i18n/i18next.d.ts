import 'i18next'
import type { MessageKey } from '@shared/i18n/messages'
import type { TextKey } from './texts'

/**
 * `t()` keys are checked by tsc: the interface texts (dotted keys, flattened as index.ts gives them to i18next) and
 * the API messages shared with core. A key that does not exist is a compile error.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    keySeparator: false
    nsSeparator: false
    returnNull: false
    resources: { translation: Record<TextKey | MessageKey, string> }
  }
}
