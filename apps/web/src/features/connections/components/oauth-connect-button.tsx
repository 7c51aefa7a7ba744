import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button, type ButtonVariant } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { NOT_CONFIGURED_CODE, type OAuthRole, useStartOAuth } from '../api/connections.api';
import type { OAuthPlatform } from '../model/connection-view';

export interface OAuthConnectButtonProps {
  workspaceId: string;
  platform: OAuthPlatform;
  role?: OAuthRole;
  label: string;
  variant?: ButtonVariant;
  testId: string;
}

/** Starts an OAuth connect: the server gives the consent page's address and the browser goes there. */
export function OAuthConnectButton({ workspaceId, platform, role, ...view }: OAuthConnectButtonProps) {
  const start = useStartOAuth(workspaceId);
  return (
    <OAuthConnectView
      {...view}
      platform={platform}
      pending={start.isPending}
      leaving={start.isSuccess}
      error={start.error}
      onStart={() => {
        if (!start.isPending) start.mutate({ platform, role });
      }}
    />
  );
}

export interface OAuthConnectViewProps {
  platform: OAuthPlatform;
  label: string;
  variant?: ButtonVariant;
  testId: string;
  pending: boolean;
  /** The consent page's address came back: the page is about to unload. */
  leaving: boolean;
  error: unknown;
  onStart: () => void;
}

/**
 * The button and its failure. When the install has no app for the platform, the server's message
 * (it names the environment variables to set) stays on screen and the button is disabled:
 * trying again cannot help.
 */
export function OAuthConnectView({
  platform,
  label,
  variant = 'primary',
  testId,
  pending,
  leaving,
  error,
  onStart,
}: OAuthConnectViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const notConfigured = isApiError(error) && error.code === NOT_CONFIGURED_CODE;
  return (
    <div className="conn-oauth">
      <Button
        variant={variant}
        pending={pending || leaving}
        disabled={notConfigured}
        onClick={onStart}
        data-testid={testId}
      >
        {leaving ? t('connections.redirecting', { platform: t(`platforms.${platform}`) }) : label}
      </Button>
      {error ? (
        <Alert tone={notConfigured ? 'warning' : 'error'}>
          <span data-testid={`${testId}-error`}>{errorText(error)}</span>
        </Alert>
      ) : null}
    </div>
  );
}
