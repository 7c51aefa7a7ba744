import { createBrowserRouter, Outlet } from 'react-router';
import { lazyPage } from './lazy-route';
import { NotFoundRoute, RouteErrorBoundary } from './routes/errors.route';

// Every page is its own chunk (see lazyPage). The attendee's pages (`/join`, `/m/:meetingId`) are
// not here: they are their own entry (attendee.html, src/attendee-app), served by the api.
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Outlet />,
    errorElement: <RouteErrorBoundary />,
    // Shown while the first route's chunk loads (a blank page, as before the first render).
    hydrateFallbackElement: null,
    children: [
      {
        index: true,
        lazy: lazyPage(
          () => import('./routes/start.route'),
          (m) => m.StartRoute,
        ),
      },
      {
        path: 'setup',
        lazy: lazyPage(
          () => import('./routes/setup.route'),
          (m) => m.SetupRoute,
        ),
      },
      {
        path: 'login',
        lazy: lazyPage(
          () => import('./routes/login.route'),
          (m) => m.LoginRoute,
        ),
      },
      {
        path: 'invite/:token',
        lazy: lazyPage(
          () => import('./routes/invite.route'),
          (m) => m.InviteRoute,
        ),
      },
      // Public, no sign-in: the commands a workspace's bot answers (the link `!help` posts).
      {
        path: 'c/:workspaceId',
        lazy: lazyPage(
          () => import('./routes/public-commands.route'),
          (m) => m.PublicCommandsRoute,
        ),
      },
      // Public, outside the dashboard: the viewer panel (`!panel` link, works in an iframe too).
      {
        path: 'p/:token',
        lazy: lazyPage(
          () => import('./routes/panel.route'),
          (m) => m.PanelSignInRoute,
        ),
      },
      {
        path: 'panel/:workspaceId',
        lazy: lazyPage(
          () => import('./routes/panel.route'),
          (m) => m.PanelRoute,
        ),
      },
      {
        path: 'w/:workspaceId',
        lazy: lazyPage(
          () => import('./layout/dashboard-layout'),
          (m) => m.DashboardLayout,
        ),
        children: [
          {
            index: true,
            lazy: lazyPage(
              () => import('./routes/dashboard/overview.route'),
              (m) => m.OverviewRoute,
            ),
          },
          {
            path: 'meetings',
            lazy: lazyPage(
              () => import('./routes/dashboard/meetings.route'),
              (m) => m.MeetingsRoute,
            ),
          },
          {
            path: 'meetings/:meetingId',
            lazy: lazyPage(
              () => import('./routes/dashboard/meeting-editor.route'),
              (m) => m.MeetingEditorRoute,
            ),
          },
          {
            path: 'meetings/:meetingId/live',
            lazy: lazyPage(
              () => import('./routes/live/live.route'),
              (m) => m.LiveRoute,
            ),
          },
          {
            path: 'flags',
            lazy: lazyPage(
              () => import('./routes/dashboard/flags.route'),
              (m) => m.FlagsRoute,
            ),
          },
          {
            path: 'members',
            lazy: lazyPage(
              () => import('./routes/dashboard/members.route'),
              (m) => m.MembersRoute,
            ),
          },
          {
            path: 'overlays',
            lazy: lazyPage(
              () => import('./routes/dashboard/overlays.route'),
              (m) => m.OverlaysRoute,
            ),
          },
          {
            path: 'connections',
            lazy: lazyPage(
              () => import('./routes/dashboard/connections.route'),
              (m) => m.ConnectionsRoute,
            ),
          },
          {
            path: 'chat',
            lazy: lazyPage(
              () => import('./routes/dashboard/chat.route'),
              (m) => m.ChatRoute,
            ),
          },
          {
            path: 'viewers',
            lazy: lazyPage(
              () => import('./routes/dashboard/viewers.route'),
              (m) => m.ViewersRoute,
            ),
          },
          {
            path: 'bots',
            lazy: lazyPage(
              () => import('./routes/dashboard/bots.route'),
              (m) => m.BotsRoute,
            ),
          },
          {
            path: 'bots/:tab',
            lazy: lazyPage(
              () => import('./routes/dashboard/bots.route'),
              (m) => m.BotsRoute,
            ),
          },
          {
            path: 'points',
            lazy: lazyPage(
              () => import('./routes/dashboard/points.route'),
              (m) => m.PointsRoute,
            ),
          },
          {
            path: 'points/:tab',
            lazy: lazyPage(
              () => import('./routes/dashboard/points.route'),
              (m) => m.PointsRoute,
            ),
          },
          {
            path: 'rewards',
            lazy: lazyPage(
              () => import('./routes/dashboard/rewards.route'),
              (m) => m.RewardsRoute,
            ),
          },
          {
            path: 'rewards/:tab',
            lazy: lazyPage(
              () => import('./routes/dashboard/rewards.route'),
              (m) => m.RewardsRoute,
            ),
          },
          {
            path: 'rehearsal',
            lazy: lazyPage(
              () => import('./routes/dashboard/rehearsal.route'),
              (m) => m.RehearsalRoute,
            ),
          },
          {
            path: 'reports',
            lazy: lazyPage(
              () => import('./routes/dashboard/reports.route'),
              (m) => m.ReportsRoute,
            ),
          },
          {
            path: 'reports/:reportId',
            lazy: lazyPage(
              () => import('./routes/dashboard/reports.route'),
              (m) => m.ReportsRoute,
            ),
          },
          {
            path: 'webhooks',
            lazy: lazyPage(
              () => import('./routes/dashboard/webhooks.route'),
              (m) => m.WebhooksRoute,
            ),
          },
          {
            path: 'api-tokens',
            lazy: lazyPage(
              () => import('./routes/dashboard/api-tokens.route'),
              (m) => m.ApiTokensRoute,
            ),
          },
          {
            path: 'settings',
            lazy: lazyPage(
              () => import('./routes/dashboard/settings.route'),
              (m) => m.SettingsRoute,
            ),
          },
        ],
      },
      // Public, no sign-in, outside the dashboard: the address `!help` links to (same page as /c/:id).
      {
        path: 'w/:workspaceId/commands',
        lazy: lazyPage(
          () => import('./routes/public-commands.route'),
          (m) => m.PublicCommandsRoute,
        ),
      },
      // Projected full screen, outside the dashboard chrome.
      {
        path: 'w/:workspaceId/meetings/:meetingId/screen',
        lazy: lazyPage(
          () => import('./routes/live/room-screen.route'),
          (m) => m.RoomScreenRoute,
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
