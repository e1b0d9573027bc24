import { Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConnectionState } from '@shared/connection'
import { BrandMark } from '../../components/BrandMark'
import { CenteredPage } from '../../components/CenteredPage'
import { LanguageSwitch } from '../shell/LanguageSwitch'
import { ConnectionChoice } from './ConnectionChoice'

/** The first screen of a new workstation: how it is used, before set-up or sign-in. */
export function FirstRunPage({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  return (
    <CenteredPage width={1280}>
      <BrandMark size={40} />
      <Paper p="xl" shadow="xs" data-testid="connection-first-run">
        <Title order={2} fw={600}>
          {t('connection.title')}
        </Title>
        <Text c="dimmed" fz="sm" mt={6} mb="lg">
          {t('connection.intro')}
        </Text>
        <ConnectionChoice state={state} />
      </Paper>
      <LanguageSwitch />
    </CenteredPage>
  )
}
