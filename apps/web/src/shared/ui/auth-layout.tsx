import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../i18n/language-select';
import { ThemeSelect } from '../theme/theme-select';

/** Centered single-card pages: setup, sign-in, invites. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <div className="auth-layout__tools">
        <ThemeSelect />
        <LanguageSelect />
      </div>
      <main className="auth-layout__main">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t('common.appName')}</span>
        </div>
        <p className="auth-layout__tagline">{t('authLayout.tagline')}</p>
        <div className="card auth-layout__card">
          <h1 className="auth-layout__title">{title}</h1>
          {subtitle ? <p className="muted">{subtitle}</p> : null}
          {children}
        </div>
      </main>
    </div>
  );
}

/** A whole page that is only waiting (or only failed). */
export function FullPageState({ children }: { children: ReactNode }) {
  return <div className="full-page-state">{children}</div>;
}
