import type { ChatEvent, Platform } from '@podium/contracts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime, fullTime } from '../model/chat-time';
import { formatMoney, isMarker, markerSummary, type MarkerKind } from '../model/event-summary';
import { ChatFragments } from './chat-fragments';

/** The platform as a short coloured label; the name is always written out. */
export function PlatformBadge({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <span className={`chat-platform chat-platform--${platform}`} data-platform={platform}>
      {t(`platforms.${platform}`)}
    </span>
  );
}

function EventTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return (
    <time className="chat-item__time" dateTime={iso} title={fullTime(iso, i18n.language)}>
      {clockTime(iso, i18n.language)}
    </time>
  );
}

/**
 * One entry of the log: a chat line for messages, a marker for everything else. Memoized: events
 * never change once recorded, so a new line renders alone, not the whole list again.
 */
export const ChatLogItem = memo(function ChatLogItem({ event }: { event: ChatEvent }) {
  return isMarker(event) ? <ChatMarker event={event} /> : <ChatLine event={event} />;
});

export function ChatLine({ event }: { event: ChatEvent }) {
  const { t } = useTranslation();
  const viewer = event.viewer;
  return (
    <li className="chat-item chat-line" data-testid="chat-line" data-kind="message" data-id={event.id}>
      <EventTime iso={event.occurredAt} />
      <PlatformBadge platform={event.platform} />
      <span className="chat-line__body">
        {viewer?.roles.map((role) => (
          <span key={role} className={`chat-role chat-role--${role}`}>
            {t(`chat.roles.${role}`)}
          </span>
        ))}
        <span className="chat-line__name">{viewer?.displayName ?? t('chat.marker.someone')}</span>
        <span className="chat-line__colon" aria-hidden="true">
          :{' '}
        </span>
        <span className="chat-line__text">
          <ChatFragments fragments={event.fragments} text={event.text} />
        </span>
      </span>
    </li>
  );
}

const ICONS: Record<MarkerKind, string> = {
  follow: '♥',
  subscription: '★',
  gift: '🎁',
  cheer: '💎',
  raid: '🚀',
  donation: '💰',
  redemption: '🎯',
  join: '→',
  part: '←',
  rename: '✎',
  stream_online: '●',
  stream_offline: '■',
  stream_updated: 'ℹ',
};

/** Follows, subs, gifts, cheers, raids, donations, redemptions, stream changes: icon and one line. */
export function ChatMarker({ event }: { event: ChatEvent & { kind: MarkerKind } }) {
  const { t, i18n } = useTranslation();
  const summary = markerSummary(event);
  const name = summary.name ?? t('chat.marker.someone');
  const sentence = t(`chat.marker.${summary.key}`, {
    name,
    count: summary.count ?? 0,
    amount: summary.money ? formatMoney(summary.money, i18n.language) : '',
    reward: summary.reward ?? t('chat.marker.aReward'),
    points: summary.points ?? 0,
    previous: summary.previous ?? '',
    title: summary.title ?? '',
  });
  const tier = summary.tier;
  return (
    <li
      className={`chat-item chat-marker chat-marker--${event.kind}`}
      data-testid="chat-marker"
      data-kind={event.kind}
      data-id={event.id}
    >
      <EventTime iso={event.occurredAt} />
      <PlatformBadge platform={event.platform} />
      <span className="chat-marker__body">
        <span className="chat-marker__icon" aria-hidden="true">
          {ICONS[event.kind]}
        </span>
        <span className="chat-marker__summary">{sentence}</span>
        {tier ? <span className="chat-marker__tier">{t('chat.marker.tier', { tier })}</span> : null}
        {event.text ? (
          <span className="chat-marker__text">
            <ChatFragments fragments={event.fragments} text={event.text} />
          </span>
        ) : null}
      </span>
    </li>
  );
}
