import type { BalanceDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { EmptyState } from '@/shared/ui/empty-state';
import { TextField } from '@/shared/ui/field';
import { useErrorText } from '@/shared/ui/form-error';
import { EyeIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { useBalances } from '../api/points.api';
import { BALANCE_SEARCH_MAX_LENGTH, balanceSearchTerm } from '../model/points-queries';
import { AdjustDialog } from './adjust-dialog';
import { HistoryList } from './history-list';
import type { PointsTabProps } from './points-tabs';

const SEARCH_DEBOUNCE_MS = 300;

/** Search viewers with their balances; adjust one by hand, read their history. */
export function PointsViewersTab({ workspaceId, canEdit, viewersHref }: PointsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const term = useDebouncedValue(balanceSearchTerm(text), SEARCH_DEBOUNCE_MS);
  const balances = useBalances(workspaceId, term);
  const [adjusting, setAdjusting] = useState<BalanceDto | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const rows = balances.data?.balances ?? [];
  return (
    <>
      <Card
        title={t('points.viewers.title')}
        description={t('points.viewers.mergeHint')}
        actions={
          <a className="btn btn--ghost btn--sm" href={viewersHref} data-testid="points-merge-link">
            {t('points.viewers.mergeLink')}
          </a>
        }
      >
        <TextField
          label={t('points.viewers.search')}
          name="search"
          type="search"
          value={text}
          maxLength={BALANCE_SEARCH_MAX_LENGTH}
          onChange={(event) => setText(event.currentTarget.value)}
          data-testid="points-viewer-search"
        />
        {balances.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {balances.isError ? <Alert tone="error">{errorText(balances.error)}</Alert> : null}
        {balances.data && rows.length === 0 ? (
          <EmptyState icon={<EyeIcon />} title={t('points.viewers.empty')} />
        ) : null}
        {rows.length > 0 ? (
          <ul className="row-list" data-testid="points-viewer-list">
            {rows.map((row) => (
              <li
                key={row.viewer.id}
                className="row-list__item points-viewer"
                data-testid="points-viewer-row"
              >
                <div className="points-viewer__main">
                  <strong>{row.viewer.displayName}</strong>{' '}
                  <Badge>{t(`bots.platforms.${row.viewer.platform}`)}</Badge>
                  {row.viewer.login ? <span className="muted"> @{row.viewer.login}</span> : null}
                </div>
                <span className="points-viewer__balance" data-testid="points-viewer-balance">
                  {t('points.balance', { count: row.balance, currency: row.currencyName })}
                </span>
                <div className="points-viewer__actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-expanded={open === row.viewer.id}
                    onClick={() => setOpen(open === row.viewer.id ? null : row.viewer.id)}
                    data-testid="points-history-toggle"
                  >
                    {t('points.viewers.history')}
                  </Button>
                  {canEdit ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-haspopup="dialog"
                      onClick={() => setAdjusting(row)}
                      data-testid="points-adjust-open"
                    >
                      {t('points.viewers.adjust')}
                    </Button>
                  ) : null}
                </div>
                {open === row.viewer.id ? (
                  <div className="points-viewer__history">
                    <HistoryList workspaceId={workspaceId} viewerId={row.viewer.id} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <AdjustDialog workspaceId={workspaceId} target={adjusting} onClose={() => setAdjusting(null)} />
    </>
  );
}
