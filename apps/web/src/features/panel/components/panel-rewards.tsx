import type { PanelRewardDto, RedeemResultDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { SelectField, TextField } from '@/shared/ui/field';
import { LoadingState } from '@/shared/ui/spinner';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { usePanelRedeem, usePanelRewards } from '../api/panel.api';
import {
  type RedeemDraftError,
  buildRedeemRequest,
  describeResult,
  emptyDraft,
  needsNote,
} from '../model/panel-redeem';

/** The catalogue by category; each reward opens a small form (note, amount, option) and shows its result. */
export function PanelRewards({ currencyName }: { currencyName: string }) {
  const { t } = useTranslation();
  const rewards = usePanelRewards(true);
  if (rewards.isPending) return <LoadingState label={t('panel.loading')} />;
  if (rewards.isError) return <Alert tone="error">{rewards.error.message}</Alert>;
  if (rewards.data.groups.length === 0) return <p className="muted">{t('panel.rewards.empty')}</p>;
  return (
    <div className="panel-rewards">
      {rewards.data.groups.map((group) => (
        <section key={group.name ?? ''} className="panel-rewards__group">
          <h2 className="panel-rewards__category">{group.name ?? t('panel.rewards.uncategorized')}</h2>
          <ul className="panel-rewards__list">
            {group.rewards.map((reward) => (
              <li key={reward.id}>
                <RewardCard reward={reward} currencyName={currencyName} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function RewardCard({ reward, currencyName }: { reward: PanelRewardDto; currencyName: string }) {
  const { t } = useTranslation();
  const redeem = usePanelRedeem();
  const [draft, setDraft] = useState(emptyDraft);
  const [error, setError] = useState<RedeemDraftError | null>(null);
  const [result, setResult] = useState<RedeemResultDto | null>(null);
  const id = `reward-${reward.id}`;

  const submit = () => {
    // One id per click: a double click or a retried request redeems once.
    const built = buildRedeemRequest(reward, draft, crypto.randomUUID());
    if ('error' in built) {
      setError(built.error);
      return;
    }
    setError(null);
    redeem.mutate(built.request, {
      onSuccess: (answer) => {
        setResult(answer);
        if (answer.outcome !== 'refused') setDraft(emptyDraft);
      },
    });
  };
  const described = result ? describeResult(result) : null;

  return (
    <form
      className="panel-reward card"
      aria-labelledby={`${id}-name`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="panel-reward__head">
        <h3 id={`${id}-name`} className="panel-reward__name">
          {reward.name}
        </h3>
        <span className="panel-reward__price">
          {reward.type === 'goal'
            ? t('panel.rewards.anyAmount')
            : t('panel.rewards.price', { price: reward.price, currency: currencyName })}
        </span>
      </div>
      {reward.description ? <p className="panel-reward__description">{reward.description}</p> : null}
      {needsNote(reward) || reward.type === 'list' ? (
        <TextAreaField
          label={needsNote(reward) ? t('panel.rewards.note') : t('panel.rewards.noteOptional')}
          name={`${id}-note`}
          rows={2}
          value={draft.note}
          error={
            error === 'note_required' || error === 'note_too_long' ? t(`panel.draft.${error}`) : undefined
          }
          onChange={(event) => setDraft({ ...draft, note: event.target.value })}
        />
      ) : null}
      {reward.type === 'vote' && reward.vote ? (
        <SelectField
          label={t('panel.rewards.option')}
          name={`${id}-option`}
          value={draft.optionId}
          error={error === 'option_required' ? t('panel.draft.option_required') : undefined}
          onChange={(event) => setDraft({ ...draft, optionId: event.target.value })}
        >
          <option value="">{t('panel.rewards.chooseOption')}</option>
          {reward.vote.options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {reward.type === 'goal' || reward.type === 'vote' ? (
        <TextField
          label={reward.type === 'goal' ? t('panel.rewards.amount') : t('panel.rewards.votes')}
          name={`${id}-amount`}
          inputMode="numeric"
          value={draft.amount}
          error={error === 'amount_invalid' ? t('panel.draft.amount_invalid') : undefined}
          onChange={(event) => setDraft({ ...draft, amount: event.target.value })}
        />
      ) : null}
      {reward.unavailable ? (
        <p className="muted">
          {t(`panel.result.refused.${reward.unavailable}`, {
            seconds: reward.cooldownSeconds ?? 0,
            balance: '',
            message: '',
          })}
        </p>
      ) : null}
      <Button type="submit" pending={redeem.isPending} disabled={reward.unavailable === 'passive'}>
        {t('panel.rewards.redeem')}
      </Button>
      {redeem.isError ? <Alert tone="error">{redeem.error.message}</Alert> : null}
      {described ? (
        <Alert tone={described.tone}>
          {described.tone === 'success'
            ? t(`panel.result.${described.outcome}`, described.values)
            : t(`panel.result.refused.${described.reason}`, described.values)}
        </Alert>
      ) : null}
    </form>
  );
}
