import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';
import { useErrorText } from './form-error';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  /** Danger (delete, reset) by default. */
  tone?: 'danger' | 'primary';
  pending?: boolean;
  /** The failure of the confirmed action, shown inside the dialog. */
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  'data-testid'?: string;
}

/** "Are you sure?" for actions that cannot be undone; Cancel and Escape leave everything as it was. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  tone = 'danger',
  pending = false,
  error,
  onConfirm,
  onClose,
  ...rest
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      closeLabel={t('common.close')}
      data-testid={rest['data-testid']}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant={tone}
            pending={pending}
            onClick={() => {
              if (!pending) onConfirm();
            }}
            data-testid="confirm-action"
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
    </Dialog>
  );
}

/** What a confirmation runs on one item: a react-query mutation taking the item's id. */
export interface IdMutation {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

export interface ConfirmMutationDialogProps<T extends { id: string }> extends Omit<
  ConfirmDialogProps,
  'open' | 'pending' | 'error' | 'onConfirm' | 'onClose'
> {
  /** The item to act on; the dialog is open while there is one. */
  target: T | null;
  mutation: IdMutation;
  /** After the action succeeded, just before the dialog closes. */
  onDone?: (target: T) => void;
  onClose: () => void;
}

/**
 * A ConfirmDialog that runs `mutation` on the target's id: it closes once the action succeeded,
 * shows its failure, and Cancel forgets that failure.
 */
export function ConfirmMutationDialog<T extends { id: string }>({
  target,
  mutation,
  onDone,
  onClose,
  ...dialog
}: ConfirmMutationDialogProps<T>) {
  return (
    <ConfirmDialog
      {...dialog}
      open={target !== null}
      pending={mutation.isPending}
      error={mutation.error}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
      onConfirm={() => {
        if (!target) return;
        mutation.mutate(target.id, {
          onSuccess: () => {
            onDone?.(target);
            onClose();
          },
        });
      }}
    />
  );
}
