import type { ReportKind } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { RowList, RowListItem } from '@/shared/ui/row-list';
import { LoadingState } from '@/shared/ui/spinner';
import { useReports } from '../api/reports.api';
import { formatDuration } from '../model/charts';
import { ReportDetail } from './report-detail';
import './reports.css';

const FILTERS: (ReportKind | null)[] = [null, 'stream', 'meeting'];

/**
 * The workspace's reports, newest first, filtered by kind; `reportId` (from the route) opens one.
 * Navigation is the route's business: `onOpen(null)` goes back to the list.
 */
export function ReportsPage({
  workspaceId,
  reportId,
  canRecompute,
  onOpen,
}: {
  workspaceId: string;
  reportId: string | null;
  canRecompute: boolean;
  onOpen: (reportId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ReportKind | null>(null);
  const reports = useReports(workspaceId, kind);

  if (reportId) {
    return (
      <ReportDetail
        key={reportId}
        workspaceId={workspaceId}
        reportId={reportId}
        canRecompute={canRecompute}
        onBack={() => onOpen(null)}
      />
    );
  }
  return (
    <Card
      title={t('reports.title')}
      actions={
        <div className="reports-actions" role="group" aria-label={t('reports.filter.label')}>
          {FILTERS.map((filter) => (
            <Button
              key={filter ?? 'all'}
              size="sm"
              variant={filter === kind ? 'primary' : 'ghost'}
              aria-pressed={filter === kind}
              onClick={() => setKind(filter)}
              data-testid={`reports-filter-${filter ?? 'all'}`}
            >
              {t(`reports.filter.${filter ?? 'all'}`)}
            </Button>
          ))}
        </div>
      }
    >
      {reports.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {reports.error ? <Alert tone="error">{t('reports.loadFailed')}</Alert> : null}
      <RowList items={reports.data?.reports} empty={t('reports.empty')} testId="reports-list">
        {(report) => (
          <RowListItem
            key={report.id}
            title={
              <>
                <Badge tone={report.kind === 'stream' ? 'accent' : 'neutral'}>
                  {t(`reports.kind.${report.kind}`)}
                </Badge>{' '}
                {report.title}
              </>
            }
            meta={`${t('reports.listMeta', {
              date: formatDate(report.startedAt, i18n.language, true),
              duration: formatDuration(report.durationSeconds),
            })} · ${t(`reports.headline.${report.kind}`, { count: report.headline })}`}
            action={
              <Button size="sm" onClick={() => onOpen(report.id)} data-testid={`report-open-${report.id}`}>
                {t('reports.open')}
              </Button>
            }
          />
        )}
      </RowList>
    </Card>
  );
}
