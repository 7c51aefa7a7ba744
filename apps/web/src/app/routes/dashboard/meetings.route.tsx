import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MeetingsPanel } from '@/features/meetings/components/meetings-panel';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function MeetingsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('meetings.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('meetings.title')} description={t('meetings.description')} />
      <MeetingsPanel
        workspaceId={membership.workspaceId}
        canEdit={roleAtLeast(membership.role, 'moderator')}
        onCreated={(meeting) =>
          void navigate(workspacePath(membership.workspaceId, `meetings/${encodeURIComponent(meeting.id)}`))
        }
      />
    </>
  );
}
