import { type MemberDto, type Role, roleAtLeast, ROLES } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Dialog } from '@/shared/ui/dialog';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useChangeRole, useMembers, useRemoveMember } from '../api/members.api';

export interface MembersPanelProps {
  workspaceId: string;
  myUserId: string;
  myRole: Role;
  /** Called after the caller left the workspace. */
  onLeft: () => void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

export function MembersPanel({ workspaceId, myUserId, myRole, onLeft }: MembersPanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const members = useMembers(workspaceId);
  const changeRole = useChangeRole(workspaceId, myUserId);
  const remove = useRemoveMember(workspaceId, myUserId);
  const [confirming, setConfirming] = useState<MemberDto | null>(null);
  const isOwner = roleAtLeast(myRole, 'owner');
  const leaving = confirming?.userId === myUserId;

  const confirmRemoval = () => {
    if (!confirming || remove.isPending) return;
    remove.mutate(confirming.userId, {
      onSuccess: () => {
        setConfirming(null);
        if (leaving) onLeft();
      },
    });
  };

  return (
    <Card title={t('members.listLabel')}>
      {members.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {members.isError ? (
        <Alert tone="error">
          {errorText(members.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void members.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : null}
      {changeRole.isError ? <Alert tone="error">{errorText(changeRole.error)}</Alert> : null}
      {members.data ? (
        <ul className="member-list" aria-label={t('members.listLabel')} data-testid="member-list">
          {members.data.map((member) => {
            const isMe = member.userId === myUserId;
            const updating = changeRole.isPending && changeRole.variables?.userId === member.userId;
            return (
              <li key={member.userId} className="member-list__item" data-testid="member-row">
                <span className="avatar" aria-hidden="true">
                  {initials(member.displayName)}
                </span>
                <div className="member-list__who">
                  <p className="member-list__name">
                    {member.displayName}
                    {isMe ? <span className="muted"> ({t('common.you')})</span> : null}
                  </p>
                  <p className="member-list__meta">
                    <span className="member-list__email">{member.email}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{t('members.joined', { date: formatDate(member.joinedAt, i18n.language) })}</span>
                  </p>
                </div>
                <div className="member-list__controls">
                  {isOwner && !isMe ? (
                    <>
                      <label className="sr-only" htmlFor={`role-${member.userId}`}>
                        {t('members.roleFor', { name: member.displayName })}
                      </label>
                      <select
                        id={`role-${member.userId}`}
                        name="role"
                        className="select select--compact"
                        value={member.role}
                        disabled={updating}
                        aria-busy={updating || undefined}
                        onChange={(event) => {
                          const role = ROLES.find((r) => r === event.target.value);
                          if (role && role !== member.role)
                            changeRole.mutate({ userId: member.userId, role });
                        }}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </>
                  ) : (
                    <Badge tone={member.role === 'owner' ? 'accent' : 'neutral'}>
                      {t(`roles.${member.role}`)}
                    </Badge>
                  )}
                  {isMe ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setConfirming(member)}
                      data-testid="leave-workspace"
                    >
                      {t('members.leave')}
                    </Button>
                  ) : isOwner ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="btn--danger-text"
                      onClick={() => setConfirming(member)}
                      aria-label={`${t('members.remove')} ${member.displayName}`}
                    >
                      {t('members.remove')}
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      <Dialog
        open={confirming !== null}
        onClose={() => {
          setConfirming(null);
          remove.reset();
        }}
        title={
          leaving
            ? t('members.leaveTitle')
            : t('members.removeTitle', { name: confirming?.displayName ?? '' })
        }
        description={
          leaving ? t('members.leaveBody') : t('members.removeBody', { name: confirming?.displayName ?? '' })
        }
        closeLabel={t('common.close')}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={confirmRemoval}>
              {leaving ? t('members.leave') : t('members.remove')}
            </Button>
          </>
        }
      >
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
      </Dialog>
    </Card>
  );
}
