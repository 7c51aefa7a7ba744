import { REWARD_ELIGIBILITIES, REWARD_TYPES, type RewardDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, issuesOfError, type FieldIssue } from '@/shared/forms/field-issues';
import { Button } from '@/shared/ui/button';
import { Checkbox } from '@/shared/ui/checkbox';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { ObsActionField } from '@/shared/ui/obs-action-field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { rewardsApi } from '../api/rewards.api';
import {
  buildCreateReward,
  buildUpdateReward,
  emptyReward,
  REWARD_FIELDS,
  rewardValues,
  validateCreateReward,
  validateUpdateReward,
  type RewardValues,
} from '../model/reward.form';
import { TypeFields } from './reward-type-fields';

export function RewardFormDialog({
  workspaceId,
  reward,
  open,
  onClose,
}: {
  workspaceId: string;
  reward: RewardDto | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={reward ? t('rewards.form.editTitle', { name: reward.name }) : t('rewards.form.newTitle')}
      description={t('rewards.form.description')}
      closeLabel={t('common.close')}
      data-testid="reward-dialog"
    >
      {open ? (
        <RewardForm key={reward?.id ?? 'new'} workspaceId={workspaceId} reward={reward} onDone={onClose} />
      ) : null}
    </Dialog>
  );
}

function RewardForm({
  workspaceId,
  reward,
  onDone,
}: {
  workspaceId: string;
  reward: RewardDto | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = rewardsApi.useCreate(workspaceId);
  const update = rewardsApi.useUpdate(workspaceId);
  const mutation = reward ? update : create;
  const [values, setValues] = useState<RewardValues>(() => (reward ? rewardValues(reward) : emptyReward()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = fieldErrorsOf(
    issues.length > 0 ? issues : issuesOfError(mutation.error),
    REWARD_FIELDS,
    (index, message) => t('rewards.form.indexed', { line: index + 1, message }),
  );
  const set = <K extends keyof RewardValues>(key: K, value: RewardValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (
    key:
      'name' | 'price' | 'globalCooldownSeconds' | 'viewerCooldownSeconds' | 'maxPerStream' | 'maxPerViewer',
  ) => ({
    name: key,
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    if (reward) {
      const request = buildUpdateReward(values);
      const found = validateUpdateReward(request);
      setIssues(found);
      if (found.length === 0) update.mutate({ id: reward.id, request }, { onSuccess: onDone });
    } else {
      const request = buildCreateReward(values);
      const found = validateCreateReward(request);
      setIssues(found);
      if (found.length === 0) create.mutate(request, { onSuccess: onDone });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="reward-form">
      {issues.length === 0 ? <FormError error={mutation.error} fields={REWARD_FIELDS} /> : null}
      <div className="form form--row">
        <TextField
          label={t('rewards.form.name')}
          hint={t('rewards.form.nameHint')}
          {...text('name')}
          data-testid="reward-name-input"
        />
        <SelectField
          label={t('rewards.form.type')}
          name="type"
          value={values.type}
          disabled={reward !== null}
          onChange={(event) => {
            const type = event.currentTarget.value as RewardValues['type'];
            setValues((current) => ({
              ...current,
              type,
              requiresNote: type === 'note' || current.requiresNote,
            }));
          }}
          error={errors['type']}
          data-testid="reward-type-select"
        >
          {REWARD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`rewards.types.${type}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted">{t(`rewards.typeHints.${values.type}`)}</p>
      <div className="form form--row">
        <TextField
          label={t(values.type === 'goal' ? 'rewards.form.minContribution' : 'rewards.form.price')}
          type="number"
          min={0}
          {...text('price')}
          data-testid="reward-price-input"
        />
        <TextField
          label={t('rewards.form.categories')}
          hint={t('rewards.form.categoriesHint')}
          name="categories"
          value={values.categories}
          onChange={(event) => set('categories', event.currentTarget.value)}
          error={errors['categories']}
          data-testid="reward-categories-input"
        />
      </div>
      <TextAreaField
        label={t('rewards.form.descriptionField')}
        name="description"
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errors['description']}
        rows={2}
      />
      <TypeFields values={values} set={set} errors={errors} editing={reward !== null} />
      <div className="form form--row">
        <TextField
          label={t('rewards.form.globalCooldown')}
          type="number"
          min={0}
          {...text('globalCooldownSeconds')}
        />
        <TextField
          label={t('rewards.form.viewerCooldown')}
          type="number"
          min={0}
          {...text('viewerCooldownSeconds')}
        />
      </div>
      <div className="form form--row">
        <TextField
          label={t('rewards.form.maxPerStream')}
          hint={t('rewards.form.noLimitHint')}
          type="number"
          min={1}
          {...text('maxPerStream')}
        />
        <TextField
          label={t('rewards.form.maxPerViewer')}
          hint={t('rewards.form.noLimitHint')}
          type="number"
          min={1}
          {...text('maxPerViewer')}
        />
      </div>
      <SelectField
        label={t('rewards.form.eligibility')}
        name="eligibility"
        value={values.eligibility}
        onChange={(event) => set('eligibility', event.currentTarget.value as RewardValues['eligibility'])}
        error={errors['eligibility']}
        data-testid="reward-eligibility-select"
      >
        {REWARD_ELIGIBILITIES.map((eligibility) => (
          <option key={eligibility} value={eligibility}>
            {t(`rewards.eligibility.${eligibility}`)}
          </option>
        ))}
      </SelectField>
      {values.type !== 'note' ? (
        <Checkbox
          label={t('rewards.form.requiresNote')}
          checked={values.requiresNote}
          onChange={(on) => set('requiresNote', on)}
        />
      ) : null}
      {values.type !== 'counter' ? (
        <Checkbox
          label={t('rewards.form.autoFulfil')}
          checked={values.autoFulfil}
          onChange={(on) => set('autoFulfil', on)}
        />
      ) : null}
      <ObsActionField
        value={values.obsAction}
        onChange={(obsAction) => set('obsAction', obsAction)}
        error={errors['obsAction']}
        testId="reward-obs-action"
      />
      <Checkbox
        label={t('rewards.list.enabled')}
        checked={values.enabled}
        onChange={(on) => set('enabled', on)}
        data-testid="reward-enabled-input"
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={mutation.isPending} data-testid="reward-save">
          {reward ? t('common.save') : t('rewards.form.create')}
        </Button>
      </div>
    </form>
  );
}
