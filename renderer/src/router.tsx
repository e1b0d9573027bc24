import { createHashRouter, Navigate } from 'react-router'
import { NotFound } from './components/NotFound'
import { AuditPage } from './features/audit/AuditPage'
import { LoginPage } from './features/auth/LoginPage'
import { RequirePermission } from './features/auth/RequirePermission'
import { RequireUser } from './features/auth/RequireUser'
import { CreatePersonPage } from './features/people/CreatePersonPage'
import { EditPersonPage } from './features/people/EditPersonPage'
import { PeopleListPage } from './features/people/PeopleListPage'
import { PersonFilePage } from './features/people/file/PersonFilePage'
import { AssessPage } from './features/psych/assess/AssessPage'
import { BatchAssessPage } from './features/psych/assess/BatchAssessPage'
import { CrisisPage } from './features/psych/crisis/CrisisPage'
import { PrintAssessmentPage } from './features/psych/print/PrintAssessmentPage'
import { AssessmentResultPage } from './features/psych/result/AssessmentResultPage'
import { SessionPage } from './features/psych/session/SessionPage'
import { PsychOverviewPage } from './features/psych/ward/PsychOverviewPage'
import { WardPsychPage } from './features/psych/ward/WardPsychPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { SetupPage } from './features/setup/SetupPage'
import { AppLayout } from './features/shell/AppLayout'
import { HomeRedirect } from './features/shell/HomeRedirect'
import { RootGate } from './features/shell/RootGate'
import { RouteError } from './features/shell/RouteError'
import { StaffPage } from './features/staff/StaffPage'
import { WardListPage } from './features/wards/WardListPage'
import { WardRosterPage } from './features/wards/WardRosterPage'

/** Hash routing works both from file:// in Electron and from the browser-mode server. */
export const router = createHashRouter([
  {
    element: <RootGate />,
    errorElement: <RouteError />,
    children: [
      { path: 'setup', element: <SetupPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        element: <RequireUser />,
        children: [
          // Printable pages: signed in, but outside the app shell (no navigation in the printout).
          {
            path: 'print/assessment/:id',
            errorElement: <RouteError />,
            element: <RequirePermission permission="psych.assess"><PrintAssessmentPage /></RequirePermission>,
          },
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'wards', element: <RequirePermission permission="wards.read"><WardListPage /></RequirePermission> },
              { path: 'wards/:wardId', element: <RequirePermission permission="people.read"><WardRosterPage /></RequirePermission> },
              { path: 'wards/:wardId/psych', element: <RequirePermission permission="psych.read"><WardPsychPage /></RequirePermission> },
              { path: 'wards/:wardId/psych/batch', element: <RequirePermission permission="psych.assess"><BatchAssessPage /></RequirePermission> },
              { path: 'people', element: <RequirePermission permission="people.read"><PeopleListPage /></RequirePermission> },
              { path: 'people/new', element: <RequirePermission permission="people.write"><CreatePersonPage /></RequirePermission> },
              { path: 'people/:id/edit', element: <RequirePermission permission="people.write"><EditPersonPage /></RequirePermission> },
              { path: 'people/:id', element: <RequirePermission permission="people.read"><PersonFilePage /></RequirePermission> },
              { path: 'psych', element: <RequirePermission permission="psych.read"><PsychOverviewPage /></RequirePermission> },
              { path: 'psych/assess', element: <RequirePermission permission="psych.assess"><AssessPage /></RequirePermission> },
              { path: 'psych/assessments/:id', element: <RequirePermission permission="psych.assess"><AssessmentResultPage /></RequirePermission> },
              { path: 'psych/crises/:id', element: <RequirePermission permission="psych.assess"><CrisisPage /></RequirePermission> },
              { path: 'psych/sessions/:id', element: <RequirePermission permission="psych.notes"><SessionPage /></RequirePermission> },
              { path: 'staff', element: <RequirePermission permission="staff.manage"><StaffPage /></RequirePermission> },
              { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
              { path: 'settings', element: <RequirePermission permission="facility.manage"><SettingsPage /></RequirePermission> },
              { path: 'home', element: <Navigate to="/" replace /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
])
