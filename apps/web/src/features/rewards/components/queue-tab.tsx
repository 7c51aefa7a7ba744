import type { RedemptionDto } from '@podium/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { GiftIcon } from '@/shared/ui/icons';
import { clearQueue, decideRedemption } from '../api/rewards.api';
import { pendingCount, queueRows, type QueueAction } from '../model/queue.store';
import { RewardCountersCard } from './reward-counters-card';
import type { RewardsTabProps } from './rewards-tabs';

const ACTIONS: readonly QueueAction[] = ['fulfil', 'refund', 'reject'];

/** The live queue: pending first (oldest first), fulfil / refund / reject once each; clear; counters. */
export function QueueTab({ workspaceId, canEdit, live }: RewardsTabProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const store = live.stores.queue;
  // Select the stable map, sort outside: a selector returning a new array would re-render forever.
  const byId = useStore(store, (state) => state.byId);
  const rows = useMemo(() => queueRows({ byId }), [byId]);
  const pending = pendingCount({ byId });
  const busy = useStore(store, (state) => state.busy);
  const [error, setError] = useState<unknown>(null);
  const [clearing, setClearing] = useState<'refund' | 'reject' | null>(null);
  const [clearPending, setClearPending] = useState(false);

  const act = (redemption: RedemptionDto, action: QueueAction) => {
    // The guard: a second click (or another button) on the same row waits for the first answer.
    if (!store.getState().begin(redemption.id, action)) return;
    setError(null);
    decideRedemption(workspaceId, redemption.id, action)
      .then((moved) => store.getState().patch([moved]))
      .catch((failure: unknown) => {
        setError(failure);
        live.resync();
      })
      .finally(() => store.getState().end(redemption.id));
  };
  const clear = () => {
    if (!clearing || clearPending) return;
    setClearPending(true);
    clearQueue(workspaceId, { refund: clearing === 'refund' })
      .then(() => {
        setClearing(null);
        live.resync();
      })
      .catch(setError)
      .finally(() => setClearPending(false));
  };

  return (
    <>
      <Card
        title={t('rewards.queue.title', { count: pending })}
        actions={
          canEdit && pending > 0 ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setClearing('refund')}
                data-testid="queue-clear-refund"
              >
                {t('rewards.queue.clearRefund')}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setClearing('reject')}
                data-testid="queue-clear-reject"
              >
                {t('rewards.queue.clearReject')}
              </Button>
            </>
          ) : null
        }
      >
        {live.loadError ? <Alert tone="error">{errorText(live.loadError)}</Alert> : null}
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        {rows.length === 0 ? <EmptyState icon={<GiftIcon />} title={t('rewards.queue.empty')} /> : null}
        {rows.length > 0 ? (
          <ul className="row-list" data-testid="queue-list">
            {rows.map((row) => (
              <li
                key={row.id}
                className={
                  row.status === 'pending'
                    ? 'row-list__item queue-row'
                    : 'row-list__item queue-row queue-row--done'
                }
                data-testid="queue-item"
                data-status={row.status}
              >
                <div className="queue-row__main">
                  <strong>!{row.reward.name}</strong> · {row.viewer.displayName}{' '}
                  <span className="muted">({t(`bots.platforms.${row.viewer.platform}`)})</span>
                  {row.note ? <p className="queue-row__note">“{row.note}”</p> : null}
                  <div className="muted">
                    {t('rewards.queue.spent', { count: row.spent })} ·{' '}
                    {formatDate(row.createdAt, i18n.language, true)}
                  </div>
                </div>
                {row.status === 'pending' && canEdit ? (
                  <div className="queue-row__actions">
                    {ACTIONS.map((action) => (
                      <Button
                        key={action}
                        size="sm"
                        variant={action === 'fulfil' ? 'primary' : 'ghost'}
                        disabled={busy[row.id] !== undefined}
                        pending={busy[row.id] === action}
                        onClick={() => act(row, action)}
                        data-testid={`queue-${action}`}
                      >
                        {t(`rewards.queue.actions.${action}`)}
                      </Button>
                    ))}
                  </div>
                ) : (
                  <Badge>{t(`rewards.queue.status.${row.status}`)}</Badge>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <RewardCountersCard workspaceId={workspaceId} canEdit={canEdit} />
      <ConfirmDialog
        open={clearing !== null}
        title={
          clearing === 'refund' ? t('rewards.queue.clearRefundTitle') : t('rewards.queue.clearRejectTitle')
        }
        description={t('rewards.queue.clearBody', { count: pending })}
        confirmLabel={t('rewards.queue.clear')}
        pending={clearPending}
        onConfirm={clear}
        onClose={() => setClearing(null)}
        data-testid="queue-clear-dialog"
      />
    </>
  );
}
