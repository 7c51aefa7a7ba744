import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listenTo } from '@/shared/socket/listen-to';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { useErrorText } from '@/shared/ui/form-error';
import { rewardsApi, rewardsKeys, useRewards } from '../api/rewards.api';

/** Refetches the rewards list (counts) whenever a redeem or a reward change is pushed. */
function useRewardsInvalidation(workspaceId: string) {
  const queryClient = useQueryClient();
  useOrganizerSocket(
    (socket) => {
      const stale = (payload: { workspaceId: string }) => {
        if (payload.workspaceId === workspaceId) {
          void queryClient.invalidateQueries({ queryKey: rewardsKeys.list(workspaceId) });
        }
      };
      return listenTo(socket, { 'redeem.queue': stale, 'reward.changed': stale });
    },
    [workspaceId, queryClient],
  );
}

/**
 * Every reward's redeem count since the last reset (counter rewards first), live: on the queue tab
 * and on the workspace overview. Nothing when there are no rewards (or they cannot be read).
 */
export function RewardCountersCard({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useRewards(workspaceId);
  useRewardsInvalidation(workspaceId);
  const reset = rewardsApi.useResetCounters(workspaceId);
  const rewards = [...(list.data?.rewards ?? [])].sort(
    (a, b) => Number(b.type === 'counter') - Number(a.type === 'counter') || a.name.localeCompare(b.name),
  );
  if (rewards.length === 0) return null;
  return (
    <Card
      title={t('rewards.counters.title')}
      actions={
        canEdit ? (
          <Button
            size="sm"
            variant="ghost"
            pending={reset.isPending}
            onClick={() => reset.mutate({})}
            data-testid="counters-reset"
          >
            {t('rewards.counters.reset')}
          </Button>
        ) : null
      }
    >
      {reset.isError ? <Alert tone="error">{errorText(reset.error)}</Alert> : null}
      <ul className="rewards-counters" data-testid="reward-counters">
        {rewards.map((reward) => (
          <li key={reward.id}>
            <span>!{reward.name}</span> <strong data-testid="reward-counter">{reward.count}</strong>
          </li>
        ))}
      </ul>
    </Card>
  );
}
