import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { TextField } from '@/shared/ui/field';
import type { BotFormState, BoundField } from './bot-item-form';
import { Checkbox } from '@/shared/ui/checkbox';
import { BotFormError } from './bots-shell.fields';

/** The create/edit dialog of a bot item; its form is mounted only while it is open. */
export function BotFormDialog({
  open,
  onClose,
  title,
  description,
  formKey,
  children,
  'data-testid': testId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description: ReactNode;
  /** The edited item's id ('new' when creating). */
  formKey: string;
  children: ReactNode;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      closeLabel={t('common.close')}
      data-testid={testId}
    >
      {/* Keyed by item: each opening starts from that item's saved values. */}
      {open ? <Fragment key={formKey}>{children}</Fragment> : null}
    </Dialog>
  );
}

/**
 * The frame of a bot item form: the whole-form error first, the fields, then the enabled switch,
 * Cancel and Save ("Create …" for a new item).
 */
export function BotForm({
  form,
  createLabel,
  onCancel,
  children,
  'data-testid': testId,
  saveTestId,
  enabledTestId,
}: {
  form: BotFormState;
  createLabel: string;
  onCancel: () => void;
  children: ReactNode;
  'data-testid': string;
  saveTestId: string;
  enabledTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <form className="form" onSubmit={form.submit} noValidate data-testid={testId}>
      <BotFormError error={form.formError} fields={form.fields} />
      {children}
      <Checkbox
        label={t('bots.form.enabled')}
        checked={form.enabled}
        onChange={form.setEnabled}
        data-testid={enabledTestId}
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={form.pending} data-testid={saveTestId}>
          {form.pending ? t('common.saving') : form.editing ? t('common.save') : createLabel}
        </Button>
      </div>
    </form>
  );
}

type CooldownField = 'globalCooldownSeconds' | 'userCooldownSeconds';

/** The two cooldowns side by side (commands and auto-responses), typed as text until saved. */
export function BotCooldownFields({
  bind,
  testIdPrefix,
}: {
  /** The form's `bind` (its values have both cooldowns as text). */
  bind: (field: CooldownField) => BoundField;
  /** `command` gives `command-global-cooldown-input`…; without it the inputs carry no test id. */
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const fields = [
    { name: 'globalCooldownSeconds', label: t('bots.form.globalCooldown'), testId: 'global-cooldown-input' },
    { name: 'userCooldownSeconds', label: t('bots.form.userCooldown'), testId: 'user-cooldown-input' },
  ] as const;
  return (
    <div className="form form--row">
      {fields.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          {...bind(field.name)}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          hint={t('bots.form.cooldownHint')}
          data-testid={testIdPrefix ? `${testIdPrefix}-${field.testId}` : undefined}
        />
      ))}
    </div>
  );
}
