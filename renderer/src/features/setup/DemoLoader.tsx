import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useJobProgress } from '../../api/progress'
import { NumberField } from '../../components/NumberField'
import { useContractForm } from '../../lib/useContractForm'
import { DemoAccountsTable } from './DemoAccountsTable'
import { useFinishSetup } from './useFinishSetup'

export function DemoLoader() {
  const { t } = useTranslation()
  const finish = useFinishSetup()
  const { form, mutation: load, submit } = useContractForm('setup:loadDemo', {
    initialValues: { people: 240 as number | string },
    // A blank field would otherwise take the schema's default: ask for a number instead of loading one nobody typed.
    extraValidate: (v) => ({ people: v.people === '' ? t('v.required') : null }),
    toInput: (v) => ({ people: Number(v.people) }),
    success: t('setup.demoLoaded'),
  })
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
      <form onSubmit={submit}>
        <Group align="flex-start" justify="space-between">
          <NumberField w={200} label={t('setup.demoPeople')} min={0} max={5000} step={20} {...form.getInputProps('people')} />
          <Button type="submit" mt={25} loading={load.isPending}>
            {t('setup.demoLoad')}
          </Button>
        </Group>
      </form>
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
