import type { CreatedOverlayTokenDto, OverlayTokenDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Dialog } from '@/shared/ui/dialog';
import { TextField } from '@/shared/ui/field';
import { FormError, useErrorText, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { RowList, RowListItem } from '@/shared/ui/row-list';
import { SecretReveal } from '@/shared/ui/secret-reveal';
import { LoadingState } from '@/shared/ui/spinner';
import {
  overlayUrl,
  useCreateOverlayToken,
  useOverlayTokens,
  useRevokeOverlayToken,
} from '../api/overlay-tokens.api';
import { BotOverlayKinds } from './bot-overlay-kinds';

const FIELDS = ['label'] as const;

/** Moderators and owners: create OBS overlay links (token shown once) and revoke them. */
export function OverlayTokensPanel({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const tokens = useOverlayTokens(workspaceId);
  const create = useCreateOverlayToken(workspaceId);
  const revoke = useRevokeOverlayToken(workspaceId);
  const [created, setCreated] = useState<CreatedOverlayTokenDto | null>(null);
  const [revoking, setRevoking] = useState<OverlayTokenDto | null>(null);
  const errors = useFieldErrors(create.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    setCreated(null);
    create.mutate(formValues(form, FIELDS), {
      onSuccess: (token) => {
        setCreated(token);
        form.reset();
      },
    });
  };

  const createdUrl = created ? overlayUrl(window.location.origin, created.token) : '';

  return (
    <>
      <Card title={t('overlays.title')} description={t('overlays.description')} data-testid="overlays-panel">
        <form className="form form--row" onSubmit={submit} data-testid="overlay-token-form">
          <FormError error={create.error} fields={FIELDS} />
          <TextField
            label={t('overlays.label')}
            name="label"
            required
            maxLength={80}
            hint={t('overlays.labelHint')}
            error={errors['label']}
          />
          <div className="form__actions form__actions--end">
            <Button type="submit" variant="primary" pending={create.isPending}>
              {create.isPending ? t('overlays.submitting') : t('overlays.submit')}
            </Button>
          </div>
        </form>

        {created ? (
          <SecretReveal
            title={t('overlays.createdTitle')}
            body={t('overlays.createdBody')}
            label={t('overlays.urlLabel')}
            value={createdUrl}
            testId="created-overlay-token"
            valueTestId="overlay-url"
          >
            <a className="link" href={createdUrl} target="_blank" rel="noreferrer noopener">
              {t('overlays.openPreview')}
            </a>
            <BotOverlayKinds origin={window.location.origin} token={created.token} />
          </SecretReveal>
        ) : null}
      </Card>

      <Card title={t('overlays.listTitle')} level={2}>
        {tokens.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {tokens.isError ? <Alert tone="error">{errorText(tokens.error)}</Alert> : null}
        <RowList items={tokens.data} empty={t('overlays.empty')} testId="overlay-token-list">
          {(token) => (
            <RowListItem
              key={token.id}
              title={token.label}
              meta={
                <>
                  {t('overlays.createdAt', { date: formatDate(token.createdAt, i18n.language) })}
                  <span aria-hidden="true"> · </span>
                  {token.lastUsedAt
                    ? t('overlays.lastUsed', { date: formatDate(token.lastUsedAt, i18n.language, true) })
                    : t('overlays.neverUsed')}
                </>
              }
              action={
                <Button
                  size="sm"
                  variant="ghost"
                  className="btn--danger-text"
                  onClick={() => setRevoking(token)}
                  aria-label={t('overlays.revokeLabel', { label: token.label })}
                >
                  {t('common.revoke')}
                </Button>
              }
            />
          )}
        </RowList>
      </Card>

      <Dialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={t('overlays.revokeTitle', { label: revoking?.label ?? '' })}
        description={t('overlays.revokeBody')}
        closeLabel={t('common.close')}
        footer={
          <>
            <Button variant="ghost" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="danger"
              pending={revoke.isPending}
              onClick={() => {
                if (!revoking || revoke.isPending) return;
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    if (created?.id === revoking.id) setCreated(null);
                    setRevoking(null);
                  },
                });
              }}
            >
              {t('common.revoke')}
            </Button>
          </>
        }
      >
        {revoke.isError ? <Alert tone="error">{errorText(revoke.error)}</Alert> : null}
      </Dialog>
    </>
  );
}
