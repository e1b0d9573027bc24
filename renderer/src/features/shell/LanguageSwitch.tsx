import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`) }))}
      aria-label={t('header.language')}
    />
  )
}
