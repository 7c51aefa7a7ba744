import { createBrowserRouter, Outlet } from 'react-router';
import { DashboardLayout } from './layout/dashboard-layout';
import { BotsRoute } from './routes/dashboard/bots.route';
import { ChatRoute } from './routes/dashboard/chat.route';
import { ConnectionsRoute } from './routes/dashboard/connections.route';
import { FlagsRoute } from './routes/dashboard/flags.route';
import { MeetingEditorRoute } from './routes/dashboard/meeting-editor.route';
import { MeetingsRoute } from './routes/dashboard/meetings.route';
import { MembersRoute } from './routes/dashboard/members.route';
import { OverlaysRoute } from './routes/dashboard/overlays.route';
import { ApiTokensRoute } from './routes/dashboard/api-tokens.route';
import { OverviewRoute } from './routes/dashboard/overview.route';
import { PointsRoute } from './routes/dashboard/points.route';
import { RehearsalRoute } from './routes/dashboard/rehearsal.route';
import { ReportsRoute } from './routes/dashboard/reports.route';
import { RewardsRoute } from './routes/dashboard/rewards.route';
import { SettingsRoute } from './routes/dashboard/settings.route';
import { ViewersRoute } from './routes/dashboard/viewers.route';
import { WebhooksRoute } from './routes/dashboard/webhooks.route';
import { AttendeeMeetingRoute } from './routes/attendee-meeting.route';
import { InviteRoute } from './routes/invite.route';
import { LiveRoute } from './routes/live/live.route';
import { RoomScreenRoute } from './routes/live/room-screen.route';
import { JoinRoute } from './routes/join.route';
import { LoginRoute } from './routes/login.route';
import { PublicCommandsRoute } from './routes/public-commands.route';
import { PanelRoute, PanelSignInRoute } from './routes/panel.route';
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
      { path: 'join', element: <JoinRoute /> },
      { path: 'join/:code', element: <JoinRoute /> },
      { path: 'm/:meetingId', element: <AttendeeMeetingRoute /> },
      // Public, no sign-in: the commands a workspace's bot answers (the link `!help` posts).
      { path: 'c/:workspaceId', element: <PublicCommandsRoute /> },
      // Public, outside the dashboard: the viewer panel (`!panel` link, works in an iframe too).
      { path: 'p/:token', element: <PanelSignInRoute /> },
      { path: 'panel/:workspaceId', element: <PanelRoute /> },
      {
        path: 'w/:workspaceId',
        element: <DashboardLayout />,
        children: [
          { index: true, element: <OverviewRoute /> },
          { path: 'meetings', element: <MeetingsRoute /> },
          { path: 'meetings/:meetingId', element: <MeetingEditorRoute /> },
          { path: 'meetings/:meetingId/live', element: <LiveRoute /> },
          { path: 'flags', element: <FlagsRoute /> },
          { path: 'members', element: <MembersRoute /> },
          { path: 'overlays', element: <OverlaysRoute /> },
          { path: 'connections', element: <ConnectionsRoute /> },
          { path: 'chat', element: <ChatRoute /> },
          { path: 'viewers', element: <ViewersRoute /> },
          { path: 'bots', element: <BotsRoute /> },
          { path: 'bots/:tab', element: <BotsRoute /> },
          { path: 'points', element: <PointsRoute /> },
          { path: 'points/:tab', element: <PointsRoute /> },
          { path: 'rewards', element: <RewardsRoute /> },
          { path: 'rewards/:tab', element: <RewardsRoute /> },
          { path: 'rehearsal', element: <RehearsalRoute /> },
          { path: 'reports', element: <ReportsRoute /> },
          { path: 'reports/:reportId', element: <ReportsRoute /> },
          { path: 'webhooks', element: <WebhooksRoute /> },
          { path: 'api-tokens', element: <ApiTokensRoute /> },
          { path: 'settings', element: <SettingsRoute /> },
        ],
      },
      // Public, no sign-in, outside the dashboard: the address `!help` links to (same page as /c/:id).
      { path: 'w/:workspaceId/commands', element: <PublicCommandsRoute /> },
      // Projected full screen, outside the dashboard chrome.
      { path: 'w/:workspaceId/meetings/:meetingId/screen', element: <RoomScreenRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
