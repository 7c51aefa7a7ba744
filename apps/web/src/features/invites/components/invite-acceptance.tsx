import type { MeDto, MembershipDto } from '@podium/contracts';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/shared/api/api-error';
import { formatDate } from '@/shared/i18n/i18n';
import { ACCOUNT_FIELDS, AccountFields } from '@/shared/ui/account-fields';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { FormError, useErrorText, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { LoadingState } from '@/shared/ui/spinner';
import { joinedMembership, useAcceptInvite, useInvitePreview } from '../api/invites.api';

export interface InviteAcceptanceProps {
  token: string;
  /** The signed-in organizer, or null to offer an account form. */
  me: MeDto | null;
  /** Where "sign in to accept" goes (it should come back here). */
  signInHref: string;
  homeHref: string;
  onJoined: (membership: MembershipDto | undefined, me: MeDto) => void;
  onSignOut: () => void;
}

export function InviteAcceptance({
  token,
  me,
  signInHref,
  homeHref,
  onJoined,
  onSignOut,
}: InviteAcceptanceProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const preview = useInvitePreview(token);
  const accept = useAcceptInvite(token);
  const errors = useFieldErrors(accept.error, ACCOUNT_FIELDS);

  if (preview.isPending) return <LoadingState label={t('common.loading')} />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.statusCode === 404) {
      return (
        <div className="stack" data-testid="invite-invalid">
          <Alert tone="warning" title={t('invite.invalidTitle')}>
            {t('invite.invalidBody')}
          </Alert>
          <Link className="btn btn--secondary" to={homeHref}>
            {t('invite.home')}
          </Link>
        </div>
      );
    }
    return (
      <Alert tone="error">
        {errorText(preview.error)}{' '}
        <Button size="sm" variant="ghost" onClick={() => void preview.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  const invite = preview.data;
  const done = (after: MeDto) => onJoined(joinedMembership(me, after, invite.workspaceName), after);

  const createAccount = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (accept.isPending) return;
    accept.mutate(formValues(event.currentTarget, ACCOUNT_FIELDS), { onSuccess: done });
  };

  return (
    <div className="stack" data-testid="invite-acceptance">
      <p className="lead">
        <Trans
          i18nKey="invite.summary"
          values={{ workspace: invite.workspaceName, role: t(`roles.${invite.role}`) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p className="muted">
        {t('invite.expires', { date: formatDate(invite.expiresAt, i18n.language, true) })}
      </p>

      {me ? (
        <div className="stack">
          <p>{t('invite.signedInAs', { name: me.user.displayName, email: me.user.email })}</p>
          <FormError error={accept.error} fields={[]} />
          <Button
            variant="primary"
            className="btn--block"
            pending={accept.isPending}
            onClick={() => {
              if (!accept.isPending) accept.mutate({}, { onSuccess: done });
            }}
            data-testid="accept-invite"
          >
            {accept.isPending ? t('invite.accepting') : t('invite.accept')}
          </Button>
          <Button variant="ghost" onClick={onSignOut}>
            {t('invite.notYou')}
          </Button>
        </div>
      ) : (
        <form className="form" onSubmit={createAccount} data-testid="invite-signup-form">
          <h2 className="section-title">{t('invite.createAccountTitle')}</h2>
          <p className="muted">{t('invite.createAccountIntro')}</p>
          <FormError error={accept.error} fields={ACCOUNT_FIELDS} />
          <AccountFields
            displayNameLabel={t('invite.displayName')}
            emailLabel={t('invite.email')}
            passwordLabel={t('invite.password')}
            passwordHint={t('invite.passwordHint')}
            errors={errors}
          />
          <Button type="submit" variant="primary" className="btn--block" pending={accept.isPending}>
            {accept.isPending ? t('invite.accepting') : t('invite.createAndJoin')}
          </Button>
          <p className="form__footnote">
            {t('invite.haveAccount')} <Link to={signInHref}>{t('invite.signInToAccept')}</Link>
          </p>
        </form>
      )}
    </div>
  );
}
