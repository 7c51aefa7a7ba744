import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useHistory } from '../api/points.api';

/** One viewer's ledger, newest first, with "older" paging. */
export function HistoryList({ workspaceId, viewerId }: { workspaceId: string; viewerId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const history = useHistory(workspaceId, viewerId);
  if (history.isPending) return <LoadingState label={t('common.loading')} />;
  if (history.isError) return <Alert tone="error">{errorText(history.error)}</Alert>;
  const entries = history.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p className="muted">{t('points.history.empty')}</p>;
  return (
    <>
      <table className="points-table" data-testid="points-history">
        <thead>
          <tr>
            <th scope="col">{t('points.history.when')}</th>
            <th scope="col">{t('points.history.reason')}</th>
            <th scope="col">{t('points.history.amount')}</th>
            <th scope="col">{t('points.history.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="points-history-entry">
              <td>{formatDate(entry.createdAt, i18n.language, true)}</td>
              <td>
                {t(`points.reasons.${entry.reason}`)}
                {entry.note ? <span className="muted"> · {entry.note}</span> : null}
              </td>
              <td className={entry.amount < 0 ? 'points-amount points-amount--minus' : 'points-amount'}>
                {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
              </td>
              <td>{entry.balanceAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.hasNextPage ? (
        <Button
          size="sm"
          variant="ghost"
          pending={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
          data-testid="points-history-older"
        >
          {t('points.history.older')}
        </Button>
      ) : null}
    </>
  );
}
