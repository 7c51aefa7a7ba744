import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { JoinForm } from '@/features/attendee/components/join-form';
import { attendeePaths } from '@/features/attendee/model/attendee-paths';
import { useRememberFlagParam } from '@/features/attendee/model/use-flag-param';
import { AuthLayout } from '../layout/auth-layout';
import { useDocumentTitle } from '../navigation';

/** `/join` and `/join/:code` (public): the attendee enters the code on the screen and a nickname. */
export function JoinRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  useRememberFlagParam();
  useDocumentTitle(t('attendee.join.title'));

  return (
    <AuthLayout title={t('attendee.join.title')} subtitle={t('attendee.join.subtitle')}>
      <JoinForm
        key={code}
        initialCode={code}
        onJoined={(attendee) => void navigate(attendeePaths.meeting(attendee.meetingId))}
      />
    </AuthLayout>
  );
}
