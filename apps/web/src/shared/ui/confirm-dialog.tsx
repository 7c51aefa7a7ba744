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
