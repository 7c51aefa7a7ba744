import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSetupStatus } from '@/features/setup/api/setup.api';
import { LoginForm } from '@/features/auth/components/login-form';
import { meQueryOptions } from '@/shared/api/me.api';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { safeNextPath } from '../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next')) ?? '/';
  const setup = useSetupStatus();
  const me = useQuery(meQueryOptions);
  useDocumentTitle(t('login.title'));

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;
  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
      <p className="form__footnote">{t('login.noAccount')}</p>
    </AuthLayout>
  );
}
