import type { ApiTokenDto, CreatedApiTokenDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { CopyField } from '@/shared/ui/copy-field';
import { SecretReveal } from '@/shared/ui/secret-reveal';
import { useRevokeApiToken } from '../api/api-tokens.api';
import { ApiTokenCreateCard } from './api-token-create-card';
import { ApiTokensListCard } from './api-tokens-list-card';
import './api-tokens.css';

/** A first call to paste in a terminal: who the token is. */
export function curlExample(origin: string, workspaceId: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/workspaces/${workspaceId}/whoami`;
}

/** Moderators see the tokens; owners also create (secret shown once) and revoke them. */
export function ApiTokensPage({ workspaceId, isOwner }: { workspaceId: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const revoke = useRevokeApiToken(workspaceId);

  return (
    <div className="stack">
      <p>
        <a className="link" href="/api/docs" target="_blank" rel="noreferrer noopener">
          {t('apiTokens.docsLink')}
        </a>
      </p>
      {isOwner ? (
        <ApiTokenCreateCard workspaceId={workspaceId} onCreated={setCreated} />
      ) : (
        <Alert tone="info">{t('apiTokens.ownerOnly')}</Alert>
      )}
      {created ? (
        <SecretReveal
          title={t('apiTokens.created.title')}
          body={t('apiTokens.created.body')}
          label={t('apiTokens.created.label')}
          value={created.token}
          testId="created-api-token"
          valueTestId="api-token-secret"
        >
          <CopyField
            label={t('apiTokens.created.example')}
            value={curlExample(window.location.origin, workspaceId, created.token)}
            copyLabel={t('common.copy')}
            copiedLabel={t('common.copied')}
            testId="api-token-curl"
          />
        </SecretReveal>
      ) : null}
      <ApiTokensListCard workspaceId={workspaceId} canRevoke={isOwner} onRevoke={setRevoking} />
      <ConfirmMutationDialog
        target={revoking}
        mutation={revoke}
        title={t('apiTokens.revoke.title', { name: revoking?.name ?? '' })}
        description={t('apiTokens.revoke.body')}
        confirmLabel={t('common.revoke')}
        onDone={(token) => {
          if (created?.id === token.id) setCreated(null);
        }}
        onClose={() => setRevoking(null)}
        data-testid="api-token-revoke-dialog"
      />
    </div>
  );
}
