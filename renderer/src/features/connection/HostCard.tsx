import { Button, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconServer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { hostFieldErrors, MAX_NAMES, splitNames, type ConnectionChoice, type ConnectionState } from '@shared/connection'
import { REQUIRED } from '../../components/required'
import { translateFieldError } from '../../i18n/errorText'
import { ChoiceCard } from './ChoiceCard'

const DEFAULT_LISTEN = '0.0.0.0:8443'

/** Host the facility database: the address to listen on and the names that go into the server certificate. */
export function HostCard({ state, busy, choose }: { state: ConnectionState; busy: boolean; choose: (choice: ConnectionChoice) => void }) {
  const { t } = useTranslation()
  const current = state.choice?.mode === 'host' ? state.choice : null
  const form = useForm({
    initialValues: { listen: current?.listen ?? DEFAULT_LISTEN, names: (current?.names ?? state.localNames ?? []).join(', ') },
    validate: (values) => {
      const errors = hostFieldErrors(values.listen, values.names)
      const names = errors.names ? translateFieldError(errors.names) : null
      return {
        listen: errors.listen ? translateFieldError(errors.listen) : null,
        names: names && errors.badName ? `${errors.badName}：${names}` : names,
      }
    },
  })
  return (
    <ChoiceCard
      icon={IconServer}
      title={t('connection.host.title')}
      subtitle={t('connection.host.subtitle')}
      body={t('connection.host.body')}
      current={current !== null}
      testId="choice-host"
    >
      <form
        onSubmit={form.onSubmit((values) => choose({ mode: 'host', listen: values.listen.trim(), names: splitNames(values.names) }))}
        style={{ marginTop: 'auto' }}
      >
        <Stack gap="sm">
          <TextInput label={t('connection.host.listen')} description={t('connection.host.listenHint')} labelProps={REQUIRED} {...form.getInputProps('listen')} />
          <TextInput
            label={t('connection.host.names')}
            description={t('connection.host.namesHint', { max: MAX_NAMES })}
            labelProps={REQUIRED}
            {...form.getInputProps('names')}
          />
          <Button type="submit" disabled={busy}>
            {t('connection.host.choose')}
          </Button>
        </Stack>
      </form>
    </ChoiceCard>
  )
}
