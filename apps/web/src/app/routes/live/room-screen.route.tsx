import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { useMeetingInfo } from '@/features/live/api/live-meeting.api';
import { RoomScreen } from '@/features/live/components/room-screen';
import { findMembership, useMe } from '@/shared/api/me.api';
import { holdLiveConnection } from '@/shared/socket/socket.client';
import { Alert } from '@/shared/ui/alert';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { FullPageState } from '@/shared/ui/auth-layout';
import { loginPath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** The projected room screen: full page, no dashboard chrome, any member of the workspace. */
export function RoomScreenRoute() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { workspaceId = '', meetingId = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const member = Boolean(findMembership(me.data, workspaceId));
  const meeting = useMeetingInfo(workspaceId, meetingId, member);
  useDocumentTitle(t('room.title', { title: meeting.data?.title ?? '…' }));

  // Outside the dashboard layout, so this page holds the live connection itself.
  useEffect(() => (member ? holdLiveConnection() : undefined), [member]);

  if (me.isPending || (member && meeting.isPending)) {
    return (
      <FullPageState>
        <LoadingState label={t('room.loading')} />
      </FullPageState>
    );
  }
  if (!me.data && !me.isError) return <Navigate to={loginPath(location.pathname)} replace />;
  const error = me.error ?? meeting.error;
  if (error || !member || !meeting.data) {
    return (
      <FullPageState>
        <Alert tone="error">{error ? errorText(error) : t('errors.forbidden')}</Alert>
      </FullPageState>
    );
  }
  return (
    <RoomScreen
      key={meetingId}
      meetingId={meetingId}
      title={meeting.data.title}
      joinCode={meeting.data.joinCode}
    />
  );
}
