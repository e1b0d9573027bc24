import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES, type SessionLimits } from '@shared/contract/server'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { SaveErrorAlert } from '../../components/SaveErrorAlert'
import { useContractForm } from '../../lib/useContractForm'

type Values = { idleMinutes: number | string; absoluteHours: number | string; version: string }

const valuesOf = (limits: SessionLimits, version: string): Values => ({ ...limits, version })

/** Idle and absolute session limits; the save carries the version read, so two administrators cannot overwrite each other. */
export function SessionLimitsCard() {
  const { t } = useTranslation()
  const limits = useApiQuery('server:sessionLimits', {})
  return (
    <Paper p="lg" data-testid="server-limits">
      <Text fw={600} mb="md">
        {t('server.limits.title')}
      </Text>
      {limits.isError && <ErrorAlert error={limits.error} onRetry={() => void limits.refetch()} />}
      {limits.isPending && <Skeleton h={120} maw={480} />}
      {limits.data && <LimitsForm initial={valuesOf(limits.data.limits, limits.data.version)} reload={async () => (await limits.refetch()).data} />}
    </Paper>
  )
}

function LimitsForm({ initial, reload }: { initial: Values; reload: () => Promise<{ limits: SessionLimits; version: string } | undefined> }) {
  const { t } = useTranslation()
  const reset = (form: { setInitialValues(v: Values): void; setValues(v: Values): void; resetDirty(v: Values): void }, values: Values) => {
    form.setInitialValues(values)
    form.setValues(values)
    form.resetDirty(values)
  }
  const { form, mutation, submit } = useContractForm('server:setSessionLimits', {
    initialValues: initial,
    check: 'input',
    // A blank field is "enter a number", not 0; an out-of-range value is sent as typed and refused with the limits.
    toInput: (v) => ({
      idleMinutes: v.idleMinutes === '' ? Number.NaN : Number(v.idleMinutes),
      absoluteHours: v.absoluteHours === '' ? Number.NaN : Number(v.absoluteHours),
      version: v.version,
    }),
    success: t('server.limits.saved'),
    onSuccess: (output, _input, f) => reset(f, valuesOf(output.limits, output.version)),
  })
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={760}>
        <Group align="flex-start" grow>
          <NumberField
            label={t('server.limits.idle')}
            labelProps={REQUIRED}
            description={t('server.limits.idleHint', { min: SESSION_IDLE_MINUTES.min, max: SESSION_IDLE_MINUTES.max })}
            min={SESSION_IDLE_MINUTES.min}
            max={SESSION_IDLE_MINUTES.max}
            data-testid="limits-idle"
            {...form.getInputProps('idleMinutes')}
          />
          <NumberField
            label={t('server.limits.absolute')}
            labelProps={REQUIRED}
            description={t('server.limits.absoluteHint', { min: SESSION_ABSOLUTE_HOURS.min, max: SESSION_ABSOLUTE_HOURS.max })}
            min={SESSION_ABSOLUTE_HOURS.min}
            max={SESSION_ABSOLUTE_HOURS.max}
            data-testid="limits-absolute"
            {...form.getInputProps('absoluteHours')}
          />
        </Group>
        <SaveErrorAlert
          error={mutation.error}
          onReload={async () => {
            const latest = await reload()
            if (!latest) return
            reset(form, valuesOf(latest.limits, latest.version))
            mutation.reset()
          }}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()} data-testid="limits-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
