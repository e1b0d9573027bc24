import { notifications } from '@mantine/notifications'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input, MethodName, Output } from '@shared/contract'
import { useErrorText } from '../i18n/errorText'
import { api } from './client'
import { apiKey } from './keys'
import { staleAfterWrite, type WriteEffectMap } from './refresh'

export { apiKey } from './keys'

interface QueryOptions<T> {
  enabled?: boolean
  /** Derives what the component sees from the cached value (e.g. a sort order). */
  select?: (data: T) => T
  /** Keep showing the previous page while the next one loads (paged tables). */
  keepPrevious?: boolean
  /** Refetch this often (ms) while the screen is shown (a live status screen). */
  refetchInterval?: number
}

export function useApiQuery<M extends MethodName>(method: M, input: Input<M>, options: QueryOptions<Output<M>> = {}) {
  return useQuery<Output<M>, Error>({
    queryKey: apiKey(method, input),
    // Passing the signal lets TanStack Query abort a request nobody waits for (a search typed past, a block scrolled by).
    queryFn: ({ signal }) => api.invoke(method, input, { signal }),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    select: options.select,
    refetchInterval: options.refetchInterval,
  })
}

/** A contract domain: the part of a method name before ':' (`people:get` → `people`). */
export type Domain = DomainOf<MethodName>
type DomainOf<M extends string> = M extends `${infer D}:${string}` ? D : never

/** Per writing domain, the other domains whose queries its writes can change (declared by the features). */
export type WriteEffects = WriteEffectMap<Domain>

const WriteEffectsContext = createContext<WriteEffects | null>(null)

/** Provides the features' merged write effects to every mutation (App.tsx). */
export const WriteEffectsProvider = WriteEffectsContext.Provider

function useWriteEffects(): WriteEffects {
  const effects = useContext(WriteEffectsContext)
  // Without the map a save would refresh too little and screens would show old data: fail loudly instead.
  if (!effects) throw new Error('useApiMutation needs a WriteEffectsProvider (see App.tsx)')
  return effects
}

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
 * A mutation for one contract method. After success the queries it can have changed are marked stale: those of its own
 * domain, the audit log, and the domains its domain declares in its feature's `writeEffects` (api/refresh.ts). Only
 * mounted queries refetch; the others refetch when next shown.
 */
export function useApiMutation<M extends MethodName>(method: M, options: MutationOptions<M> = {}) {
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  const errorText = useErrorText()
  const stale = staleAfterWrite(method, useWriteEffects(), { refreshSession: options.refreshSession })
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => api.invoke(method, input),
    onSuccess: async (output, input) => {
      if (options.success !== false) {
        notifications.show({ color: 'teal', title: t('common.success'), message: options.success ?? t('common.saved') })
      }
      options.onSuccess?.(output, input)
      await queryClient.invalidateQueries({ predicate: (q) => stale(String(q.queryKey[0])) })
    },
    onError: (error) => {
      if (options.notifyError === false) return
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    },
  })
}
