import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaView } from '../model/connection-view';
import { relativeTime } from '../model/relative-time';

/** YouTube's daily API units: a meter, the numbers, and what happens near the budget. */
export function QuotaMeter({ quota, now }: { quota: QuotaView; now: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const text = t('connections.quota.meter', {
    used: number.format(quota.used),
    budget: number.format(quota.budget),
  });
  return (
    <div className={`conn-quota conn-quota--${quota.level}`} data-testid="quota" data-level={quota.level}>
      <label className="conn-quota__label" htmlFor={id}>
        {t('connections.quota.title')}
      </label>
      <meter
        id={id}
        className="conn-quota__meter"
        min={0}
        max={quota.budget}
        low={quota.budget * 0.8}
        high={quota.budget * 0.95}
        optimum={0}
        value={Math.min(quota.used, quota.budget)}
        aria-valuetext={text}
      >
        {text}
      </meter>
      <p className="conn-quota__numbers">
        {text}
        <span aria-hidden="true"> · </span>
        {t('connections.quota.resets', { when: relativeTime(quota.resetsAt, now, i18n.language) })}
      </p>
      {quota.level === 'ok' ? null : (
        <p className="conn-quota__warning">{t(`connections.quota.${quota.level}`)}</p>
      )}
    </div>
  );
}
