import type { KofiSettingsDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { fieldErrorsOf, issuesOfError, type FieldIssue } from '@/shared/forms/field-issues';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { CopyField } from '@/shared/ui/copy-field';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useBalances } from '../api/points.api';
import {
  useCreateKofiLink,
  useKofiLinks,
  useKofiPayments,
  useKofiSettings,
  useSaveKofiSettings,
} from '../api/kofi.api';
import {
  buildKofiLink,
  buildKofiSettings,
  KOFI_SETTINGS_FIELDS,
  validateKofiLink,
  validateKofiSettings,
} from '../model/kofi.form';
import { balanceSearchTerm } from '../model/points-queries';
import type { PointsTabProps } from './points-tabs';

/** Ko-fi: the webhook and rate (owners), links by e-mail, the payments received. */
export function KofiTab({ workspaceId, canEdit, isOwner }: PointsTabProps) {
  const { t } = useTranslation();
  // The api gives the settings to owners and the links and payments to moderators and up.
  return (
    <>
      {isOwner ? <KofiSettingsLoader workspaceId={workspaceId} /> : null}
      {canEdit ? (
        <>
          <KofiLinkCard workspaceId={workspaceId} />
          <KofiLinksCard workspaceId={workspaceId} />
          <KofiPaymentsCard workspaceId={workspaceId} />
        </>
      ) : (
        <Alert tone="info">{t('points.readOnly')}</Alert>
      )}
    </>
  );
}

function KofiSettingsLoader({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const settings = useKofiSettings(workspaceId);
  if (settings.isPending) return <LoadingState label={t('common.loading')} />;
  if (settings.isError) return <FormError error={settings.error} fields={[]} />;
  return <KofiSettingsCard workspaceId={workspaceId} settings={settings.data} />;
}

/** Owners: the webhook URL to paste in Ko-fi, its verification token and the points rate. */
function KofiSettingsCard({ workspaceId, settings }: { workspaceId: string; settings: KofiSettingsDto }) {
  const { t } = useTranslation();
  const save = useSaveKofiSettings(workspaceId);
  const [values, setValues] = useState({
    verificationToken: '',
    pointsPerUnit: String(settings.pointsPerUnit),
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = fieldErrorsOf(issues.length > 0 ? issues : issuesOfError(save.error), KOFI_SETTINGS_FIELDS);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const request = buildKofiSettings(values);
    const found = validateKofiSettings(request);
    setIssues(found);
    if (found.length === 0)
      save.mutate(request, { onSuccess: () => setValues((v) => ({ ...v, verificationToken: '' })) });
  };
  return (
    <Card title={t('points.kofi.title')} description={t('points.kofi.description')}>
      <p data-testid="kofi-token-state">
        {settings.tokenConfigured ? t('points.kofi.tokenSet') : t('points.kofi.tokenMissing')}
      </p>
      <form className="form" onSubmit={submit} noValidate data-testid="kofi-settings-form">
        <CopyField
          label={t('points.kofi.webhookUrl')}
          value={settings.webhookUrl}
          copyLabel={t('common.copy')}
          copiedLabel={t('common.copied')}
          testId="kofi-webhook-url"
        />
        <FormError error={issues.length === 0 ? save.error : null} fields={KOFI_SETTINGS_FIELDS} />
        <div className="form form--row">
          <TextField
            label={t('points.kofi.token')}
            name="verificationToken"
            type="password"
            autoComplete="off"
            value={values.verificationToken}
            hint={t('points.kofi.tokenHint')}
            onChange={(event) => setValues({ ...values, verificationToken: event.currentTarget.value })}
            error={errors['verificationToken']}
            data-testid="kofi-token-input"
          />
          <TextField
            label={t('points.kofi.pointsPerUnit')}
            name="pointsPerUnit"
            type="number"
            min={0}
            value={values.pointsPerUnit}
            onChange={(event) => setValues({ ...values, pointsPerUnit: event.currentTarget.value })}
            error={errors['pointsPerUnit']}
            data-testid="kofi-rate-input"
          />
        </div>
        <div className="form__actions">
          <Button
            variant="ghost"
            pending={save.isPending}
            onClick={() => save.mutate({ rotateWebhookUrl: true })}
            data-testid="kofi-rotate"
          >
            {t('points.kofi.rotate')}
          </Button>
          <Button type="submit" variant="primary" pending={save.isPending} data-testid="kofi-settings-save">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Link a viewer to the e-mail they pay with (pending payments are credited at once). */
function KofiLinkCard({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(balanceSearchTerm(search), 300);
  const viewers = useBalances(workspaceId, term);
  const [viewerId, setViewerId] = useState('');
  const [email, setEmail] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const link = useCreateKofiLink(workspaceId);
  const errors = fieldErrorsOf(issues.length > 0 ? issues : issuesOfError(link.error), ['viewerId', 'email']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (link.isPending) return;
    const request = buildKofiLink(viewerId, email);
    const found = validateKofiLink(request);
    setIssues(found);
    if (found.length === 0) link.mutate(request, { onSuccess: () => setEmail('') });
  };
  return (
    <Card title={t('points.kofi.linkTitle')}>
      <form className="form" onSubmit={submit} noValidate data-testid="kofi-link-form">
        <FormError error={issues.length === 0 ? link.error : null} fields={['viewerId', 'email']} />
        {link.data ? (
          <Alert tone="success">
            {t('points.kofi.linked', { count: link.data.appliedPayments, points: link.data.appliedPoints })}
          </Alert>
        ) : null}
        <div className="form form--row">
          <TextField
            label={t('points.viewers.search')}
            name="search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <SelectField
            label={t('points.kofi.viewer')}
            name="viewerId"
            value={viewerId}
            onChange={(event) => setViewerId(event.currentTarget.value)}
            error={errors['viewerId'] ? t('points.kofi.pickViewer') : undefined}
            data-testid="kofi-link-viewer"
          >
            <option value="">—</option>
            {(viewers.data?.balances ?? []).map((row) => (
              <option key={row.viewer.id} value={row.viewer.id}>
                {row.viewer.displayName} ({t(`bots.platforms.${row.viewer.platform}`)})
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label={t('points.kofi.email')}
          name="email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors['email']}
          data-testid="kofi-link-email"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" pending={link.isPending} data-testid="kofi-link-save">
            {t('points.kofi.link')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function KofiLinksCard({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const links = useKofiLinks(workspaceId);
  return (
    <Card title={t('points.kofi.links')}>
      {links.isError ? <Alert tone="error">{errorText(links.error)}</Alert> : null}
      {links.data?.length === 0 ? <p className="muted">{t('points.kofi.noLinks')}</p> : null}
      {links.data && links.data.length > 0 ? (
        <ul className="row-list" data-testid="kofi-links">
          {links.data.map((row) => (
            <li key={row.id} className="row-list__item">
              <span>
                <strong>{row.viewer.displayName}</strong> · {row.email ?? t('points.kofi.linkedHidden')}
              </span>
              <span className="muted">
                {t(`points.kofi.by.${row.linkedBy}`)} · {formatDate(row.createdAt, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function KofiPaymentsCard({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const payments = useKofiPayments(workspaceId);
  return (
    <Card title={t('points.kofi.payments')}>
      {payments.isError ? <Alert tone="error">{errorText(payments.error)}</Alert> : null}
      {payments.data?.length === 0 ? <p className="muted">{t('points.kofi.noPayments')}</p> : null}
      {payments.data && payments.data.length > 0 ? (
        <table className="points-table" data-testid="kofi-payments">
          <tbody>
            {payments.data.map((payment) => (
              <tr key={payment.id}>
                <td>{formatDate(payment.paidAt, i18n.language, true)}</td>
                <td>{payment.fromName}</td>
                <td>
                  {payment.amount} {payment.currency}
                </td>
                <td>{payment.points}</td>
                <td>{t(`points.kofi.status.${payment.status}`)}</td>
                <td>{payment.viewer?.displayName ?? payment.email ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
