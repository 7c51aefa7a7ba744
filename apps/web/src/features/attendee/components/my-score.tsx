import type { MyScoreDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';

/** The attendee's own total and rank, kept current by `attendee.score` pushes. */
export function MyScore({ me }: { me: MyScoreDto }) {
  const { t } = useTranslation();
  return (
    <p className="attendee-score" data-testid="my-score" data-total={me.total} data-rank={me.rank}>
      <span className="attendee-score__total">{t('attendee.score.points', { count: me.total })}</span>
      <span className="attendee-score__rank">
        {t('attendee.score.rank', { rank: me.rank, of: me.attendeeCount })}
      </span>
    </p>
  );
}
