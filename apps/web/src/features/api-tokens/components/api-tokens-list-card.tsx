import type { ApiTokenDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { useErrorText } from '@/shared/ui/form-error';
import { RowList, RowListItem } from '@/shared/ui/row-list';
import { LoadingState } from '@/shared/ui/spinner';
import { useApiTokens } from '../api/api-tokens.api';

const STATUS_TONE = { active: 'accent', expired: 'muted', revoked: 'muted' } as const;

/** Every token of the workspace (never its secret): scopes, status, last use; owners may revoke. */
export function ApiTokensListCard({
  workspaceId,
  canRevoke,
  onRevoke,
}: {
  workspaceId: string;
  canRevoke: boolean;
  onRevoke: (token: ApiTokenDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const tokens = useApiTokens(workspaceId);
  return (
    <Card title={t('apiTokens.list.title')} data-testid="api-tokens-list-card">
      {tokens.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {tokens.isError ? <Alert tone="error">{errorText(tokens.error)}</Alert> : null}
      <RowList items={tokens.data} empty={t('apiTokens.list.empty')} testId="api-token-list">
        {(token) => (
          <RowListItem
            key={token.id}
            title={
              <>
                {token.name}{' '}
                <Badge tone={STATUS_TONE[token.status]}>{t(`apiTokens.status.${token.status}`)}</Badge>
              </>
            }
            meta={
              <>
                <span className="api-tokens__scope-code">{token.prefix}…</span>
                <span aria-hidden="true"> · </span>
                {t('apiTokens.list.createdAt', { date: formatDate(token.createdAt, i18n.language) })}
                <span aria-hidden="true"> · </span>
                {token.lastUsedAt
                  ? t('apiTokens.list.lastUsed', { date: formatDate(token.lastUsedAt, i18n.language, true) })
                  : t('apiTokens.list.neverUsed')}
                <span aria-hidden="true"> · </span>
                {token.expiresAt
                  ? t('apiTokens.list.expires', { date: formatDate(token.expiresAt, i18n.language) })
                  : t('apiTokens.list.noExpiry')}
                <span className="api-tokens__chips">
                  {token.scopes.map((scope) => (
                    <Badge key={scope}>{scope}</Badge>
                  ))}
                </span>
              </>
            }
            action={
              canRevoke && token.status === 'active' ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="btn--danger-text"
                  onClick={() => onRevoke(token)}
                  aria-label={t('apiTokens.list.revokeLabel', { name: token.name })}
                  data-testid={`api-token-revoke-${token.id}`}
                >
                  {t('common.revoke')}
                </Button>
              ) : undefined
            }
          />
        )}
      </RowList>
    </Card>
  );
}
