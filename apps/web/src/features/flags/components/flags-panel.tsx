import type { FlagDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { FlagIcon, PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { useDeleteFlag, useFlags } from '../api/flags.api';
import { FlagFormDialog, type MeetingOption } from './flag-form-dialog';
import { FlagQrDialog } from './flag-qr-dialog';
import './flags.css';

export interface FlagsPanelProps {
  workspaceId: string;
  /** For the scope of a flag (one meeting or all of them); the page passes the workspace's meetings. */
  meetings: readonly MeetingOption[];
}

type Editing = { flag: FlagDto | null } | null;

/** Flags: codes hidden in the room (or the stream) that attendees capture for points. */
export function FlagsPanel({ workspaceId, meetings }: FlagsPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const flags = useFlags(workspaceId);
  const remove = useDeleteFlag(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<FlagDto | null>(null);
  const [showing, setShowing] = useState<FlagDto | null>(null);

  const scopeOf = (flag: FlagDto): string => {
    if (flag.meetingId === null) return t('flags.allMeetings');
    const meeting = meetings.find((candidate) => candidate.id === flag.meetingId);
    return meeting ? t('flags.onlyIn', { title: meeting.title }) : t('flags.oneMeeting');
  };

  return (
    <>
      <Card
        title={t('flags.listTitle')}
        actions={
          <Button
            variant="primary"
            icon={<PlusIcon />}
            onClick={() => setEditing({ flag: null })}
            aria-haspopup="dialog"
            data-testid="new-flag"
          >
            {t('flags.new')}
          </Button>
        }
      >
        {flags.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {flags.isError ? <Alert tone="error">{errorText(flags.error)}</Alert> : null}
        {flags.data?.length === 0 ? (
          <EmptyState icon={<FlagIcon />} title={t('flags.emptyTitle')}>
            <p className="muted">{t('flags.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {flags.data && flags.data.length > 0 ? (
          <ul className="row-list" data-testid="flag-list">
            {flags.data.map((flag) => (
              <li key={flag.id} className="row-list__item flag-row" data-testid="flag-item">
                <div className="flag-row__main">
                  <p className="row-list__title">{flag.name}</p>
                  <p className="row-list__meta flag-row__meta">
                    <code className="flag-row__code" data-testid="flag-code">
                      {flag.code}
                    </code>
                    <Badge tone="accent">{t('flags.pointsValue', { count: flag.points })}</Badge>
                    <span>{scopeOf(flag)}</span>
                    <span>{t('flags.captures', { count: flag.captures })}</span>
                  </p>
                </div>
                <div className="flag-row__actions">
                  <Button
                    size="sm"
                    onClick={() => setShowing(flag)}
                    aria-haspopup="dialog"
                    aria-label={t('flags.qrFor', { name: flag.name })}
                    data-testid="show-flag-qr"
                  >
                    {t('flags.qr')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setEditing({ flag })}
                    aria-haspopup="dialog"
                    aria-label={t('flags.editLabel', { name: flag.name })}
                    data-testid="edit-flag"
                  >
                    {t('flags.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="btn--danger-text"
                    icon={<TrashIcon />}
                    onClick={() => setDeleting(flag)}
                    aria-haspopup="dialog"
                    aria-label={t('flags.deleteLabel', { name: flag.name })}
                    data-testid="delete-flag"
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <FlagFormDialog
        workspaceId={workspaceId}
        flag={editing?.flag ?? null}
        open={editing !== null}
        meetings={meetings}
        onClose={() => setEditing(null)}
      />
      <FlagQrDialog flag={showing} scope={showing ? scopeOf(showing) : ''} onClose={() => setShowing(null)} />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('flags.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('flags.deleteBody')}
        confirmLabel={t('flags.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-flag-dialog"
      />
    </>
  );
}
