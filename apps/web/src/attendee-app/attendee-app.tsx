import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { attendeeRoute, usePathname } from './attendee-location';
import { JoinPage } from './join.page';
import { MeetingPage } from './meeting.page';

/**
 * The attendee's phone (`/join`, `/join/:code`, `/m/:meetingId`): its own entry (attendee.html),
 * without the admin app's router and query cache. Links to the admin app are plain navigations.
 */
export function AttendeeApp() {
  const route = attendeeRoute(usePathname());
  if (!route) return <NotFoundPage />;
  // A new path is a new page: its own form state, stored attendee and connection.
  return route.page === 'join' ? (
    <JoinPage key={route.code} code={route.code} />
  ) : (
    <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <AuthLayout title={t('notFound.title')} subtitle={t('notFound.body')}>
      <a className="btn btn--primary" href="/">
        {t('notFound.home')}
      </a>
    </AuthLayout>
  );
}
