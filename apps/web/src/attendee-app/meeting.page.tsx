import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendeeMeeting } from '@/features/attendee/components/attendee-meeting';
import { JoinForm } from '@/features/attendee/components/join-form';
import { attendeePaths } from '@/features/attendee/model/attendee-paths';
import {
  browserStorage,
  loadAttendee,
  type StoredAttendee,
} from '@/features/attendee/model/attendee-session';
import { useRememberFlagParam } from '@/features/attendee/model/use-flag-param';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { navigate } from './attendee-location';

/** `/m/:meetingId` (public): the attendee's meeting page, or the join form when this phone has no token. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  useRememberFlagParam();
  const [attendee, setAttendee] = useState<StoredAttendee | null>(() =>
    loadAttendee(browserStorage(), meetingId),
  );
  const [refusedCode, setRefusedCode] = useState<string | null>(null);
  useDocumentTitle(attendee?.meetingTitle ?? t('attendee.join.title'));

  const onRefused = useCallback(() => {
    setRefusedCode(attendee?.joinCode ?? '');
    setAttendee(null);
  }, [attendee]);

  if (attendee) {
    return (
      <AttendeeMeeting
        key={attendee.token}
        attendee={attendee}
        onRefused={onRefused}
        joinHref={attendeePaths.join()}
      />
    );
  }
  return (
    <AuthLayout title={t('attendee.join.title')} subtitle={t('attendee.join.subtitle')}>
      <JoinForm
        initialCode={refusedCode ?? ''}
        notice={refusedCode !== null ? t('attendee.join.refused') : t('attendee.join.notJoined')}
        onJoined={(joined) => {
          if (joined.meetingId === meetingId) setAttendee(joined);
          else navigate(attendeePaths.meeting(joined.meetingId));
        }}
      />
    </AuthLayout>
  );
}
