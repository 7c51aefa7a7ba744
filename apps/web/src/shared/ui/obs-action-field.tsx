import { OBS_SCENE_NAME_MAX, type ObsAction } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './field';

/** An OBS action as typed in a form: the kind, and the scene name (kept while another kind is picked). */
export interface ObsActionValues {
  kind: 'none' | ObsAction['action'];
  scene: string;
}

export const NO_OBS_ACTION: ObsActionValues = { kind: 'none', scene: '' };

export function obsActionValues(action: ObsAction | null | undefined): ObsActionValues {
  if (!action) return NO_OBS_ACTION;
  return action.action === 'switch_scene'
    ? { kind: 'switch_scene', scene: action.scene }
    : { kind: 'save_replay', scene: '' };
}

/** The request value: null for none (an edit then removes a stored action). */
export function toObsAction(values: ObsActionValues): ObsAction | null {
  switch (values.kind) {
    case 'none':
      return null;
    case 'save_replay':
      return { action: 'save_replay' };
    case 'switch_scene':
      return { action: 'switch_scene', scene: values.scene.trim() };
  }
}

/**
 * "OBS action" of a reward or a command: nothing, switch to a scene, or save the replay buffer.
 * OBS carries it out through the `obs` overlay (README, "OBS actions").
 */
export function ObsActionField({
  value,
  onChange,
  error,
  testId = 'obs-action',
}: {
  value: ObsActionValues;
  onChange: (value: ObsActionValues) => void;
  /** The contract's `obsAction` / `obsAction.scene` issue, if any. */
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form form--row" data-testid={testId}>
      <SelectField
        label={t('obsAction.label')}
        hint={t('obsAction.hint')}
        name="obsAction"
        value={value.kind}
        onChange={(event) =>
          onChange({ ...value, kind: event.currentTarget.value as ObsActionValues['kind'] })
        }
        error={value.kind === 'switch_scene' ? undefined : error}
        data-testid={`${testId}-kind`}
      >
        <option value="none">{t('obsAction.none')}</option>
        <option value="switch_scene">{t('obsAction.switchScene')}</option>
        <option value="save_replay">{t('obsAction.saveReplay')}</option>
      </SelectField>
      {value.kind === 'switch_scene' ? (
        <TextField
          label={t('obsAction.scene')}
          hint={t('obsAction.sceneHint')}
          name="obsAction.scene"
          value={value.scene}
          maxLength={OBS_SCENE_NAME_MAX}
          onChange={(event) => onChange({ ...value, scene: event.currentTarget.value })}
          error={error}
          data-testid={`${testId}-scene`}
        />
      ) : null}
    </div>
  );
}
