import type { ConnectionDto, OutboxMessageDto } from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from './chat-line';

export interface OutboxListProps {
  messages: readonly OutboxMessageDto[];
  connections: readonly ConnectionDto[];
}

/** What happened to each message sent: waiting, sent, or dropped / failed with the reason. */
export function OutboxList({ messages, connections }: OutboxListProps) {
  const { t } = useTranslation();
  const id = useId();
  if (messages.length === 0) return null;
  const accountOf = (connectionId: string) =>
    connections.find((connection) => connection.id === connectionId)?.accountName ?? null;

  return (
    <section className="outbox" aria-labelledby={id}>
      <h3 className="outbox__title" id={id}>
        {t('chat.outbox.title')}
      </h3>
      <ul className="outbox__list" aria-live="polite" data-testid="outbox-list">
        {messages.map((message) => {
          const account = accountOf(message.connectionId);
          return (
            <li
              key={message.id}
              className={`outbox__item outbox__item--${message.status}`}
              data-testid="outbox-item"
              data-status={message.status}
            >
              <PlatformBadge platform={message.platform} />
              {account ? <span className="outbox__account">{account}</span> : null}
              <span className="outbox__text">{message.text}</span>
              <span className="outbox__status">
                {t(`chat.outbox.status.${message.status}`)}
                {message.detail ? <span className="outbox__detail">: {message.detail}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
