import { GOAL_MAX_MILESTONES, VOTE_MAX_OPTIONS, VOTE_MIN_OPTIONS } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { PasswordField, TextField } from '@/shared/ui/field';
import { PlusIcon, TrashIcon } from '@/shared/ui/icons';
import type { RewardValues } from '../model/reward.form';

/** The blocks only some types have: goal target and milestones, vote options, special URL and secret. */
export function TypeFields({
  values,
  set,
  errors,
  editing,
}: {
  values: RewardValues;
  set: <K extends keyof RewardValues>(key: K, value: RewardValues[K]) => void;
  errors: Record<string, string>;
  editing: boolean;
}) {
  const { t } = useTranslation();
  switch (values.type) {
    case 'list':
    case 'note':
    case 'counter':
      return null;
    case 'goal':
      return (
        <fieldset className="rewards-block" data-testid="reward-goal-fields">
          <legend>{t('rewards.form.goal')}</legend>
          <TextField
            label={t('rewards.form.target')}
            name="goal.target"
            type="number"
            min={1}
            value={values.goalTarget}
            onChange={(event) => set('goalTarget', event.currentTarget.value)}
            data-testid="reward-goal-target"
          />
          {values.milestones.map((milestone, index) => (
            <div className="form form--row rewards-block__row" key={index}>
              <TextField
                label={t('rewards.form.milestoneAt')}
                name={`goal.milestones.${index}.at`}
                type="number"
                min={1}
                value={milestone.at}
                onChange={(event) =>
                  set(
                    'milestones',
                    values.milestones.map((m, at) =>
                      at === index ? { ...m, at: event.currentTarget.value } : m,
                    ),
                  )
                }
              />
              <TextField
                label={t('rewards.form.milestoneLabel')}
                name={`goal.milestones.${index}.label`}
                value={milestone.label}
                onChange={(event) =>
                  set(
                    'milestones',
                    values.milestones.map((m, at) =>
                      at === index ? { ...m, label: event.currentTarget.value } : m,
                    ),
                  )
                }
              />
              <Button
                size="sm"
                variant="ghost"
                icon={<TrashIcon />}
                aria-label={t('rewards.form.remove')}
                onClick={() =>
                  set(
                    'milestones',
                    values.milestones.filter((_, at) => at !== index),
                  )
                }
              />
            </div>
          ))}
          {errors['goal'] ? <p className="field__error">{errors['goal']}</p> : null}
          {values.milestones.length < GOAL_MAX_MILESTONES ? (
            <Button
              size="sm"
              variant="secondary"
              icon={<PlusIcon />}
              onClick={() => set('milestones', [...values.milestones, { at: '', label: '' }])}
              data-testid="reward-add-milestone"
            >
              {t('rewards.form.addMilestone')}
            </Button>
          ) : null}
        </fieldset>
      );
    case 'vote':
      return (
        <fieldset className="rewards-block" data-testid="reward-vote-fields">
          <legend>{t('rewards.form.vote')}</legend>
          <TextField
            label={t('rewards.form.pricePerVote')}
            name="vote.pricePerVote"
            type="number"
            min={1}
            value={values.pricePerVote}
            onChange={(event) => set('pricePerVote', event.currentTarget.value)}
          />
          {values.options.map((option, index) => (
            <div className="form form--row rewards-block__row" key={index}>
              <TextField
                label={t('rewards.form.option', { number: index + 1 })}
                name={`vote.options.${index}.label`}
                value={option.label}
                onChange={(event) =>
                  set(
                    'options',
                    values.options.map((o, at) =>
                      at === index ? { ...o, label: event.currentTarget.value } : o,
                    ),
                  )
                }
                data-testid="reward-vote-option"
              />
              {values.options.length > VOTE_MIN_OPTIONS ? (
                <Button
                  size="sm"
                  variant="ghost"
                  icon={<TrashIcon />}
                  aria-label={t('rewards.form.remove')}
                  onClick={() =>
                    set(
                      'options',
                      values.options.filter((_, at) => at !== index),
                    )
                  }
                />
              ) : null}
            </div>
          ))}
          {errors['vote'] ? <p className="field__error">{errors['vote']}</p> : null}
          {values.options.length < VOTE_MAX_OPTIONS ? (
            <Button
              size="sm"
              variant="secondary"
              icon={<PlusIcon />}
              onClick={() => set('options', [...values.options, { id: '', label: '' }])}
              data-testid="reward-add-option"
            >
              {t('rewards.form.addOption')}
            </Button>
          ) : null}
        </fieldset>
      );
    case 'special':
      return (
        <fieldset className="rewards-block" data-testid="reward-special-fields">
          <legend>{t('rewards.form.special')}</legend>
          <p className="muted">{t('rewards.form.specialHint')}</p>
          <TextField
            label={t('rewards.form.url')}
            name="special.url"
            type="url"
            value={values.specialUrl}
            onChange={(event) => set('specialUrl', event.currentTarget.value)}
            data-testid="reward-special-url"
          />
          <PasswordField
            label={t('rewards.form.secret')}
            name="special.secret"
            hint={editing ? t('rewards.form.secretKeep') : t('rewards.form.secretHint')}
            autoComplete="off"
            value={values.specialSecret}
            onChange={(event) => set('specialSecret', event.currentTarget.value)}
            showLabel={t('common.showPassword')}
            hideLabel={t('common.hidePassword')}
            data-testid="reward-special-secret"
          />
          {errors['special'] ? <p className="field__error">{errors['special']}</p> : null}
        </fieldset>
      );
  }
}
