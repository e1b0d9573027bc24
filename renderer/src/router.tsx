import { createHashRouter, Navigate, type RouteObject } from 'react-router'
import { contributions, type FeatureRoute } from './app/feature'
import { FullPageLoader } from './components/FullPageLoader'
import { NotFound } from './components/NotFound'
import { RequirePermission } from './features/auth/RequirePermission'
import { RequireUser } from './features/auth/RequireUser'
import { features } from './features'
import { AppLayout } from './features/shell/AppLayout'
import { HomeRedirect } from './features/shell/HomeRedirect'
import { RootGate } from './features/shell/RootGate'
import { RouteError } from './features/shell/RouteError'

/** A feature page behind its permission; its code is fetched on the first visit (one bundle chunk per page). */
function guarded({ path, permission, load }: FeatureRoute): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load()
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

/** Hash routing works both from file:// in Electron and from the browser-mode server. */
export const router = createHashRouter([
  {
    element: <RootGate />,
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      ...contributions(features, 'publicRoutes').map(({ path, Page }) => ({ path, element: <Page /> })),
      {
        element: <RequireUser />,
        children: [
          // Printable pages: signed in, but outside the app shell (no navigation in the printout).
          ...contributions(features, 'bareRoutes').map((route) => ({ ...guarded(route), errorElement: <RouteError /> })),
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...contributions(features, 'routes').map(guarded),
              { path: 'home', element: <Navigate to="/" replace /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
])
