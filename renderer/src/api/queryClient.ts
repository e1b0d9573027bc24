import { QueryClient } from '@tanstack/react-query'
import { isApiCallError } from './errors'

/**
 * The app's one query cache, a module so the router can start a page's first requests while the page's code is still
 * being fetched (FeatureRoute.prefetch), instead of after it has rendered.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // The back end answers deliberately; only transport hiccups are worth a second try.
      retry: (count, error) => !isApiCallError(error) && count < 1,
    },
    mutations: { retry: false },
  },
})
