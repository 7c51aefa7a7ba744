import type { ViewerDto } from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { type KnownViewer, type MergeRole, type MergeSelection, roleOf } from '../model/viewer-merge';
import { ViewerRow } from './viewer-row';

/** The server answers at most this many: a full page means there may be more. */
export const VIEWERS_PAGE_SIZE = 50;

export interface ViewerResultsProps {
  /** The rows on screen (the previous search's while a new one loads); undefined before any. */
  viewers: readonly ViewerDto[] | undefined;
  /** The search the rows answer ('' for the recent list). */
  term: string;
  /** A search is on its way (the rows may be the previous search's). */
  fetching: boolean;
  error: unknown;
  onRetry: () => void;
  selection: MergeSelection;
  known: ReadonlyMap<string, KnownViewer>;
  /** Absent for the read-only view. */
  onPick?: (role: MergeRole, viewer: ViewerDto) => void;
}

/** The viewers found: loading, failed, none, or a table with the merge buttons for moderators. */
export function ViewerResults({
  viewers,
  term,
  fetching,
  error,
  onRetry,
  selection,
  known,
  onPick,
}: ViewerResultsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const captionId = useId();

  if (error && !viewers) {
    return (
      <Alert tone="error">
        {errorText(error)}{' '}
        <Button size="sm" variant="ghost" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (!viewers) return <LoadingState label={t('viewers.loading')} />;
  if (viewers.length === 0) {
    return (
      <p className="muted viewers-empty" data-testid="viewers-empty">
        {term ? t('viewers.noMatch', { search: term }) : t('viewers.empty')}
      </p>
    );
  }
  return (
    <>
      {/* Keyboard users can scroll a table wider than a phone's screen. */}
      <div
        className="viewers-table-frame"
        role="region"
        aria-labelledby={captionId}
        aria-busy={fetching || undefined}
        tabIndex={0}
      >
        <table className="viewers-table" data-testid="viewers-table">
          <caption id={captionId} className="sr-only">
            {t('viewers.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('viewers.columns.viewer')}</th>
              <th scope="col">{t('viewers.columns.roles')}</th>
              <th scope="col">{t('viewers.columns.firstSeen')}</th>
              <th scope="col">{t('viewers.columns.lastSeen')}</th>
              {onPick ? <th scope="col">{t('viewers.columns.merge')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {viewers.map((viewer) => (
              <ViewerRow
                key={viewer.id}
                viewer={viewer}
                mergedInto={viewer.mergedIntoId ? known.get(viewer.mergedIntoId) : undefined}
                role={roleOf(selection, viewer.id)}
                onPick={onPick}
              />
            ))}
          </tbody>
        </table>
      </div>
      {viewers.length >= VIEWERS_PAGE_SIZE ? (
        <p className="muted">{t('viewers.limited', { size: VIEWERS_PAGE_SIZE })}</p>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
    </>
  );
}
