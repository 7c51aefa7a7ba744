import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import type { OAuthReturn } from '../model/oauth-return';

/** What the OAuth round trip ended with: connected, or the platform's (or server's) refusal. */
export function OAuthResultNotice({ result, onDismiss }: { result: OAuthReturn; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="conn-notice" data-testid="oauth-result" data-kind={result.kind}>
      <Alert tone={result.kind === 'connected' ? 'success' : 'error'}>
        {result.kind === 'connected'
          ? t('connections.connectedNotice', { platform: t(`platforms.${result.platform}`) })
          : t('connections.errorNotice', { message: result.message })}
      </Alert>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        {t('connections.dismiss')}
      </Button>
    </div>
  );
}
