import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InvitesPanel } from '@/features/invites/components/invites-panel';
import { MembersPanel } from '@/features/members/components/members-panel';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function MembersRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, membership } = useDashboard();
  useDocumentTitle(`${t('members.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('members.title')} description={t('members.description')} />
      <MembersPanel
        workspaceId={membership.workspaceId}
        myUserId={me.user.id}
        myRole={membership.role}
        onLeft={() => void navigate('/', { replace: true })}
      />
      {roleAtLeast(membership.role, 'owner') ? <InvitesPanel workspaceId={membership.workspaceId} /> : null}
    </>
  );
}
