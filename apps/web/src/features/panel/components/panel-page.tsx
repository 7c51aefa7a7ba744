import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { LoadingState } from '@/shared/ui/spinner';
import {
  usePanelGoals,
  usePanelHistory,
  usePanelKofiLink,
  usePanelMe,
  usePanelQueue,
  usePanelSignOut,
} from '../api/panel.api';
import { PanelRewards } from './panel-rewards';
import { PasteLinkForm } from './panel-sign-in';
import './panel.css';

const TABS = ['rewards', 'goals', 'queue', 'history', 'kofi'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/panel/:workspaceId`: balance on top, then one tab at a time (mobile first, fits an iframe).
 * A session of another workspace's panel counts as signed out here.
 */
export function PanelPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const me = usePanelMe();
  const signOut = usePanelSignOut();
  const [tab, setTab] = useState<Tab>('rewards');

  if (me.isPending) return <LoadingState label={t('panel.loading')} />;
  if (me.isError || me.data.workspaceId !== workspaceId) {
    const signedOut = !me.isError || (isApiError(me.error) && me.error.statusCode === 401);
    return (
      <main className="panel">
        <Alert tone={signedOut ? 'info' : 'error'} title={signedOut ? t('panel.signedOut.title') : undefined}>
          {signedOut ? t('panel.signedOut.body') : me.error?.message}
        </Alert>
        <PasteLinkForm />
      </main>
    );
  }
  const { data } = me;
  return (
    <main className="panel">
      <header className="panel__header">
        <div>
          <p className="panel__name">{data.viewer.displayName}</p>
          <p className="panel__balance" aria-live="polite" data-testid="panel-balance">
            {t('panel.balance', { balance: data.balance, currency: data.currencyName })}
          </p>
          {data.streak ? (
            <p className="muted">
              {t('panel.streak', { current: data.streak.current, best: data.streak.best })}
            </p>
          ) : null}
        </div>
        <Button variant="ghost" size="sm" onClick={() => signOut.mutate({ everywhere: false })}>
          {t('panel.signOut')}
        </Button>
      </header>
      {data.passive ? <Alert tone="info">{t('panel.passive')}</Alert> : null}
      <nav className="panel__tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`panel__tab${tab === name ? ' panel__tab--active' : ''}`}
            onClick={() => setTab(name)}
          >
            {t(`panel.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <section role="tabpanel" className="panel__body">
        {tab === 'rewards' ? <PanelRewards currencyName={data.currencyName} /> : null}
        {tab === 'goals' ? <GoalsTab /> : null}
        {tab === 'queue' ? <QueueTab /> : null}
        {tab === 'history' ? <HistoryTab /> : null}
        {tab === 'kofi' ? <KofiTab linked={data.kofiLinked} /> : null}
      </section>
      <Button variant="ghost" size="sm" onClick={() => signOut.mutate({ everywhere: true })}>
        {t('panel.signOutEverywhere')}
      </Button>
    </main>
  );
}

function GoalsTab() {
  const { t } = useTranslation();
  const goals = usePanelGoals(true);
  if (goals.isPending) return <LoadingState label={t('panel.loading')} />;
  if (goals.isError) return <Alert tone="error">{goals.error.message}</Alert>;
  if (goals.data.goals.length === 0 && goals.data.votes.length === 0) {
    return <p className="muted">{t('panel.goals.empty')}</p>;
  }
  return (
    <ul className="panel-list">
      {goals.data.goals.map((goal) => (
        <li key={goal.rewardId} className="card">
          <p className="panel-reward__name">{goal.name}</p>
          <progress max={goal.target} value={goal.progress} aria-label={goal.name} />
          <p className="muted">
            {t('panel.goals.progress', { progress: goal.progress, target: goal.target })}
          </p>
        </li>
      ))}
      {goals.data.votes.map((vote) => (
        <li key={vote.rewardId} className="card">
          <p className="panel-reward__name">{vote.name}</p>
          <ul>
            {vote.options.map((option) => (
              <li key={option.id}>
                {option.label}: {option.votes}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function QueueTab() {
  const { t } = useTranslation();
  const queue = usePanelQueue(true);
  if (queue.isPending) return <LoadingState label={t('panel.loading')} />;
  if (queue.isError) return <Alert tone="error">{queue.error.message}</Alert>;
  if (queue.data.items.length === 0) return <p className="muted">{t('panel.queue.empty')}</p>;
  return (
    <ol className="panel-list">
      {queue.data.items.map((item) => (
        <li key={item.id} className={`card${item.mine ? ' panel-list__mine' : ''}`}>
          <strong>{item.rewardName}</strong> · {item.viewerDisplayName}
          {item.mine ? <span className="muted"> · {t('panel.queue.mine')}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function HistoryTab() {
  const { t, i18n } = useTranslation();
  const history = usePanelHistory(true);
  if (history.isPending) return <LoadingState label={t('panel.loading')} />;
  if (history.isError) return <Alert tone="error">{history.error.message}</Alert>;
  const entries = history.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p className="muted">{t('panel.history.empty')}</p>;
  return (
    <>
      <ul className="panel-list">
        {entries.map((entry) => (
          <li key={entry.id} className="panel-history">
            <span className={entry.amount >= 0 ? 'panel-history__plus' : 'panel-history__minus'}>
              {entry.amount >= 0 ? `+${entry.amount}` : entry.amount}
            </span>
            <span>{t(`panel.reasons.${entry.reason}`)}</span>
            <time className="muted" dateTime={entry.createdAt}>
              {new Date(entry.createdAt).toLocaleString(i18n.language)}
            </time>
          </li>
        ))}
      </ul>
      {history.hasNextPage ? (
        <Button
          variant="secondary"
          pending={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('panel.history.more')}
        </Button>
      ) : null}
    </>
  );
}

function KofiTab({ linked }: { linked: boolean }) {
  const { t } = useTranslation();
  const link = usePanelKofiLink();
  const [email, setEmail] = useState('');
  const fieldError =
    link.isError && isApiError(link.error) && link.error.field ? link.error.message : undefined;
  return (
    <form
      className="panel-paste"
      onSubmit={(event) => {
        event.preventDefault();
        link.mutate({ email });
      }}
    >
      <p className="muted">{linked ? t('panel.kofi.linked') : t('panel.kofi.explain')}</p>
      <TextField
        label={t('panel.kofi.email')}
        name="kofi-email"
        type="email"
        autoComplete="email"
        value={email}
        error={fieldError}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Button type="submit" pending={link.isPending}>
        {t('panel.kofi.submit')}
      </Button>
      {link.isSuccess ? <Alert tone="success">{t('panel.kofi.done')}</Alert> : null}
      {link.isError && !fieldError ? <Alert tone="error">{link.error.message}</Alert> : null}
    </form>
  );
}
