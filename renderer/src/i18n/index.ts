import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import i18n, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { messages, type MessageKey } from '@shared/i18n/messages'
import { flatten, zhCN, type TextKey } from './texts'

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

/**
 * Chinese ships in the first bundle; English (a third of the texts' weight) is fetched the first time it is needed:
 * at start when it was the saved choice (`i18nReady` waits for it), or on switching (i18next switches once loaded).
 */
const englishOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, done) => {
    if (language !== 'en') return done(null, {})
    import('./texts.en').then(
      ({ en, enPlurals }) => done(null, { ...messages.en, ...flatten(en), ...enPlurals }),
      (error: unknown) => done(error instanceof Error ? error.message : String(error), false),
    )
  },
}

/** Resolves when the start language's texts are loaded (at once for Chinese); the app renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(englishOnDemand)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: { ...messages['zh-CN'], ...flatten(zhCN) } } },
    // Chinese is bundled; the back end (above) is asked only for English.
    partialBundledLanguages: true,
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
