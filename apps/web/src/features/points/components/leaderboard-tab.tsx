import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Card } from '@/shared/ui/card';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { EyeIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { useLeaderboard } from '../api/points.api';
import type { PointsTabProps } from './points-tabs';

/** The top balances of the workspace. */
export function LeaderboardTab({ workspaceId }: PointsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const board = useLeaderboard(workspaceId);
  return (
    <Card title={t('points.leaderboard.title')}>
      {board.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {board.isError ? <Alert tone="error">{errorText(board.error)}</Alert> : null}
      {board.data && board.data.entries.length === 0 ? (
        <EmptyState icon={<EyeIcon />} title={t('points.leaderboard.empty')} />
      ) : null}
      {board.data && board.data.entries.length > 0 ? (
        <table className="points-table" data-testid="points-leaderboard">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('points.leaderboard.viewer')}</th>
              <th scope="col">{board.data.currencyName}</th>
            </tr>
          </thead>
          <tbody>
            {board.data.entries.map((entry) => (
              <tr key={entry.viewer.id} data-testid="points-leaderboard-row">
                <td>{entry.rank}</td>
                <td>
                  {entry.viewer.displayName}{' '}
                  <span className="muted">{t(`bots.platforms.${entry.viewer.platform}`)}</span>
                </td>
                <td>{entry.balance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
