import { useTranslation } from 'react-i18next';
import { JoinForm } from '@/features/attendee/components/join-form';
import { attendeePaths } from '@/features/attendee/model/attendee-paths';
import { useRememberFlagParam } from '@/features/attendee/model/use-flag-param';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { navigate } from './attendee-location';

/** `/join` and `/join/:code` (public): the attendee enters the code on the screen and a nickname. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  useRememberFlagParam();
  useDocumentTitle(t('attendee.join.title'));

  return (
    <AuthLayout title={t('attendee.join.title')} subtitle={t('attendee.join.subtitle')}>
      <JoinForm
        initialCode={code}
        onJoined={(attendee) => navigate(attendeePaths.meeting(attendee.meetingId))}
      />
    </AuthLayout>
  );
}
