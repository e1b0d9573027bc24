import { Alert, Button, Group, NumberInput, Progress, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../../api/hooks'
import { useJobProgress } from '../../api/progress'
import { DemoAccountsTable } from './DemoAccountsTable'
import { useFinishSetup } from './useFinishSetup'

export function DemoLoader() {
  const { t } = useTranslation()
  const finish = useFinishSetup()
  const [people, setPeople] = useState<number | string>(240)
  const load = useApiMutation('setup:loadDemo', { success: t('setup.demoLoaded') })
  const progress = useJobProgress('setup:loadDemo')

  if (load.data) {
    return (
      <Stack>
        <Text fw={600}>{t('setup.demoAccounts')}</Text>
        <Text fz="sm" c="dimmed">
          {t('setup.demoAccountsIntro')}
        </Text>
        <DemoAccountsTable accounts={load.data.accounts} />
        <Group justify="flex-end">
          <Button onClick={() => void finish()}>{t('setup.goLogin')}</Button>
        </Group>
      </Stack>
    )
  }

  return (
    <Stack>
      <Text fz="sm">{t('setup.demoIntro')}</Text>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
        {t('setup.demoWarning')}
      </Alert>
      <Group align="flex-end" justify="space-between">
        <NumberInput
          w={200}
          label={t('setup.demoPeople')}
          value={people}
          onChange={setPeople}
          min={0}
          max={5000}
          step={20}
          allowDecimal={false}
        />
        <Button loading={load.isPending} onClick={() => load.mutate({ people: Number(people) || 0 })}>
          {t('setup.demoLoad')}
        </Button>
      </Group>
      {load.isPending && progress && progress.total > 0 && (
        <Group gap="sm" data-testid="demo-progress">
          <Progress flex={1} value={(100 * progress.done) / progress.total} animated />
          <Text fz="sm" c="dimmed">
            {progress.done} / {progress.total}
          </Text>
        </Group>
      )}
    </Stack>
  )
}
