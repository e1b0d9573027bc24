import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconLock, IconUser } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { api } from '../../api/client'
import { apiKey } from '../../api/hooks'
import { isSessionEnded, setSessionId, subscribeSessionEnded } from '../../api/session'
import { reopenEvents } from '../../api/transport'
import { BrandMark } from '../../components/BrandMark'
import { CenteredPage } from '../../components/CenteredPage'
import { FullPageLoader } from '../../components/FullPageLoader'
import { LOGIN_LOCK_RULE } from '@shared/domain/loginLock'
import { useErrorText } from '../../i18n/errorText'
import { LanguageSwitch } from '../shell/LanguageSwitch'
import { useSetupStatus } from '../setup/useSetupStatus'
import { ME_INPUT, useMe } from './useMe'

function fromState(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string' && state.from !== '/login') return state.from
  return '/'
}

export function LoginPage() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const status = useSetupStatus()
  const me = useMe()
  const sessionEnded = useSyncExternalStore(subscribeSessionEnded, isSessionEnded)
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('v.required')),
      password: (v) => (v ? null : t('v.required')),
    },
  })
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) => api.invoke('auth:login', values),
    onSuccess: async ({ sessionId, user }) => {
      // Facility server: '' (the session is an HttpOnly cookie), so nothing is stored and no header is sent.
      setSessionId(sessionId)
      reopenEvents()
      queryClient.removeQueries({ predicate: (q) => !['setup:status', 'auth:me'].includes(String(q.queryKey[0])) })
      queryClient.setQueryData(apiKey('auth:me', ME_INPUT), user)
      await navigate(fromState(location.state), { replace: true })
    },
    onError: () => form.setFieldValue('password', ''),
  })

  if (me.isPending) return <FullPageLoader />
  if (me.data) return <Navigate to={fromState(location.state)} replace />

  return (
    <CenteredPage width={400}>
      <Stack align="center" gap={6} mt={40}>
        <BrandMark size={44} withText={false} />
        <Title order={2} fw={600} ta="center">
          {status.data?.facilityName ?? t('app.name')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('app.title')}
        </Text>
      </Stack>
      <Paper p="xl" shadow="xs">
        <form onSubmit={form.onSubmit((values) => login.mutate({ username: values.username.trim(), password: values.password }))}>
          <Stack>
            <div>
              <Text fw={600} fz="lg">
                {t('login.title')}
              </Text>
              <Text c="dimmed" fz="sm">
                {t('login.subtitle')}
              </Text>
            </div>
            {sessionEnded && !login.isError && (
              <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} data-testid="session-ended">
                {t('login.sessionEnded')}
              </Alert>
            )}
            {login.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
                {errorText(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('login.username')}
              autoComplete="username"
              leftSection={<IconUser size={16} stroke={1.5} />}
              data-autofocus
              autoFocus
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              leftSection={<IconLock size={16} stroke={1.5} />}
              {...form.getInputProps('password')}
            />
            <Button type="submit" fullWidth loading={login.isPending} mt="xs">
              {t('login.submit')}
            </Button>
            {/* Said before it happens, and the same for every username: it reveals nothing about accounts. */}
            <Text c="dimmed" fz="xs" ta="center" data-testid="login-lock-rule">
              {t('auth.lock_rule', { max: LOGIN_LOCK_RULE.maxFailedLogins, minutes: LOGIN_LOCK_RULE.lockMinutes })}
            </Text>
          </Stack>
        </form>
      </Paper>
      <Text c="dimmed" fz="xs" ta="center">
        {t('login.footer')}
      </Text>
      <Stack align="center">
        <LanguageSwitch />
      </Stack>
    </CenteredPage>
  )
}
