import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '@/shared/ui/button';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <AuthLayout title={t('notFound.title')} subtitle={t('notFound.body')}>
      <Link className="btn btn--primary" to="/">
        {t('notFound.home')}
      </Link>
    </AuthLayout>
  );
}

/** Last resort for render errors: say so plainly and offer a reload. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  console.error(error);
  return (
    <AuthLayout title={t('crash.title')} subtitle={t('crash.body')}>
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </Button>
    </AuthLayout>
  );
}
