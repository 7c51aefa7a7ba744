import { VIEWER_ROLES, type RehearsalEventKind } from '@podium/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { useInjectRehearsalEvent } from '../api/rehearsal.api';
import {
  type AmountsDraft,
  buildEventRequest,
  DEFAULT_AMOUNTS,
  QUICK_EVENT_KINDS,
  toggleRole,
  type ViewerDraft,
} from '../model/rehearsal-request';

const FIELDS = [
  'kind',
  'text',
  'viewer.displayName',
  'viewer.roles',
  'amounts.bits',
  'amounts.money.amount',
  'amounts.money.currency',
  'amounts.giftCount',
  'amounts.raidViewers',
  'amounts.months',
  'amounts.tier',
] as const;

const AMOUNT_FIELDS: { key: keyof AmountsDraft; field: (typeof FIELDS)[number] }[] = [
  { key: 'bits', field: 'amounts.bits' },
  { key: 'amount', field: 'amounts.money.amount' },
  { key: 'currency', field: 'amounts.money.currency' },
  { key: 'giftCount', field: 'amounts.giftCount' },
  { key: 'raidViewers', field: 'amounts.raidViewers' },
  { key: 'months', field: 'amounts.months' },
  { key: 'tier', field: 'amounts.tier' },
];

/** Speak as a fake viewer (name and badges), and fire their follow, sub, gift, cheer, raid or donation. */
export function ViewerControls({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inject = useInjectRehearsalEvent(workspaceId);
  const [viewer, setViewer] = useState<ViewerDraft>({ displayName: 'Ada', roles: [] });
  const [text, setText] = useState('');
  const [amounts, setAmounts] = useState<AmountsDraft>(DEFAULT_AMOUNTS);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const serverErrors = useFieldErrors(inject.error, FIELDS);
  const errorOf = (field: string) => (local?.field === field ? local.message : serverErrors[field]);

  const send = (kind: RehearsalEventKind) => {
    if (inject.isPending) return;
    const built = buildEventRequest(kind, viewer, text, amounts, crypto.randomUUID());
    if ('field' in built) {
      setLocal(built);
      return;
    }
    setLocal(null);
    inject.mutate(built.request, { onSuccess: () => kind === 'message' && setText('') });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send('message');
  };

  return (
    <section className="card rehearsal-card" aria-labelledby={`${id}-title`} data-testid="rehearsal-viewer">
      <h2 className="card__title" id={`${id}-title`}>
        {t('rehearsal.viewer.title')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={inject.error} fields={FIELDS} />
        <TextField
          label={t('rehearsal.viewer.name')}
          name="displayName"
          value={viewer.displayName}
          maxLength={50}
          hint={t('rehearsal.viewer.nameHint')}
          error={errorOf('viewer.displayName')}
          onChange={(event) => setViewer({ ...viewer, displayName: event.target.value })}
          data-testid="rehearsal-viewer-name"
        />
        <fieldset className="rehearsal-roles">
          <legend className="field__label">{t('rehearsal.viewer.roles')}</legend>
          {VIEWER_ROLES.map((role) => (
            <label key={role} className="rehearsal-roles__choice">
              <input
                type="checkbox"
                checked={viewer.roles.includes(role)}
                onChange={(event) =>
                  setViewer({ ...viewer, roles: toggleRole(viewer.roles, role, event.target.checked) })
                }
                data-testid={`rehearsal-role-${role}`}
              />
              {t(`chat.roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <div className="rehearsal-message">
          <TextField
            label={t('rehearsal.message.label')}
            name="text"
            value={text}
            maxLength={500}
            hint={t('rehearsal.message.hint')}
            error={errorOf('text')}
            onChange={(event) => setText(event.target.value)}
            data-testid="rehearsal-text"
          />
          <Button type="submit" variant="primary" pending={inject.isPending} data-testid="rehearsal-send">
            {t('rehearsal.message.send')}
          </Button>
        </div>
      </form>
      <h3 className="rehearsal-card__subtitle">{t('rehearsal.events.title')}</h3>
      <div className="rehearsal-quick" role="group" aria-label={t('rehearsal.events.title')}>
        {QUICK_EVENT_KINDS.map((kind) => (
          <Button
            key={kind}
            size="sm"
            disabled={inject.isPending}
            onClick={() => send(kind)}
            data-testid={`rehearsal-event-${kind}`}
          >
            {t(`rehearsal.events.${kind}`)}
          </Button>
        ))}
      </div>
      <div className="rehearsal-amounts">
        {AMOUNT_FIELDS.map(({ key, field }) => (
          <TextField
            key={key}
            label={t(`rehearsal.amounts.${key}`)}
            name={key}
            value={amounts[key]}
            inputMode={key === 'currency' || key === 'tier' ? 'text' : 'decimal'}
            error={errorOf(field)}
            onChange={(event) => setAmounts({ ...amounts, [key]: event.target.value })}
            data-testid={`rehearsal-amount-${key}`}
          />
        ))}
      </div>
    </section>
  );
}
