import type { BalanceDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, issuesOfError, type FieldIssue } from '@/shared/forms/field-issues';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { useAdjustPoints } from '../api/points.api';
import {
  ADJUST_FIELDS,
  buildAdjust,
  emptyAdjust,
  isInsufficient,
  validateAdjust,
  type AdjustDirection,
} from '../model/adjust.form';

/** Give or take points by hand, with a reason kept in the ledger. */
export function AdjustDialog({
  workspaceId,
  target,
  onClose,
}: {
  workspaceId: string;
  target: BalanceDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={t('points.adjust.title', { name: target?.viewer.displayName ?? '' })}
      description={t('points.adjust.description', {
        count: target?.balance ?? 0,
        currency: target?.currencyName ?? '',
      })}
      closeLabel={t('common.close')}
      data-testid="points-adjust-dialog"
    >
      {target ? (
        <AdjustForm key={target.viewer.id} workspaceId={workspaceId} target={target} onDone={onClose} />
      ) : null}
    </Dialog>
  );
}

function AdjustForm({
  workspaceId,
  target,
  onDone,
}: {
  workspaceId: string;
  target: BalanceDto;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const adjust = useAdjustPoints(workspaceId);
  const [values, setValues] = useState(emptyAdjust);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = fieldErrorsOf(issues.length > 0 ? issues : issuesOfError(adjust.error), ADJUST_FIELDS);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (adjust.isPending) return;
    const request = buildAdjust(target.viewer.id, values);
    const found = validateAdjust(request);
    setIssues(found);
    if (found.length === 0) adjust.mutate(request, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="points-adjust-form">
      {isInsufficient(adjust.error) ? (
        <div data-testid="points-adjust-insufficient">
          <Alert tone="error">
            {t('points.adjust.insufficient', { count: target.balance, currency: target.currencyName })}
          </Alert>
        </div>
      ) : issues.length === 0 ? (
        <FormError error={adjust.error} fields={ADJUST_FIELDS} />
      ) : null}
      <div className="form form--row">
        <SelectField
          label={t('points.adjust.direction')}
          name="direction"
          value={values.direction}
          onChange={(event) =>
            setValues({ ...values, direction: event.currentTarget.value as AdjustDirection })
          }
          data-testid="points-adjust-direction"
        >
          <option value="give">{t('points.adjust.give')}</option>
          <option value="take">{t('points.adjust.take')}</option>
        </SelectField>
        <TextField
          label={t('points.adjust.amount')}
          name="amount"
          type="number"
          inputMode="numeric"
          min={1}
          value={values.amount}
          onChange={(event) => setValues({ ...values, amount: event.currentTarget.value })}
          error={errors['amount']}
          data-testid="points-adjust-amount"
        />
      </div>
      <TextField
        label={t('points.adjust.reason')}
        name="reason"
        value={values.reason}
        maxLength={300}
        onChange={(event) => setValues({ ...values, reason: event.currentTarget.value })}
        error={errors['reason']}
        data-testid="points-adjust-reason"
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={adjust.isPending} data-testid="points-adjust-save">
          {t('points.adjust.save')}
        </Button>
      </div>
    </form>
  );
}
