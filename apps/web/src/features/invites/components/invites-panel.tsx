import type { CreatedInviteDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { SelectField } from '@/shared/ui/field';
import { FormError, useErrorText, useFieldErrors } from '@/shared/ui/form-error';
import { RowList, RowListItem } from '@/shared/ui/row-list';
import { SecretReveal } from '@/shared/ui/secret-reveal';
import { LoadingState } from '@/shared/ui/spinner';
import { inviteUrl, useCreateInvite, useInvites, useRevokeInvite } from '../api/invites.api';

const FIELDS = ['role', 'expiresInHours'] as const;
const INVITABLE_ROLES = ['moderator', 'viewer'] as const;
const EXPIRY_HOURS = [24, 72, 168, 720] as const;

/** Owners only: create single-use invite links and revoke pending ones. */
export function InvitesPanel({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const invites = useInvites(workspaceId);
  const create = useCreateInvite(workspaceId);
  const revoke = useRevokeInvite(workspaceId);
  const [created, setCreated] = useState<CreatedInviteDto | null>(null);
  const errors = useFieldErrors(create.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const role = INVITABLE_ROLES.find((r) => r === data.get('role')) ?? 'viewer';
    const expiresInHours = Number(data.get('expiresInHours')) || 72;
    setCreated(null);
    create.mutate({ role, expiresInHours }, { onSuccess: setCreated });
  };

  return (
    <Card title={t('invites.title')} description={t('invites.description')} data-testid="invites-panel">
      <form className="form form--row" onSubmit={submit} data-testid="invite-form">
        <FormError error={create.error} fields={FIELDS} />
        <SelectField label={t('invites.role')} name="role" defaultValue="moderator" error={errors['role']}>
          {INVITABLE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('invites.expiresIn')}
          name="expiresInHours"
          defaultValue="72"
          error={errors['expiresInHours']}
        >
          {EXPIRY_HOURS.map((hours) => (
            <option key={hours} value={hours}>
              {t(`invites.hours${hours}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions form__actions--end">
          <Button type="submit" variant="primary" pending={create.isPending}>
            {create.isPending ? t('invites.submitting') : t('invites.submit')}
          </Button>
        </div>
      </form>

      {created ? (
        <SecretReveal
          title={t('invites.createdTitle')}
          body={t('invites.createdBody')}
          label={t('invites.linkLabel')}
          value={inviteUrl(window.location.origin, created.path)}
          testId="created-invite"
          valueTestId="invite-link"
        />
      ) : null}

      <h3 className="section-title">{t('invites.pendingTitle')}</h3>
      {invites.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {invites.isError ? <Alert tone="error">{errorText(invites.error)}</Alert> : null}
      {revoke.isError ? <Alert tone="error">{errorText(revoke.error)}</Alert> : null}
      <RowList items={invites.data} empty={t('invites.pendingEmpty')} testId="pending-invites">
        {(invite) => {
          const role = t(`roles.${invite.role}`);
          const date = formatDate(invite.expiresAt, i18n.language, true);
          return (
            <RowListItem
              key={invite.id}
              title={<Badge>{role}</Badge>}
              meta={t('invites.expiresAt', { date })}
              action={
                <Button
                  size="sm"
                  variant="ghost"
                  className="btn--danger-text"
                  pending={revoke.isPending && revoke.variables === invite.id}
                  onClick={() => revoke.mutate(invite.id)}
                  aria-label={t('invites.revokeLabel', { role, date })}
                >
                  {t('common.revoke')}
                </Button>
              }
            />
          );
        }}
      </RowList>
    </Card>
  );
}
