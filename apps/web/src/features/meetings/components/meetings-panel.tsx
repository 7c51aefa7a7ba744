import type { MeetingDto, MeetingSummaryDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { CopyIcon, PlusIcon, PresentationIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { useDeleteMeeting, useMeetingAction, useMeetings } from '../api/meetings.api';
import { phaseTone } from '../model/meeting-display';
import { meetingPagePath } from '../model/meeting-paths';
import { CreateMeetingDialog } from './create-meeting-dialog';
import './meetings.css';

export interface MeetingsPanelProps {
  workspaceId: string;
  /** Moderators and owners; viewers only look. */
  canEdit: boolean;
  onCreated: (meeting: MeetingDto) => void;
}

/** Every meeting of the workspace, newest first, with create, duplicate and delete. */
export function MeetingsPanel({ workspaceId, canEdit, onCreated }: MeetingsPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const meetings = useMeetings(workspaceId);
  const duplicate = useMeetingAction(workspaceId, 'duplicate');
  const remove = useDeleteMeeting(workspaceId);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<MeetingSummaryDto | null>(null);

  const newButton = canEdit ? (
    <Button
      variant="primary"
      icon={<PlusIcon />}
      onClick={() => setCreating(true)}
      aria-haspopup="dialog"
      data-testid="new-meeting"
    >
      {t('meetings.new')}
    </Button>
  ) : null;

  return (
    <>
      <Card title={t('meetings.listTitle')} actions={newButton}>
        {meetings.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {meetings.isError ? <Alert tone="error">{errorText(meetings.error)}</Alert> : null}
        {duplicate.isError ? <Alert tone="error">{errorText(duplicate.error)}</Alert> : null}
        {meetings.data?.length === 0 ? (
          <EmptyState icon={<PresentationIcon />} title={t('meetings.emptyTitle')}>
            <p className="muted">{canEdit ? t('meetings.emptyBody') : t('meetings.emptyViewer')}</p>
          </EmptyState>
        ) : null}
        {meetings.data && meetings.data.length > 0 ? (
          <ul className="row-list" data-testid="meeting-list">
            {meetings.data.map((meeting) => (
              <li key={meeting.id} className="row-list__item meeting-row" data-testid="meeting-item">
                <div className="meeting-row__main">
                  <Link
                    className="row-list__title meeting-row__title"
                    to={meetingPagePath(workspaceId, meeting.id)}
                  >
                    {meeting.title}
                  </Link>
                  <p className="row-list__meta meeting-row__meta">
                    <Badge tone={phaseTone(meeting.phase)}>{t(`meetings.phases.${meeting.phase}`)}</Badge>
                    <span>{t(`meetings.kinds.${meeting.kind}`)}</span>
                    <span>{t('meetings.questionCount', { count: meeting.questionCount })}</span>
                    <span>
                      {t('meetings.codeLabel')}{' '}
                      <code className="join-code join-code--inline" data-testid="meeting-join-code">
                        {meeting.joinCode}
                      </code>
                    </span>
                  </p>
                </div>
                <div className="meeting-row__actions">
                  <Link className="btn btn--secondary btn--sm" to={meetingPagePath(workspaceId, meeting.id)}>
                    {canEdit ? t('meetings.edit') : t('meetings.open')}
                  </Link>
                  {canEdit ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon={<CopyIcon />}
                        pending={duplicate.isPending && duplicate.variables === meeting.id}
                        onClick={() => duplicate.mutate(meeting.id)}
                        aria-label={t('meetings.duplicateLabel', { title: meeting.title })}
                        data-testid="duplicate-meeting"
                      >
                        <span className="collapsible-label">{t('meetings.duplicate')}</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="btn--danger-text"
                        icon={<TrashIcon />}
                        onClick={() => setDeleting(meeting)}
                        aria-label={t('meetings.deleteLabel', { title: meeting.title })}
                        aria-haspopup="dialog"
                        data-testid="delete-meeting"
                      >
                        <span className="collapsible-label">{t('meetings.delete')}</span>
                      </Button>
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      {canEdit ? (
        <CreateMeetingDialog
          workspaceId={workspaceId}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(meeting) => {
            setCreating(false);
            onCreated(meeting);
          }}
        />
      ) : null}

      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('meetings.deleteTitle', { title: deleting?.title ?? '' })}
        description={t('meetings.deleteBody')}
        confirmLabel={t('meetings.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-meeting-dialog"
      />
    </>
  );
}
