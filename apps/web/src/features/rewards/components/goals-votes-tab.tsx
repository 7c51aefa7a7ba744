import type { GoalProgressDto, VoteTallyDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { GiftIcon } from '@/shared/ui/icons';
import { useResetGoal, useVoteMove, type VoteMove } from '../api/goals-votes.api';
import { percentOf } from '../model/versioned.store';
import type { RewardsTabProps } from './rewards-tabs';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Goals with their milestones (reset, hard reset) and votes with their live tally (close, reset). */
export function GoalsVotesTab({ workspaceId, canEdit, live }: RewardsTabProps) {
  const { t } = useTranslation();
  const goals = useStore(live.stores.goals, (state) => state.byId);
  const votes = useStore(live.stores.votes, (state) => state.byId);
  const goalList = Object.values(goals).sort(byName);
  const voteList = Object.values(votes).sort(byName);
  return (
    <>
      <Card title={t('rewards.goals.title')}>
        {goalList.length === 0 ? <EmptyState icon={<GiftIcon />} title={t('rewards.goals.empty')} /> : null}
        {goalList.map((goal) => (
          <GoalRow key={goal.rewardId} workspaceId={workspaceId} goal={goal} canEdit={canEdit} />
        ))}
      </Card>
      <Card title={t('rewards.votes.title')}>
        {voteList.length === 0 ? <EmptyState icon={<GiftIcon />} title={t('rewards.votes.empty')} /> : null}
        {voteList.map((vote) => (
          <VoteRow key={vote.rewardId} workspaceId={workspaceId} vote={vote} canEdit={canEdit} />
        ))}
      </Card>
    </>
  );
}

function GoalRow({
  workspaceId,
  goal,
  canEdit,
}: {
  workspaceId: string;
  goal: GoalProgressDto;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reset = useResetGoal(workspaceId);
  const [confirm, setConfirm] = useState<'soft' | 'hard' | null>(null);
  return (
    <section className="rewards-live" data-testid="goal-row">
      <h3>
        !{goal.name} {goal.completedAt ? <Badge>{t('rewards.goals.completed')}</Badge> : null}
      </h3>
      <progress
        className="rewards-live__bar"
        max={goal.target}
        value={goal.progress}
        aria-label={goal.name}
      />
      <p data-testid="goal-progress">
        {t('rewards.goals.progress', {
          progress: goal.progress,
          target: goal.target,
          percent: percentOf(goal.progress, goal.target),
          contributors: goal.contributors,
        })}
      </p>
      {goal.milestones.length > 0 ? (
        <ul className="rewards-live__milestones">
          {goal.milestones.map((milestone) => (
            <li key={milestone.at} className={milestone.reachedAt ? 'is-reached' : undefined}>
              {milestone.at} · {milestone.label} {milestone.reachedAt ? '✓' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {reset.isError ? <Alert tone="error">{errorText(reset.error)}</Alert> : null}
      {canEdit ? (
        <div className="form__actions">
          <Button
            size="sm"
            variant="ghost"
            disabled={!goal.completedAt}
            onClick={() => setConfirm('soft')}
            data-testid="goal-reset"
          >
            {t('rewards.goals.reset')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="btn--danger-text"
            onClick={() => setConfirm('hard')}
            data-testid="goal-hard-reset"
          >
            {t('rewards.goals.hardReset')}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm === 'hard'
            ? t('rewards.goals.hardResetTitle', { name: goal.name })
            : t('rewards.goals.resetTitle', { name: goal.name })
        }
        description={t('rewards.goals.resetBody')}
        confirmLabel={confirm === 'hard' ? t('rewards.goals.hardReset') : t('rewards.goals.reset')}
        pending={reset.isPending}
        error={reset.error}
        onConfirm={() =>
          reset.mutate(
            { rewardId: goal.rewardId, request: { hard: confirm === 'hard' } },
            { onSuccess: () => setConfirm(null) },
          )
        }
        onClose={() => {
          setConfirm(null);
          reset.reset();
        }}
      />
    </section>
  );
}

function VoteRow({
  workspaceId,
  vote,
  canEdit,
}: {
  workspaceId: string;
  vote: VoteTallyDto;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const move = useVoteMove(workspaceId);
  const send = (kind: VoteMove) => {
    if (!move.isPending) move.mutate({ rewardId: vote.rewardId, move: kind });
  };
  return (
    <section className="rewards-live" data-testid="vote-row">
      <h3>
        !{vote.name}{' '}
        {vote.closedAt ? (
          <Badge>{t('rewards.votes.closed')}</Badge>
        ) : (
          <Badge>{t('rewards.votes.open')}</Badge>
        )}
      </h3>
      <p className="muted">
        {t('rewards.votes.summary', {
          votes: vote.totalVotes,
          voters: vote.voters,
          price: vote.pricePerVote,
        })}
      </p>
      <ul className="rewards-live__tally" data-testid="vote-tally">
        {vote.options.map((option) => (
          <li key={option.id}>
            <span>{option.label}</span>
            <progress max={Math.max(1, vote.totalVotes)} value={option.votes} aria-label={option.label} />
            <strong>{option.votes}</strong>
          </li>
        ))}
      </ul>
      {move.isError ? <Alert tone="error">{errorText(move.error)}</Alert> : null}
      {canEdit ? (
        <div className="form__actions">
          {vote.closedAt ? (
            <Button
              size="sm"
              variant="ghost"
              pending={move.isPending}
              onClick={() => send('open')}
              data-testid="vote-open"
            >
              {t('rewards.votes.reopen')}
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              pending={move.isPending}
              onClick={() => send('close')}
              data-testid="vote-close"
            >
              {t('rewards.votes.close')}
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            className="btn--danger-text"
            pending={move.isPending}
            onClick={() => send('reset')}
            data-testid="vote-reset"
          >
            {t('rewards.votes.reset')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
