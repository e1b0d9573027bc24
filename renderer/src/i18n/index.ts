import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { messages, type MessageKey } from '@shared/i18n/messages'
import { en, enPlurals, flatten, zhCN, type TextKey } from './texts'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'xinsheng.lang'

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    return saved === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export function dayjsLocale(lang: string): string {
  return lang === 'en' ? 'en' : 'zh-cn'
}

const initial = storedLanguage()
dayjs.locale(dayjsLocale(initial))

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...messages['zh-CN'], ...flatten(zhCN) } },
    en: { translation: { ...messages.en, ...flatten(en), ...enPlurals } },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

/** Any key `t()` accepts: an interface text or an API message. */
export type TKey = TextKey | MessageKey

/**
 * For keys only known at run time (a server's message key, an audit method name, a scoring engine's score key):
 * narrows to a typed key when the text exists, so the caller falls back to the raw name otherwise.
 */
export function isTextKey(key: string): key is TKey {
  return i18n.exists(key)
}

i18n.on('languageChanged', (lng) => {
  dayjs.locale(dayjsLocale(lng))
  document.documentElement.lang = lng
  document.title = i18n.t('app.title')
  try {
    localStorage.setItem(STORAGE_KEY, lng)
  } catch {
    // storage may be unavailable; the choice then lasts for this window only
  }
})

export default i18n
