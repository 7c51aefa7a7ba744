import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog, type IdMutation } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { ChatIcon, PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { BotQueryStatus, BotRow, type QueryState } from './bot-list-parts';
import { Checkbox } from '@/shared/ui/checkbox';

/** What a list row needs of an item: its id and its on/off switch. */
export interface BotListItem {
  id: string;
  enabled: boolean;
}

/** The hooks a list tab runs (a `botsCrud(...)` object fits). */
export interface BotListApi<T extends BotListItem> {
  useList(workspaceId: string): QueryState & { data: T[] | undefined };
  useUpdate(workspaceId: string): QueryState & {
    mutate: (variables: { id: string; request: { enabled: boolean } }) => void;
  };
  useDelete(workspaceId: string): IdMutation;
}

/** The words of one list tab, already translated. */
export interface BotListTexts<T> {
  listTitle: string;
  newLabel: string;
  emptyTitle: string;
  emptyBody: string;
  /** The delete confirmation's title; `item` is null while it is closed. */
  deleteTitle: (item: T | null) => string;
  deleteBody: string;
}

/** What the tab hands its create/edit dialog. */
export interface BotListDialogProps<T> {
  /** The item to edit, or null to create one. */
  item: T | null;
  open: boolean;
  onClose: () => void;
}

export interface BotListTabProps<T extends BotListItem> {
  workspaceId: string;
  canEdit: boolean;
  api: BotListApi<T>;
  /**
   * Names the test ids, kept stable for the e2e tests: `new-<kind>`, `<kind>-list`, `<kind>-item`,
   * `<kind>-enabled-toggle`, `edit-<kind>`, `delete-<kind>`, `delete-<kind>-dialog`.
   */
  kind: string;
  texts: BotListTexts<T>;
  /** The item's name in the edit and delete buttons' labels. */
  nameOf: (item: T) => string;
  /** The left part of a row: title, meta line, preview. */
  renderMain: (item: T) => ReactNode;
  renderDialog: (dialog: BotListDialogProps<T>) => ReactNode;
  /** Cards shown under the list (built-ins, sandbox). */
  children?: ReactNode;
}

/**
 * A Bots tab over one kind of item (commands, auto-responses, announcements): the list with its
 * enable toggle, edit and delete per row, a create button, the edit dialog and the delete confirm.
 */
export function BotListTab<T extends BotListItem>({
  workspaceId,
  canEdit,
  api,
  kind,
  texts,
  nameOf,
  renderMain,
  renderDialog,
  children,
}: BotListTabProps<T>) {
  const { t } = useTranslation();
  const list = api.useList(workspaceId);
  const toggle = api.useUpdate(workspaceId);
  const remove = api.useDelete(workspaceId);
  // `{ item: null }` is the create dialog; null is no dialog.
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);

  return (
    <>
      {!canEdit ? <Alert tone="info">{t('bots.readOnly')}</Alert> : null}
      <Card
        title={texts.listTitle}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              onClick={() => setEditing({ item: null })}
              aria-haspopup="dialog"
              data-testid={`new-${kind}`}
            >
              {texts.newLabel}
            </Button>
          ) : null
        }
      >
        <BotQueryStatus query={list} action={toggle} />
        {list.data?.length === 0 ? (
          <EmptyState icon={<ChatIcon />} title={texts.emptyTitle}>
            <p className="muted">{texts.emptyBody}</p>
          </EmptyState>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="row-list" data-testid={`${kind}-list`}>
            {list.data.map((item) => (
              <BotRow
                key={item.id}
                data-testid={`${kind}-item`}
                main={renderMain(item)}
                actions={
                  <>
                    <Checkbox
                      label={item.enabled ? t('bots.list.enabled') : t('bots.list.disabled')}
                      checked={item.enabled}
                      disabled={!canEdit || toggle.isPending}
                      onChange={(enabled) => toggle.mutate({ id: item.id, request: { enabled } })}
                      data-testid={`${kind}-enabled-toggle`}
                    />
                    {canEdit ? (
                      <>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setEditing({ item })}
                          aria-haspopup="dialog"
                          aria-label={t('bots.list.editLabel', { name: nameOf(item) })}
                          data-testid={`edit-${kind}`}
                        >
                          {t('bots.list.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          className="btn--danger-text"
                          icon={<TrashIcon />}
                          onClick={() => setDeleting(item)}
                          aria-haspopup="dialog"
                          aria-label={t('bots.list.deleteLabel', { name: nameOf(item) })}
                          data-testid={`delete-${kind}`}
                        />
                      </>
                    ) : null}
                  </>
                }
              />
            ))}
          </ul>
        ) : null}
      </Card>

      {children}

      {renderDialog({ item: editing?.item ?? null, open: editing !== null, onClose: () => setEditing(null) })}
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={texts.deleteTitle(deleting)}
        description={texts.deleteBody}
        confirmLabel={t('bots.list.delete')}
        onClose={() => setDeleting(null)}
        data-testid={`delete-${kind}-dialog`}
      />
    </>
  );
}
