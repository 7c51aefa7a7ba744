import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { findMembership, useMe } from '@/shared/api/me.api';
import { holdLiveConnection } from '@/shared/socket/socket.client';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { loginPath } from '../navigation';
import { AppHeader } from './app-header';
import { FullPageState } from '@/shared/ui/auth-layout';
import type { DashboardContext } from './dashboard-context';
import { SidebarNav } from './sidebar-nav';

/** Signed-in shell for one workspace: header, section nav, and the live connection. */
export function DashboardLayout() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { workspaceId = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const signedIn = Boolean(me.data);

  useEffect(() => (signedIn ? holdLiveConnection() : undefined), [signedIn]);

  if (me.isPending) {
    return (
      <FullPageState>
        <LoadingState label={t('common.loading')} />
      </FullPageState>
    );
  }
  if (me.isError) {
    return (
      <FullPageState>
        <Alert tone="error">{errorText(me.error)}</Alert>
        <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
      </FullPageState>
    );
  }
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;

  const membership = findMembership(me.data, workspaceId);
  const context: DashboardContext | undefined = membership ? { me: me.data, membership } : undefined;

  return (
    <div className="dashboard" data-testid="dashboard" data-workspace-id={workspaceId}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader me={me.data} workspaceId={workspaceId} />
      <div className={membership ? 'dashboard__body' : 'dashboard__body dashboard__body--bare'}>
        {membership ? <SidebarNav workspaceId={workspaceId} /> : null}
        <main id="main" className="dashboard__main" tabIndex={-1}>
          {context ? (
            <Outlet context={context} />
          ) : (
            <Card title={t('workspaces.noAccessTitle')} data-testid="no-access">
              <p className="muted">{t('workspaces.noAccessBody')}</p>
              <Link className="btn btn--primary" to="/">
                {t('workspaces.goHome')}
              </Link>
            </Card>
          )}
        </main>
      </div>
    </div>
  );
}
