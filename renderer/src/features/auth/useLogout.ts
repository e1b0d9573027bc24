import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api } from '../../api/client'
import { apiKey } from '../../api/hooks'
import { clearSessionId } from '../../api/session'
import { ME_INPUT } from './useMe'

/** Ends the session on the server (best effort), forgets it here and drops every cached record. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { t } = useTranslation()
  return async () => {
    try {
      await api.invoke('auth:logout', {})
    } catch {
      // signing out locally is enough when the session is already gone
    }
    clearSessionId()
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup:status' })
    queryClient.setQueryData(apiKey('auth:me', ME_INPUT), null)
    await navigate('/login', { replace: true })
    notifications.show({ color: 'gray', message: t('header.loggedOut') })
  }
}
