import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMeetingInfo } from '@/features/live/api/live-meeting.api';
import { LiveDashboard } from '@/features/live/components/live-dashboard';
import { Alert } from '@/shared/ui/alert';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function LiveRoute() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { meetingId = '' } = useParams();
  const { membership } = useDashboard();
  const meeting = useMeetingInfo(membership.workspaceId, meetingId);
  useDocumentTitle(`${t('live.title', { title: meeting.data?.title ?? '…' })} · ${membership.workspaceName}`);

  if (meeting.isPending) return <LoadingState label={t('live.loading')} />;
  if (meeting.isError) return <Alert tone="error">{errorText(meeting.error)}</Alert>;
  const meetingPath = workspacePath(membership.workspaceId, `meetings/${encodeURIComponent(meetingId)}`);
  return (
    <LiveDashboard
      // Another meeting is another live picture: nothing carries over.
      key={meetingId}
      meetingId={meetingId}
      title={meeting.data.title}
      joinCode={meeting.data.joinCode}
      canModerate={roleAtLeast(membership.role, 'moderator')}
      meetingPath={meetingPath}
      screenPath={`${meetingPath}/screen`}
    />
  );
}
