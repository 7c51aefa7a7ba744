import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMeeting } from '@/features/meetings/api/meetings.api';
import { MeetingEditor } from '@/features/meetings/components/meeting-editor';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function MeetingEditorRoute() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { membership } = useDashboard();
  // Same query as the editor's: the title comes from the cache, not a second request.
  const meeting = useMeeting(membership.workspaceId, meetingId);
  useDocumentTitle(`${meeting.data?.title ?? t('meetings.title')} · ${membership.workspaceName}`);
  return (
    <MeetingEditor
      // A different meeting is a different editor: no selection or draft carries over.
      key={meetingId}
      workspaceId={membership.workspaceId}
      meetingId={meetingId}
      canEdit={roleAtLeast(membership.role, 'moderator')}
    />
  );
}
