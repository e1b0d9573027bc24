import { notifications } from '@mantine/notifications'
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Input, MethodName, Output } from '@shared/contract'
import { useErrorText } from '../i18n/errorText'
import { api } from './client'

export function apiKey<M extends MethodName>(method: M, input?: Input<M>): QueryKey {
  return input === undefined ? [method] : [method, input]
}

interface QueryOptions<T> {
  enabled?: boolean
  /** Derives what the component sees from the cached value (e.g. a sort order). */
  select?: (data: T) => T
  /** Keep showing the previous page while the next one loads (paged tables). */
  keepPrevious?: boolean
}

export function useApiQuery<M extends MethodName>(method: M, input: Input<M>, options: QueryOptions<Output<M>> = {}) {
  return useQuery<Output<M>, Error>({
    queryKey: apiKey(method, input),
    queryFn: () => api.invoke(method, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    select: options.select,
  })
}

/** Queries that a mutation never makes stale by itself (session and first-run state). */
const SESSION_KEYS: readonly string[] = ['auth:me', 'setup:status']

interface MutationOptions<M extends MethodName> {
  /** Success toast text; `false` for none. Defaults to the generic "saved" message. */
  success?: string | false
  /** Show a failure toast (default true). Forms that show field errors still get the summary toast. */
  notifyError?: boolean
  /** Also refetch the session queries (login, logout, set-up). */
  refreshSession?: boolean
  onSuccess?: (output: Output<M>, input: Input<M>) => void
}

/**
 * A mutation for one contract method. After success every cached query except the session is marked stale, so lists,
 * files, counts and the audit log never show old data; only mounted queries refetch.
 */
export function useApiMutation<M extends MethodName>(method: M, options: MutationOptions<M> = {}) {
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  const errorText = useErrorText()
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => api.invoke(method, input),
    onSuccess: async (output, input) => {
      if (options.success !== false) {
        notifications.show({ color: 'teal', title: t('common.success'), message: options.success ?? t('common.saved') })
      }
      options.onSuccess?.(output, input)
      await queryClient.invalidateQueries({
        predicate: (q) => options.refreshSession === true || !SESSION_KEYS.includes(String(q.queryKey[0])),
      })
    },
    onError: (error) => {
      if (options.notifyError === false) return
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    },
  })
}
