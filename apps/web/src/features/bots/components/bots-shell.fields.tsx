import { PLATFORMS, type Platform } from '@podium/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Checkbox } from '@/shared/ui/checkbox';
import { useErrorText } from '@/shared/ui/form-error';
import { allShownAtFields, type FieldIssue, fieldErrorsOf, issuesOfError } from '../model/bots-shell.form';

/** A group of checkboxes over a list of values (platforms, roles, connections). */
export function CheckGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
  testId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: ReactNode }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  testId?: string;
}) {
  const toggle = (value: T, on: boolean) =>
    onChange(
      on ? [...selected.filter((item) => item !== value), value] : selected.filter((item) => item !== value),
    );
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <fieldset className="bot-checks" data-testid={testId}>
        <legend>{legend}</legend>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            checked={selected.includes(option.value)}
            onChange={(on) => toggle(option.value, on)}
            data-testid={testId ? `${testId}-${option.value}` : undefined}
          />
        ))}
      </fieldset>
      {hint && !error ? <p className="field__hint">{hint}</p> : null}
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

/** Which platforms a command or auto-response answers on (none ticked: all). */
export function PlatformChecks({
  selected,
  onChange,
  error,
}: {
  selected: readonly Platform[];
  onChange: (selected: Platform[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <CheckGroup
      legend={t('bots.form.platforms')}
      hint={t('bots.form.platformsHint')}
      error={error}
      options={PLATFORMS.map((platform) => ({ value: platform, label: t(`bots.platforms.${platform}`) }))}
      selected={selected}
      onChange={onChange}
      testId="bot-platforms"
    />
  );
}

/** Platform names for a list row ("All platforms" when none is chosen). */
export function usePlatformNames(): (platforms: readonly Platform[]) => string {
  const { t } = useTranslation();
  return (platforms) =>
    platforms.length === 0
      ? t('bots.form.allPlatforms')
      : platforms.map((platform) => t(`bots.platforms.${platform}`)).join(', ');
}

/** Line-numbered messages for list fields (`responses.2` → "Line 3: …"). */
export function useIndexedFormat(): (index: number, message: string) => string {
  const { t } = useTranslation();
  return (index, message) => t('bots.form.indexed', { line: index + 1, message });
}

/**
 * Messages beside the fields: the form's own check (the contract schema) first, else what the api
 * answered (a 400 names fields, a 409 names the clashing one).
 */
export function useBotFieldErrors(
  clientIssues: readonly FieldIssue[],
  error: unknown,
  fields: readonly string[],
): Record<string, string> {
  const indexed = useIndexedFormat();
  if (clientIssues.length > 0) return fieldErrorsOf(clientIssues, fields, indexed);
  return fieldErrorsOf(issuesOfError(error), fields, indexed);
}

/** The whole-form message: only when some problem is not already shown beside its field. */
export function BotFormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const errorText = useErrorText();
  if (!error || allShownAtFields(error, fields)) return null;
  return <Alert tone="error">{errorText(error)}</Alert>;
}
