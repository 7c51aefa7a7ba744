import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { FieldIssue } from '../model/bots-shell.form';
import { useBotFieldErrors } from './bots-shell.fields';

/** The slice of a react-query mutation a save reads. */
export interface SaveMutation<TVariables> {
  mutate: (variables: TVariables, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** Create and edit hooks of one kind of bot item (a `botsCrud(...)` object fits). */
export interface BotSaveApi<TRequest> {
  useCreate(workspaceId: string): SaveMutation<TRequest>;
  useUpdate(workspaceId: string): SaveMutation<{ id: string; request: TRequest }>;
}

export interface BotItemFormOptions<TValues, TRequest> {
  api: BotSaveApi<TRequest>;
  workspaceId: string;
  /** The item being edited, or null when creating one. */
  item: { id: string } | null;
  /** The starting values (read once: the dialog remounts the form for each item). */
  initial: () => TValues;
  /** The form's own fields: problems on others show as a whole-form error. */
  fields: readonly string[];
  build: (values: TValues) => TRequest;
  /** The contract schema's check, run before sending so mistakes show without a round trip. */
  validate: (request: TRequest) => FieldIssue[];
  /** After a successful save (the dialog closes). */
  onSaved: () => void;
}

/** What `BotForm` needs to draw the form's frame: submit, the whole-form error, enabled, save. */
export interface BotFormState {
  submit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  /** The failed save's error, unless the form's own check found problems (shown at the fields). */
  formError: unknown;
  fields: readonly string[];
  editing: boolean;
  enabled: boolean;
  setEnabled: (enabled: boolean) => void;
}

/** The keys of the form values typed as plain text (inputs and textareas). */
export type TextKey<TValues> = {
  [K in keyof TValues]: TValues[K] extends string ? K : never;
}[keyof TValues] &
  string;

/** What a text input or textarea needs to edit one value: its name, value, change and error. */
export interface BoundField {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

export interface BotItemForm<TValues> extends BotFormState {
  values: TValues;
  set: <K extends keyof TValues>(key: K, value: TValues[K]) => void;
  /** One message per field: the form's own check first, else what the api answered. */
  errors: Record<string, string>;
  /** Spreads onto a TextField/TextAreaField: the field's `name` is the value's key. */
  bind: (key: TextKey<TValues>) => BoundField;
}

/**
 * State and submit of a create/edit form for one bot item (command, auto-response, announcement):
 * builds the request from the typed values, checks it, then creates or updates.
 */
export function useBotItemForm<TValues extends { enabled: boolean }, TRequest>({
  api,
  workspaceId,
  item,
  initial,
  fields,
  build,
  validate,
  onSaved,
}: BotItemFormOptions<TValues, TRequest>): BotItemForm<TValues> {
  const create = api.useCreate(workspaceId);
  const update = api.useUpdate(workspaceId);
  const mutation = item ? update : create;
  const [values, setValues] = useState<TValues>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = useBotFieldErrors(issues, mutation.error, fields);

  const set = <K extends keyof TValues>(key: K, value: TValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const request = build(values);
    const found = validate(request);
    setIssues(found);
    if (found.length > 0) return;
    if (item) update.mutate({ id: item.id, request }, { onSuccess: onSaved });
    else create.mutate(request, { onSuccess: onSaved });
  };

  const bind = (key: TextKey<TValues>): BoundField => ({
    name: key,
    value: values[key] as string,
    // TextKey only names string values, which TypeScript cannot see through the generic.
    onChange: (event) => set(key, event.currentTarget.value as TValues[typeof key]),
    error: errors[key],
  });

  return {
    values,
    set,
    errors,
    bind,
    submit,
    pending: mutation.isPending,
    formError: issues.length > 0 ? null : mutation.error,
    fields,
    editing: item !== null,
    enabled: values.enabled,
    setEnabled: (enabled) => setValues((current) => ({ ...current, enabled })),
  };
}
