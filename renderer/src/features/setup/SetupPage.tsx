import { Alert, Paper, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconBuildingCommunity, IconFlask } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { BrandMark } from '../../components/BrandMark'
import { CenteredPage } from '../../components/CenteredPage'
import { LanguageSwitch } from '../shell/LanguageSwitch'
import { CreateFacilityForm } from './CreateFacilityForm'
import { DemoLoader } from './DemoLoader'
import { useSetupStatus } from './useSetupStatus'

/** First run: create the facility, or load demo data. */
export function SetupPage() {
  const { t } = useTranslation()
  // Where a database was in use before, set-up needs a confirmation and demo data is not offered (see setupService).
  const previouslyUsed = useSetupStatus().data?.previouslyUsed ?? false
  return (
    <CenteredPage width={760}>
      <BrandMark size={40} />
      <Paper p="xl" shadow="xs">
        <Title order={2} fw={600}>
          {t('setup.welcome')}
        </Title>
        <Text c="dimmed" fz="sm" mt={6} mb="lg">
          {t('setup.intro')}
        </Text>
        {previouslyUsed && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="lg" data-testid="previous-database">
            {t('setup.previousDatabase')}
          </Alert>
        )}
        <Tabs defaultValue="create" keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="create" leftSection={<IconBuildingCommunity size={16} stroke={1.5} />}>
              {t('setup.createTab')}
            </Tabs.Tab>
            {!previouslyUsed && (
              <Tabs.Tab value="demo" leftSection={<IconFlask size={16} stroke={1.5} />}>
                {t('setup.demoTab')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="create">
            <CreateFacilityForm previouslyUsed={previouslyUsed} />
          </Tabs.Panel>
          <Tabs.Panel value="demo">
            <DemoLoader />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <LanguageSwitch />
    </CenteredPage>
  )
}
