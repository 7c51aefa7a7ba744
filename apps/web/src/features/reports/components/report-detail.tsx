import type { MeetingReportDto, ReportDto, StreamReportDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { LoadingState } from '@/shared/ui/spinner';
import { reportDownloadUrl, useRecomputeReport, useReport } from '../api/reports.api';
import { formatDuration, percent } from '../model/charts';
import { BarChart, LineChart, RateBar } from './report-charts';

/** One report: its numbers, its charts, the downloads and (moderators) recompute. */
export function ReportDetail({
  workspaceId,
  reportId,
  canRecompute,
  onBack,
}: {
  workspaceId: string;
  reportId: string;
  canRecompute: boolean;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const report = useReport(workspaceId, reportId);
  const recompute = useRecomputeReport(workspaceId);
  const [notice, setNotice] = useState<string | null>(null);

  const back = (
    <Button size="sm" variant="ghost" onClick={onBack} data-testid="report-back">
      ← {t('reports.back')}
    </Button>
  );
  if (report.isPending) return <LoadingState label={t('common.loading')} />;
  if (report.error) {
    return (
      <div className="stack">
        {back}
        <Alert tone="error">{t('reports.notFound')}</Alert>
      </div>
    );
  }
  const data = report.data;
  const when = (iso: string) => formatDate(iso, i18n.language, true);
  return (
    <div className="stack reports-detail" data-testid="report-detail">
      {back}
      <Card
        title={
          <>
            <Badge tone="accent">{t(`reports.kind.${data.kind}`)}</Badge> {data.title}
          </>
        }
        description={`${t('reports.span', {
          start: when(data.startedAt),
          end: when(data.endedAt),
          duration: formatDuration(data.durationSeconds),
        })} · ${t('reports.computedAt', { date: when(data.computedAt) })}`}
        actions={
          <div className="reports-actions">
            <a
              className="btn btn--secondary btn--sm"
              href={reportDownloadUrl(workspaceId, data.id, 'csv')}
              download
            >
              {t('reports.downloadCsv')}
            </a>
            <a
              className="btn btn--secondary btn--sm"
              href={reportDownloadUrl(workspaceId, data.id, 'json')}
              download
            >
              {t('reports.downloadJson')}
            </a>
            {canRecompute ? (
              <Button
                size="sm"
                pending={recompute.isPending}
                onClick={() =>
                  recompute.mutate(data.id, {
                    onSuccess: () => setNotice(t('reports.recomputed')),
                    onError: (error) => setNotice(t('reports.recomputeFailed', { message: error.message })),
                  })
                }
              >
                {t('reports.recompute')}
              </Button>
            ) : null}
          </div>
        }
      >
        {notice ? <Alert tone="info">{notice}</Alert> : null}
      </Card>
      <ReportBody report={data} />
    </div>
  );
}

function ReportBody({ report }: { report: ReportDto }) {
  return report.kind === 'stream' ? <StreamReport report={report} /> : <MeetingReport report={report} />;
}

function StreamReport({ report }: { report: StreamReportDto }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { timeStyle: 'short' });
  const totals = report.totals;
  const tiles: [string, string][] = [
    ['chatMessages', number(totals.chatMessages)],
    ['uniqueChatters', number(totals.uniqueChatters)],
    ['follows', number(totals.follows)],
    ['subscriptions', number(totals.subscriptions)],
    ['giftedSubscriptions', number(totals.giftedSubscriptions)],
    ['bits', number(totals.bits)],
    ['raids', number(totals.raids)],
    ['raidViewers', number(totals.raidViewers)],
    [
      'donations',
      [number(totals.donations), ...Object.entries(totals.donationAmounts).map(([c, a]) => `${a} ${c}`)].join(
        ' · ',
      ),
    ],
    ['redemptions', number(totals.redemptions)],
    ['pointsGiven', number(totals.pointsGiven)],
    ['pointsSpent', number(totals.pointsSpent)],
  ];
  const messages = report.activity.map((bucket) => bucket.messages);
  const total = messages.reduce((sum, value) => sum + value, 0);
  return (
    <>
      <Card title={t('reports.stream.totals')} level={2}>
        <dl className="reports-tiles" data-testid="report-totals">
          {tiles.map(([key, value]) => (
            <div key={key} className="reports-tile" data-testid={`report-total-${key}`}>
              <dt>{t(`reports.stream.${key}` as 'reports.stream.bits')}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t('reports.stream.viewers')} level={2}>
        {report.viewers.length > 0 ? (
          <>
            <p className="muted">
              {t('reports.stream.peak', {
                peak: report.peakViewers ?? 0,
                average: report.averageViewers ?? 0,
              })}
            </p>
            <LineChart
              values={report.viewers.map((sample) => sample.viewers)}
              label={t('reports.chart.viewersLabel', {
                start: time(report.viewers[0]?.at ?? report.startedAt),
                end: time(report.viewers.at(-1)?.at ?? report.endedAt),
                peak: report.peakViewers ?? 0,
              })}
              testId="report-viewers-chart"
            />
          </>
        ) : (
          <p className="muted" data-testid="report-no-viewers">
            {t('reports.stream.noViewers', { note: report.viewerSource.note })}
          </p>
        )}
      </Card>
      <Card title={t('reports.stream.activity')} level={2}>
        {total > 0 ? (
          <BarChart
            values={messages}
            label={t('reports.chart.activityLabel', {
              start: time(report.startedAt),
              end: time(report.endedAt),
              total,
            })}
            testId="report-activity-chart"
          />
        ) : (
          <p className="muted">{t('reports.stream.noActivity')}</p>
        )}
      </Card>
    </>
  );
}

function MeetingReport({ report }: { report: MeetingReportDto }) {
  const { t } = useTranslation();
  const pct = (rate: number | null) => {
    const value = percent(rate);
    return value === null ? t('reports.meeting.notScored') : `${value} %`;
  };
  return (
    <>
      <Card title={t('reports.meeting.attendance')} level={2}>
        <dl className="reports-tiles" data-testid="report-attendance">
          <div className="reports-tile">
            <dt>{t('reports.meeting.attendees')}</dt>
            <dd>{report.attendance.attendees}</dd>
          </div>
          <div className="reports-tile">
            <dt>{t('reports.meeting.participants')}</dt>
            <dd>{report.attendance.participants}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('reports.meeting.questions')} level={2}>
        {report.questions.length === 0 ? (
          <p className="muted">{t('reports.meeting.noQuestions')}</p>
        ) : (
          <table className="reports-table" data-testid="report-questions">
            <thead>
              <tr>
                <th scope="col">{t('reports.meeting.question')}</th>
                <th scope="col">{t('reports.meeting.answers')}</th>
                <th scope="col">{t('reports.meeting.participation')}</th>
                <th scope="col">{t('reports.meeting.correct')}</th>
              </tr>
            </thead>
            <tbody>
              {report.questions.map((question) => (
                <tr key={question.questionId}>
                  <th scope="row">
                    {question.position + 1}. {question.title}
                  </th>
                  <td>{question.answers}</td>
                  <td>
                    <span>{pct(question.participationRate)}</span>
                    <RateBar rate={question.participationRate} label={pct(question.participationRate)} />
                  </td>
                  <td>
                    <span>{pct(question.correctRate)}</span>
                    <RateBar rate={question.correctRate} label={pct(question.correctRate)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
