import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { api, onApiError } from './api/client'
import { markTokenRejected, useTokenRejected } from './api/fatal'
import { apiKey, WriteEffectsProvider } from './api/hooks'
import { startLiveUpdates } from './api/liveUpdates'
import { queryClient } from './api/queryClient'
import { clearSessionId, hasSession, markSessionEnded } from './api/session'
import { TokenInvalid } from './components/TokenInvalid'
import { writeEffects } from './features'
import { ME_INPUT } from './features/auth/useMe'
import { STATUS_INPUT } from './features/setup/useSetupStatus'
import { dayjsLocale } from './i18n'
import { router } from './router'
import { theme } from './theme'

// Every start asks these two before its first screen (RootGate, then RequireUser). Asking now overlaps them with
// fetching the first page's code instead of queueing them, one after the other, behind it.
void queryClient.prefetchQuery({ queryKey: apiKey('setup:status', STATUS_INPUT), queryFn: () => api.invoke('setup:status', STATUS_INPUT) })
void queryClient.prefetchQuery({ queryKey: apiKey('auth:me', ME_INPUT), queryFn: () => api.invoke('auth:me', ME_INPUT) })

export function App() {
  const tokenRejected = useTokenRejected()
  const { i18n } = useTranslation()

  useEffect(
    () =>
      onApiError((error, method) => {
        if (error.tokenRejected) {
          markTokenRejected()
          return
        }
        // The session expired or was ended elsewhere: forget it; the signed-in area then redirects to sign-in, which
        // says why (a window that was signed in, not one that never was).
        if (error.code === 'unauthenticated' && method !== 'auth:login' && method !== 'auth:changePassword') {
          if (hasSession() || queryClient.getQueryData(apiKey('auth:me', ME_INPUT))) markSessionEnded()
          clearSessionId()
          queryClient.setQueryData(apiKey('auth:me', ME_INPUT), null)
        }
      }),
    [],
  )
  // The same when `auth:me` itself answers "nobody" to a window that holds a session (it refreshes after a reconnect).
  // Signing out clears the session first, so it never counts.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryKey[0] !== 'auth:me') return
        if (event.query.state.data === null && hasSession()) {
          markSessionEnded()
          clearSessionId()
        }
      }),
    [],
  )
  useEffect(() => startLiveUpdates(queryClient, writeEffects), [])

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: dayjsLocale(i18n.language), firstDayOfWeek: 1 }}>
        {/* In the header strip between the search box and the user menu, two at most: stacked at the bottom right they
            covered 保存测评 and 跳过 in batch entry (app.css places them). */}
        <Notifications position="top-right" limit={2} containerWidth={340} autoClose={4000} classNames={{ root: 'app-notifications' }} />
        <QueryClientProvider client={queryClient}>
          <WriteEffectsProvider value={writeEffects}>{tokenRejected ? <TokenInvalid /> : <RouterProvider router={router} />}</WriteEffectsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}
