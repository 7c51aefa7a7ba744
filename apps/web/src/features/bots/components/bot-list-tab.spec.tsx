import i18next from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '@/shared/api/api-error';
import { en } from '@/shared/i18n/locales/en';
import type { FieldIssue } from '../model/bots-shell.form';
import { BotCooldownFields, BotForm, BotFormDialog } from './bot-form-dialog';
import { useBotItemForm, type BotItemForm, type SaveMutation } from './bot-item-form';
import { BotListTab, type BotListApi, type BotListDialogProps } from './bot-list-tab';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const render = (node: ReactNode) => renderToStaticMarkup(<>{node}</>);

/* ---------- BotListTab ---------- */

interface Item {
  id: string;
  enabled: boolean;
  name: string;
}

const idle = { isPending: false, isError: false, error: null };
function listApi(data: Item[] | undefined, toggleError: unknown = null): BotListApi<Item> {
  return {
    useList: () => ({ ...idle, isPending: data === undefined, data }),
    useUpdate: () => ({
      ...idle,
      isError: toggleError !== null,
      error: toggleError,
      mutate: () => undefined,
    }),
    useDelete: () => ({ ...idle, mutate: () => undefined, reset: () => undefined }),
  };
}

function tab(api: BotListApi<Item>, canEdit: boolean, dialogs: BotListDialogProps<Item>[] = []) {
  return render(
    <BotListTab<Item>
      workspaceId="w1"
      canEdit={canEdit}
      api={api}
      kind="thing"
      texts={{
        listTitle: 'Things',
        newLabel: 'New thing',
        emptyTitle: 'No things',
        emptyBody: 'Add one',
        deleteTitle: (item) => `Delete ${item?.name ?? ''}`,
        deleteBody: 'Gone for good',
      }}
      nameOf={(item) => `#${item.name}`}
      renderMain={(item) => <p className="row-list__title">{item.name}</p>}
      renderDialog={(dialog) => {
        dialogs.push(dialog);
        return null;
      }}
    >
      <p>below the list</p>
    </BotListTab>,
  );
}

describe('BotListTab', () => {
  const items = [
    { id: 'a', enabled: true, name: 'one' },
    { id: 'b', enabled: false, name: 'two' },
  ];

  it('lists each item with its toggle, edit and delete, under the kind test ids', () => {
    const dialogs: BotListDialogProps<Item>[] = [];
    const html = tab(listApi(items), true, dialogs);
    expect(html).toContain('data-testid="new-thing"');
    expect(html).toContain('data-testid="thing-list"');
    expect(html.match(/data-testid="thing-item"/g)).toHaveLength(2);
    expect(html.match(/data-testid="thing-enabled-toggle"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-label="Edit #one"[^>]*data-testid="edit-thing"/);
    expect(html).toMatch(/aria-label="Delete #two"[^>]*data-testid="delete-thing"/);
    expect(html).toContain('>On<');
    expect(html).toContain('>Off<');
    expect(html).toContain('<p>below the list</p>');
    expect(html).toContain('data-testid="delete-thing-dialog"');
    expect(dialogs).toEqual([{ item: null, open: false, onClose: expect.any(Function) }]);
  });

  it('is read-only without edit rights: no create, edit or delete, toggles disabled', () => {
    const html = tab(listApi(items), false);
    expect(html).toContain('lets you look at the bots');
    expect(html).not.toContain('data-testid="new-thing"');
    expect(html).not.toContain('data-testid="edit-thing"');
    expect(html).not.toContain('data-testid="delete-thing"');
    expect(html.match(/disabled=""[^>]*data-testid="thing-enabled-toggle"/g)).toHaveLength(2);
  });

  it('shows loading, the empty state, and a failed toggle', () => {
    expect(tab(listApi(undefined), true)).toContain('role="status"');
    expect(tab(listApi([]), true)).toContain('No things');
    const failed = tab(listApi(items, new ApiError({ statusCode: 500, code: 'x', message: 'no' })), true);
    expect(failed).toContain('alert--error');
  });
});

/* ---------- useBotItemForm + BotForm ---------- */

interface Values {
  name: string;
  globalCooldownSeconds: string;
  userCooldownSeconds: string;
  enabled: boolean;
}
type Request = { name: string };

function recorder<T>(error: unknown = null, isPending = false) {
  const calls: T[] = [];
  const mutation: SaveMutation<T> = {
    mutate: (variables, options) => {
      calls.push(variables);
      options.onSuccess();
    },
    isPending,
    error,
  };
  return { calls, mutation };
}

/** Renders a form once and hands back what the hook returned (its handlers still work after). */
function mountForm(options: {
  item?: { id: string } | null;
  issues?: FieldIssue[];
  saveError?: unknown;
  pending?: boolean;
}) {
  const create = recorder<Request>(options.saveError, options.pending);
  const update = recorder<{ id: string; request: Request }>(options.saveError, options.pending);
  const saved: string[] = [];
  let form: BotItemForm<Values> | undefined;
  function Harness() {
    form = useBotItemForm<Values, Request>({
      api: { useCreate: () => create.mutation, useUpdate: () => update.mutation },
      workspaceId: 'w1',
      item: options.item ?? null,
      initial: () => ({ name: 'hi', globalCooldownSeconds: '5', userCooldownSeconds: '', enabled: true }),
      fields: ['name', 'globalCooldownSeconds'],
      build: (values) => ({ name: values.name.trim() }),
      validate: () => options.issues ?? [],
      onSaved: () => saved.push('saved'),
    });
    return (
      <BotFormDialog open onClose={() => undefined} title="T" description="D" formKey="k" data-testid="d">
        <BotForm
          form={form}
          createLabel="Create it"
          onCancel={() => undefined}
          data-testid="f"
          saveTestId="s"
        >
          <input {...form.bind('name')} />
          <BotCooldownFields bind={form.bind} testIdPrefix="thing" />
        </BotForm>
      </BotFormDialog>
    );
  }
  const html = render(<Harness />);
  if (!form) throw new Error('the form did not render');
  const submit = () => form?.submit({ preventDefault: () => undefined } as FormEvent<HTMLFormElement>);
  return { html, form, submit, create: create.calls, update: update.calls, saved };
}

describe('useBotItemForm with BotForm', () => {
  it('creates a new item from the built request, then reports it saved', () => {
    const { html, submit, create, update, saved } = mountForm({});
    expect(html).toContain('>Create it<');
    submit();
    expect(create).toEqual([{ name: 'hi' }]);
    expect(update).toEqual([]);
    expect(saved).toEqual(['saved']);
  });

  it('updates an existing item by id', () => {
    const { html, submit, create, update } = mountForm({ item: { id: 'c9' } });
    expect(html).toContain('>Save<');
    submit();
    expect(update).toEqual([{ id: 'c9', request: { name: 'hi' } }]);
    expect(create).toEqual([]);
  });

  it('sends nothing while the check finds problems or a save is pending', () => {
    const invalid = mountForm({ issues: [{ field: 'name', message: 'too short' }] });
    invalid.submit();
    expect(invalid.create).toEqual([]);
    const pending = mountForm({ pending: true });
    pending.submit();
    expect(pending.create).toEqual([]);
    expect(pending.html).toContain('>Saving…<');
  });

  it('binds fields by name and puts the api problems beside them, not above the form', () => {
    const saveError = new ApiError({
      statusCode: 400,
      code: 'validation',
      message: 'bad',
      issues: [{ field: 'globalCooldownSeconds', message: 'must be ≥ 0' }],
    });
    const { html, form } = mountForm({ saveError });
    expect(form.bind('name')).toMatchObject({ name: 'name', value: 'hi', error: undefined });
    expect(form.bind('globalCooldownSeconds')).toMatchObject({ value: '5', error: 'must be ≥ 0' });
    expect(html).toMatch(/data-testid="thing-global-cooldown-input"[^>]*name="globalCooldownSeconds"/);
    expect(html).toContain('must be ≥ 0');
    expect(html).not.toContain('alert--error');
  });

  it('shows a problem on no field of the form above it', () => {
    const saveError = new ApiError({ statusCode: 409, code: 'taken', message: 'bad', field: 'elsewhere' });
    expect(mountForm({ saveError }).html).toContain('alert--error');
  });
});
