import { PRESENCE_MODES, type ActionPointsSettingsDto, type PointsSettingsDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, issuesOfError, type FieldIssue } from '@/shared/forms/field-issues';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useActionSettings, usePointsSettings, useSaveAllSettings } from '../api/points.api';
import {
  ACTION_NUMBER_FIELDS,
  buildSettingsRequests,
  POINTS_SETTINGS_FIELDS,
  settingsValues,
  validateSettings,
  type PointsSettingsValues,
} from '../model/points-settings.form';
import type { PointsTabProps } from './points-tabs';
import { StreakBonusesField } from './streak-bonuses-field';

/** Currency, cycles, presence, passive mode, action points and streak bonuses. */
export function PointsSettingsTab(props: PointsTabProps) {
  const { t } = useTranslation();
  // The api shows the settings to moderators and owners only.
  if (!props.canEdit) return <Alert tone="info">{t('points.readOnly')}</Alert>;
  return <SettingsLoader {...props} />;
}

function SettingsLoader(props: PointsTabProps) {
  const { workspaceId } = props;
  const { t } = useTranslation();
  const core = usePointsSettings(workspaceId);
  const actions = useActionSettings(workspaceId);
  if (core.isPending || actions.isPending) return <LoadingState label={t('common.loading')} />;
  if (core.isError || actions.isError) return <FormError error={core.error ?? actions.error} fields={[]} />;
  return <SettingsForm {...props} core={core.data} actions={actions.data} />;
}

function SettingsForm({
  workspaceId,
  canEdit,
  core,
  actions,
}: PointsTabProps & { core: PointsSettingsDto; actions: ActionPointsSettingsDto }) {
  const { t } = useTranslation();
  const save = useSaveAllSettings(workspaceId);
  const [values, setValues] = useState<PointsSettingsValues>(() => settingsValues(core, actions));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = fieldErrorsOf(
    issues.length > 0 ? issues : issuesOfError(save.error),
    POINTS_SETTINGS_FIELDS,
  );
  const set = <K extends keyof PointsSettingsValues>(key: K, value: PointsSettingsValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const number = (field: keyof PointsSettingsValues & string, hint?: string) => (
    <TextField
      label={t(`points.settings.fields.${field}` as 'points.settings.fields.pointsPerCycle')}
      name={field}
      value={values[field] as string}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={0}
      disabled={!canEdit}
      data-testid={`points-${field}-input`}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const requests = buildSettingsRequests(values);
    const found = validateSettings(requests);
    setIssues(found);
    if (found.length === 0) save.mutate(requests);
  };

  return (
    <form className="form points-settings" onSubmit={submit} noValidate data-testid="points-settings-form">
      {issues.length === 0 ? <FormError error={save.error} fields={POINTS_SETTINGS_FIELDS} /> : null}
      {save.isSuccess ? <Alert tone="success">{t('points.settings.saved')}</Alert> : null}
      <Card title={t('points.settings.earning')}>
        <div className="form">
          <TextField
            label={t('points.settings.fields.currencyName')}
            name="currencyName"
            value={values.currencyName}
            onChange={(event) => set('currencyName', event.currentTarget.value)}
            error={errors['currencyName']}
            disabled={!canEdit}
            data-testid="points-currency-input"
          />
          <Checkbox
            label={t('points.settings.fields.cyclesEnabled')}
            checked={values.cyclesEnabled}
            onChange={(on) => set('cyclesEnabled', on)}
            disabled={!canEdit}
            data-testid="points-cycles-enabled"
          />
          <div className="form form--row">
            {number('pointsPerCycle')}
            {number('cycleMinutes')}
          </div>
          <div className="form form--row">
            <SelectField
              label={t('points.settings.fields.presenceMode')}
              name="presenceMode"
              value={values.presenceMode}
              onChange={(event) =>
                set('presenceMode', event.currentTarget.value as PointsSettingsValues['presenceMode'])
              }
              error={errors['presenceMode']}
              disabled={!canEdit}
              data-testid="points-presence-mode"
            >
              {PRESENCE_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`points.settings.presence.${mode}`)}
                </option>
              ))}
            </SelectField>
            {number('presenceWindowMinutes')}
          </div>
          <Checkbox
            label={t('points.settings.fields.onlyWhileLive')}
            checked={values.onlyWhileLive}
            onChange={(on) => set('onlyWhileLive', on)}
            disabled={!canEdit}
            data-testid="points-only-live"
          />
          <Checkbox
            label={t('points.settings.fields.passive')}
            checked={values.passive}
            onChange={(on) => set('passive', on)}
            disabled={!canEdit}
            data-testid="points-passive"
          />
          <p className="muted">{t('points.settings.passiveHint')}</p>
        </div>
      </Card>
      <Card title={t('points.settings.actions')} description={t('points.settings.actionsHint')}>
        <div className="points-settings__grid">
          {ACTION_NUMBER_FIELDS.map((field) => (
            <div key={field}>{number(field)}</div>
          ))}
          {number('meetingPointsRate', t('points.settings.meetingRateHint'))}
        </div>
      </Card>
      <Card title={t('points.settings.streaks')} description={t('points.settings.streaksHint')}>
        <StreakBonusesField
          bonuses={values.streakBonuses}
          onChange={(bonuses) => set('streakBonuses', bonuses)}
          error={errors['streakBonuses']}
          disabled={!canEdit}
        />
      </Card>
      {canEdit ? (
        <div className="form__actions">
          <Button type="submit" variant="primary" pending={save.isPending} data-testid="points-settings-save">
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
