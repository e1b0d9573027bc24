import { createHashRouter, Navigate, type RouteObject } from 'react-router'
import { lazy, Suspense } from 'react'
import { hasSession } from './api/session'
import { contributions, type FeatureRoute, type PublicRoute } from './app/feature'
import { FullPageLoader } from './components/FullPageLoader'
import { NotFound } from './components/NotFound'
import { RequirePermission } from './features/auth/RequirePermission'
import { RequireUser } from './features/auth/RequireUser'
import { features } from './features'
import { HomeRedirect } from './features/shell/HomeRedirect'
import { RootGate } from './features/shell/RootGate'
import { RouteError } from './features/shell/RouteError'

/** A feature page behind its permission; its code is fetched on the first visit (one bundle chunk per page). */
function guarded({ path, permission, load, prefetch }: FeatureRoute, inShell: boolean): RouteObject {
  return {
    path,
    // Runs beside `lazy` (a loader declared here is not waited for by it), and returns at once: the requests it starts
    // go on in the query cache. Only with a session: without one the page is never shown (sign-in instead).
    loader: prefetch
      ? ({ params, request }) => {
          if (hasSession()) prefetch({ params, search: new URL(request.url).searchParams })
          return null
        }
      : undefined,
    lazy: async () => {
      const [Page] = await Promise.all([load(), inShell ? loadShell() : null])
      return {
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      }
    },
  }
}

/** A page before sign-in: bundled (sign-in) or fetched on first visit (set-up). */
function publicPage(route: PublicRoute): RouteObject {
  if ('Page' in route) return { path: route.path, element: <route.Page /> }
  const { path, load } = route
  return { path, lazy: async () => ({ Component: await load() }) }
}

/**
 * The app shell (side bar, header, search, user menu) is its own chunk, rendered only once RequireUser lets the user
 * through, so the sign-in screen never fetches it (a route `lazy` would be fetched before the redirect to sign-in).
 * A page inside the shell fetches it beside its own chunk, so a signed-in start does not wait for one after the other.
 */
const loadShell = () => import('./features/shell/AppLayout')
const Shell = lazy(async () => ({ default: (await loadShell()).AppLayout }))

/** Hash routing works both from file:// in Electron and from the browser-mode server. */
export const router = createHashRouter([
  {
    element: <RootGate />,
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      ...contributions(features, 'publicRoutes').map(publicPage),
      {
        element: <RequireUser />,
        children: [
          // Printable pages: signed in, but outside the app shell (no navigation in the printout).
          ...contributions(features, 'bareRoutes').map((route) => ({ ...guarded(route, false), errorElement: <RouteError /> })),
          {
            element: (
              <Suspense fallback={<FullPageLoader />}>
                <Shell />
              </Suspense>
            ),
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...contributions(features, 'routes').map((route) => guarded(route, true)),
              { path: 'home', element: <Navigate to="/" replace /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
])
