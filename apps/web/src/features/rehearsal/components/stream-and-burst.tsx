import { REHEARSAL_BURST_MAX_VIEWERS, type RehearsalStatusDto } from '@podium/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { useInjectRehearsalEvent, useRehearsalBurst } from '../api/rehearsal.api';
import { buildBurstRequest, buildEventRequest, DEFAULT_AMOUNTS } from '../model/rehearsal-request';

const NOBODY = { displayName: '', roles: [] };

/** The simulated stream's online/offline switch: "only when live" bots count it as live only then. */
export function StreamToggle({ workspaceId, status }: { workspaceId: string; status: RehearsalStatusDto }) {
  const { t } = useTranslation();
  const inject = useInjectRehearsalEvent(workspaceId);
  const toggle = () => {
    const built = buildEventRequest(
      status.live ? 'stream_offline' : 'stream_online',
      NOBODY,
      '',
      DEFAULT_AMOUNTS,
      crypto.randomUUID(),
    );
    if ('request' in built) inject.mutate(built.request);
  };
  return (
    <section className="card rehearsal-card" data-testid="rehearsal-stream" data-live={status.live}>
      <h2 className="card__title">
        {t('rehearsal.stream.title')}{' '}
        <Badge tone={status.live ? 'accent' : 'muted'}>
          {status.live ? t('rehearsal.stream.live') : t('rehearsal.stream.offline')}
        </Badge>
      </h2>
      <FormError error={inject.error} fields={[]} />
      <Button onClick={toggle} pending={inject.isPending} data-testid="rehearsal-stream-toggle">
        {status.live ? t('rehearsal.stream.goOffline') : t('rehearsal.stream.goLive')}
      </Button>
    </section>
  );
}

const BURST_FIELDS = ['text', 'viewers', 'spreadSeconds'] as const;

/** One command from many distinct fake viewers at once (to try a revolution bot). */
export function BurstControl({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const burst = useRehearsalBurst(workspaceId);
  const [text, setText] = useState('!revolution');
  const [viewers, setViewers] = useState('30');
  const [spread, setSpread] = useState('0');
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const serverErrors = useFieldErrors(burst.error, BURST_FIELDS);
  const errorOf = (field: string) => (local?.field === field ? local.message : serverErrors[field]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (burst.isPending) return;
    const built = buildBurstRequest(text, viewers, spread);
    if ('field' in built) {
      setLocal(built);
      return;
    }
    setLocal(null);
    burst.mutate(built.request);
  };

  return (
    <section className="card rehearsal-card" aria-labelledby={`${id}-title`} data-testid="rehearsal-burst">
      <h2 className="card__title" id={`${id}-title`}>
        {t('rehearsal.burst.title')}
      </h2>
      <p className="muted">{t('rehearsal.burst.hint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={burst.error} fields={BURST_FIELDS} />
        <TextField
          label={t('rehearsal.burst.text')}
          name="text"
          value={text}
          maxLength={500}
          error={errorOf('text')}
          onChange={(event) => setText(event.target.value)}
          data-testid="rehearsal-burst-text"
        />
        <div className="rehearsal-amounts">
          <TextField
            label={t('rehearsal.burst.viewers')}
            name="viewers"
            type="number"
            min={1}
            max={REHEARSAL_BURST_MAX_VIEWERS}
            value={viewers}
            error={errorOf('viewers')}
            onChange={(event) => setViewers(event.target.value)}
            data-testid="rehearsal-burst-viewers"
          />
          <TextField
            label={t('rehearsal.burst.spread')}
            name="spreadSeconds"
            type="number"
            min={0}
            value={spread}
            error={errorOf('spreadSeconds')}
            onChange={(event) => setSpread(event.target.value)}
            data-testid="rehearsal-burst-spread"
          />
        </div>
        {burst.data ? (
          <p className="muted" role="status">
            {t('rehearsal.recorded', { count: burst.data.events.length })}
          </p>
        ) : null}
        <div className="form__actions">
          <Button
            type="submit"
            variant="primary"
            pending={burst.isPending}
            data-testid="rehearsal-burst-send"
          >
            {t('rehearsal.burst.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
