import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useMeetingPushes } from '../api/meeting-pushes';
import { useMeeting, useMeetingAction } from '../api/meetings.api';
import { phaseTone } from '../model/meeting-display';
import { liveMeetingPagePath, meetingCsvUrl, meetingsPagePath } from '../model/meeting-paths';
import { MeetingChatCard } from './meeting-chat-card';
import { MeetingDetailsCard } from './meeting-details-card';
import { QuestionsTransfer } from './questions-transfer';
import { QuestionsWorkspace } from './questions-workspace';
import './meetings.css';

export interface MeetingEditorProps {
  workspaceId: string;
  meetingId: string;
  /** Moderators and owners; viewers see everything read-only. */
  canEdit: boolean;
}

/** Prepare one meeting: its details, join code, questions, and the way to go live. */
export function MeetingEditor({ workspaceId, meetingId, canEdit }: MeetingEditorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const meeting = useMeeting(workspaceId, meetingId);
  useMeetingPushes(meetingId);
  const reset = useMeetingAction(workspaceId, 'reset');
  const [confirmingReset, setConfirmingReset] = useState(false);

  const back = (
    <Link className="link meeting-editor__back" to={meetingsPagePath(workspaceId)}>
      {t('meetings.back')}
    </Link>
  );

  if (meeting.isPending) return <LoadingState label={t('common.loading')} />;
  if (meeting.isError) {
    const missing = isApiError(meeting.error) && meeting.error.statusCode === 404;
    return (
      <Card>
        <Alert tone="error">{missing ? t('meetings.notFound') : errorText(meeting.error)}</Alert>
        {back}
      </Card>
    );
  }

  const data = meeting.data;
  return (
    <div className="meeting-editor" data-testid="meeting-editor" data-meeting-id={data.id}>
      {back}
      <header className="meeting-editor__header">
        <div className="meeting-editor__heading">
          <h1 className="page-header__title">{data.title}</h1>
          <Badge tone={phaseTone(data.phase)}>{t(`meetings.phases.${data.phase}`)}</Badge>
        </div>
        <div className="meeting-editor__actions">
          <Link
            className="btn btn--primary"
            to={liveMeetingPagePath(workspaceId, data.id)}
            data-testid="go-live"
          >
            {t('meetings.goLive')}
          </Link>
          <a
            className="btn btn--secondary btn--sm"
            href={meetingCsvUrl(workspaceId, data.id, 'results.csv')}
            download
            data-testid="results-csv"
          >
            {t('meetings.resultsCsv')}
          </a>
          <a
            className="btn btn--secondary btn--sm"
            href={meetingCsvUrl(workspaceId, data.id, 'scoreboard.csv')}
            download
            data-testid="scoreboard-csv"
          >
            {t('meetings.scoreboardCsv')}
          </a>
          {canEdit ? (
            <Button
              size="sm"
              variant="ghost"
              className="btn--danger-text"
              onClick={() => setConfirmingReset(true)}
              aria-haspopup="dialog"
              data-testid="reset-meeting"
            >
              {t('meetings.reset')}
            </Button>
          ) : null}
        </div>
      </header>
      {canEdit ? null : <Alert tone="info">{t('meetings.viewerNotice')}</Alert>}
      {reset.isSuccess ? <Alert tone="success">{t('meetings.resetDone')}</Alert> : null}

      <MeetingDetailsCard workspaceId={workspaceId} meeting={data} readOnly={!canEdit} />
      <MeetingChatCard key={data.id} workspaceId={workspaceId} meeting={data} readOnly={!canEdit} />
      <QuestionsTransfer workspaceId={workspaceId} meeting={data} readOnly={!canEdit} />
      <QuestionsWorkspace workspaceId={workspaceId} meeting={data} readOnly={!canEdit} />

      <ConfirmDialog
        open={confirmingReset}
        title={t('meetings.resetTitle')}
        description={t('meetings.resetBody')}
        confirmLabel={t('meetings.reset')}
        pending={reset.isPending}
        error={reset.error}
        onClose={() => {
          setConfirmingReset(false);
          if (reset.isError) reset.reset();
        }}
        onConfirm={() => reset.mutate(data.id, { onSuccess: () => setConfirmingReset(false) })}
        data-testid="reset-dialog"
      />
    </div>
  );
}
