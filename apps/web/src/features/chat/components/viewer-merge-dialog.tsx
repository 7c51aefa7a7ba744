import type { ViewerDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { useErrorText } from '@/shared/ui/form-error';
import { MERGE_INVALID_CODE, VIEWER_NOT_FOUND_CODE } from '../api/viewers.api';

/** The pair being confirmed, fixed when the dialog opened. */
export interface MergePair {
  source: ViewerDto;
  target: ViewerDto;
}

/** The merge's failure in our words when the list was stale, the server's otherwise. */
function useMergeErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    if (isApiError(error) && error.code === MERGE_INVALID_CODE) return t('viewers.merge.errors.invalid');
    if (isApiError(error) && error.code === VIEWER_NOT_FOUND_CODE) return t('viewers.merge.errors.notFound');
    return errorText(error);
  };
}

export interface ViewerMergeDialogProps {
  /** Open while there is a pair. */
  pair: MergePair | null;
  pending: boolean;
  error: unknown;
  onConfirm: (pair: MergePair) => void;
  onClose: () => void;
}

/** Says where the history goes and that Podium cannot undo it, before anything moves. */
export function ViewerMergeDialog({ pair, pending, error, onConfirm, onClose }: ViewerMergeDialogProps) {
  const { t } = useTranslation();
  const mergeErrorText = useMergeErrorText();
  const names = pair
    ? {
        source: pair.source.displayName,
        sourcePlatform: t(`platforms.${pair.source.platform}`),
        target: pair.target.displayName,
        targetPlatform: t(`platforms.${pair.target.platform}`),
      }
    : undefined;
  return (
    <Dialog
      open={pair !== null}
      onClose={onClose}
      title={names ? t('viewers.merge.confirmTitle', names) : ''}
      description={names ? t('viewers.merge.confirmBody', names) : undefined}
      closeLabel={t('common.close')}
      data-testid="merge-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="danger"
            pending={pending}
            onClick={() => {
              if (pair && !pending) onConfirm(pair);
            }}
            data-testid="confirm-action"
          >
            {t('viewers.merge.confirm')}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="error">{mergeErrorText(error)}</Alert> : null}
    </Dialog>
  );
}
