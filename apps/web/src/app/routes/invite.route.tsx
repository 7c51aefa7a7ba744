import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useLogout } from '@/features/auth/api/auth.api';
import { InviteAcceptance } from '@/features/invites/components/invite-acceptance';
import { meQueryOptions } from '@/shared/api/me.api';
import { LoadingState } from '@/shared/ui/spinner';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { loginPath, workspacePath } from '../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function InviteRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const me = useQuery(meQueryOptions);
  const logout = useLogout();
  useDocumentTitle(t('invite.title'));

  return (
    <AuthLayout title={t('invite.title')}>
      {me.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <InviteAcceptance
          token={token}
          me={me.data ?? null}
          signInHref={loginPath(`/invite/${encodeURIComponent(token)}`)}
          homeHref="/"
          onSignOut={() => logout.mutate()}
          onJoined={(membership) =>
            void navigate(membership ? workspacePath(membership.workspaceId) : '/', { replace: true })
          }
        />
      )}
    </AuthLayout>
  );
}
