import { MODERATION_ACTION_TYPES, type ModerationActionType } from '@podium/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/shared/ui/field';
import type { FieldErrors } from '../model/alerts-validation';
import type { FilterDraft } from '../model/moderation-form';
import { CheckboxField } from './alerts-fields';

export interface ModerationFilterProps {
  /** Contract path of the filter: `bannedTerms`, `links`, `caps`, `spam`. */
  path: string;
  title: string;
  description: string;
  filter: FilterDraft;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (patch: Partial<FilterDraft>) => void;
  children: ReactNode;
}

/** One filter's fieldset: on/off, its action (and the timeout's seconds), the optional warning. */
export function ModerationFilter({
  path,
  title,
  description,
  filter,
  errors,
  disabled,
  onChange,
  children,
}: ModerationFilterProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="bot-fieldset" data-testid={`moderation-${path}`}>
      <legend className="bot-fieldset__legend">{title}</legend>
      <p className="muted">{description}</p>
      <CheckboxField
        label={t('botAlerts.moderation.filterEnabled')}
        checked={filter.enabled}
        disabled={disabled}
        onChange={(enabled) => onChange({ enabled })}
      />
      {children}
      <div className="bot-grid">
        <SelectField
          label={t('botAlerts.moderation.action')}
          name={`${path}.action.type`}
          value={filter.action.type}
          disabled={disabled}
          error={errors[`${path}.action.type`] ?? errors[`${path}.action`]}
          onChange={(event) =>
            onChange({
              action: { ...filter.action, type: event.currentTarget.value as ModerationActionType },
            })
          }
        >
          {MODERATION_ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`botAlerts.moderation.actions.${type}`)}
            </option>
          ))}
        </SelectField>
        {filter.action.type === 'timeout' ? (
          <TextField
            label={t('botAlerts.moderation.timeoutSeconds')}
            name={`${path}.action.seconds`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1209600}
            value={filter.action.seconds}
            disabled={disabled}
            hint={t('botAlerts.moderation.timeoutHint')}
            error={errors[`${path}.action.seconds`]}
            onChange={(event) =>
              onChange({ action: { ...filter.action, seconds: event.currentTarget.value } })
            }
          />
        ) : null}
        <TextField
          label={t('botAlerts.moderation.warning')}
          name={`${path}.warning`}
          maxLength={300}
          value={filter.warning}
          disabled={disabled}
          hint={t('botAlerts.moderation.warningHint')}
          error={errors[`${path}.warning`]}
          onChange={(event) => onChange({ warning: event.currentTarget.value })}
        />
      </div>
    </fieldset>
  );
}
