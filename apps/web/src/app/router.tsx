import { createBrowserRouter, Outlet } from 'react-router';
import { DashboardLayout } from './layout/dashboard-layout';
import { MembersRoute } from './routes/dashboard/members.route';
import { OverlaysRoute } from './routes/dashboard/overlays.route';
import { OverviewRoute } from './routes/dashboard/overview.route';
import { SettingsRoute } from './routes/dashboard/settings.route';
import { InviteRoute } from './routes/invite.route';
import { LoginRoute } from './routes/login.route';
import { NotFoundRoute, RouteErrorBoundary } from './routes/errors.route';
import { SetupRoute } from './routes/setup.route';
import { StartRoute } from './routes/start.route';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Outlet />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <StartRoute /> },
      { path: 'setup', element: <SetupRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'invite/:token', element: <InviteRoute /> },
      {
        path: 'w/:workspaceId',
        element: <DashboardLayout />,
        children: [
          { index: true, element: <OverviewRoute /> },
          { path: 'members', element: <MembersRoute /> },
          { path: 'overlays', element: <OverlaysRoute /> },
          { path: 'settings', element: <SettingsRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
