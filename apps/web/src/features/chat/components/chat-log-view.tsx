import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import type { ChatLogState } from '../model/chat-log.store';
import type { ChatLogActions } from '../socket/use-chat-log';
import { ChatLogItem } from './chat-line';

/** How close to the bottom still counts as "at the bottom" (a line of slack for rounding). */
const BOTTOM_SLACK_PX = 32;

/** What the view shows of the log store (the page subscribes and passes it down). */
export type ChatLogSnapshot = Pick<
  ChatLogState,
  'events' | 'status' | 'error' | 'hasEarlier' | 'loadingEarlier' | 'following' | 'unseen'
>;

export interface ChatLogViewProps {
  log: ChatLogSnapshot;
  actions: ChatLogActions;
  filtered: boolean;
}

/**
 * The scrolling log. It follows new events while the reader is at the bottom; scrolling up pauses
 * that and counts what arrives ("n new events" brings them back). Paging back keeps the lines on
 * screen where they were.
 */
export function ChatLogView({ log, actions, filtered }: ChatLogViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { events, status, error, hasEarlier, loadingEarlier, following, unseen } = log;
  const scroller = useRef<HTMLDivElement>(null);
  // Set just before older events are added on top, to keep the reader's place.
  const anchor = useRef<{ height: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (anchor.current) {
      element.scrollTop = anchor.current.top + (element.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (following) {
      element.scrollTop = element.scrollHeight;
    }
  }, [events, following]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    if (atBottom !== following) actions.follow(atBottom);
  };

  const loadEarlier = () => {
    const element = scroller.current;
    if (element) anchor.current = { height: element.scrollHeight, top: element.scrollTop };
    actions.loadEarlier();
  };

  return (
    <div className="chat-log-frame">
      {status === 'error' ? (
        <Alert tone="error">
          {errorText(error)}{' '}
          <Button size="sm" variant="ghost" onClick={actions.retry}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : null}
      <div
        ref={scroller}
        className="chat-log"
        onScroll={onScroll}
        role="log"
        aria-label={t('chat.log.label')}
        aria-busy={status === 'loading' || undefined}
        // Focusable, so keyboard readers can scroll it.
        tabIndex={0}
        data-testid="chat-log"
        data-following={following}
      >
        {hasEarlier ? (
          <div className="chat-log__earlier">
            <Button size="sm" pending={loadingEarlier} onClick={loadEarlier} data-testid="load-earlier">
              {loadingEarlier ? t('chat.log.loadingEarlier') : t('chat.log.loadEarlier')}
            </Button>
          </div>
        ) : events.length > 0 ? (
          <p className="chat-log__start">{t('chat.log.start')}</p>
        ) : null}
        {events.length === 0 && status === 'loading' ? <LoadingState label={t('common.loading')} /> : null}
        {events.length === 0 && status === 'ready' ? (
          <p className="muted chat-log__empty">
            {filtered ? t('chat.log.emptyFiltered') : t('chat.log.empty')}
          </p>
        ) : null}
        <ol className="chat-log__list">
          {events.map((event) => (
            <ChatLogItem key={event.id} event={event} />
          ))}
        </ol>
      </div>
      {!following ? (
        <div className="chat-log__paused">
          <span className="chat-log__paused-text">{t('chat.log.paused')}</span>
          {unseen > 0 ? (
            <Button size="sm" variant="primary" onClick={() => actions.follow(true)} data-testid="new-events">
              {t('chat.log.newEvents', { count: unseen })}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
