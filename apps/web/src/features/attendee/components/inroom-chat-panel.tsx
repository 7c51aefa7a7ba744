import { type ApiErrorDto, INROOM_MESSAGE_MAX_LENGTH, type InroomChatMessageDto } from '@podium/contracts';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '@/shared/ui/button';
import {
  INROOM_CLIENT_ERRORS,
  INROOM_SILENCED,
  inroomChatStore,
  type InroomSend,
  useInroomChat,
} from '../model/inroom-chat.store';

export interface InroomChatProps {
  /** In the meeting and online. */
  canSend: boolean;
  send: InroomSend;
  /** Nicknames are unique in a meeting: the attendee's own lines are marked. */
  myNickname: string;
}

/** The page's in-room chat, fed by the attendee connection through `inroomChatStore`. */
export function InroomChat({ canSend, send, myNickname }: InroomChatProps) {
  const state = useInroomChat(
    useShallow((s) => ({
      messages: s.messages,
      draft: s.draft,
      sending: s.sending,
      error: s.error,
      open: s.open,
      unread: s.unread,
    })),
  );
  const actions = inroomChatStore.getState();
  return (
    <InroomChatPanel
      {...state}
      canSend={canSend}
      myNickname={myNickname}
      onDraft={actions.setDraft}
      onToggle={actions.setOpen}
      onSend={() => void inroomChatStore.getState().send(send)}
    />
  );
}

export interface InroomChatPanelProps {
  messages: readonly InroomChatMessageDto[];
  draft: string;
  sending: boolean;
  error: ApiErrorDto | null;
  open: boolean;
  unread: number;
  canSend: boolean;
  myNickname: string;
  onDraft: (draft: string) => void;
  onToggle: (open: boolean) => void;
  onSend: () => void;
}

/** The attendee's sentence for a refused `inroom.send`. */
export function useInroomErrorText(): (error: ApiErrorDto) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error.code === 'client.network_unreachable' || error.code === 'client.timeout') {
      return t('inroomChat.errors.offline');
    }
    if (error.code === INROOM_CLIENT_ERRORS.empty.code) return t('inroomChat.errors.empty');
    if (error.code === INROOM_CLIENT_ERRORS.tooLong.code) {
      return t('inroomChat.errors.tooLong', { max: INROOM_MESSAGE_MAX_LENGTH });
    }
    if (error.code === INROOM_CLIENT_ERRORS.removed.code) return t('inroomChat.errors.removed');
    if (error.code === INROOM_SILENCED) {
      return error.retryAfterSeconds === undefined
        ? t('inroomChat.errors.silencedForGood')
        : t('inroomChat.errors.silenced', { count: error.retryAfterSeconds });
    }
    if (error.statusCode === 429) return t('inroomChat.errors.tooFast');
    return error.message || t('inroomChat.errors.refused');
  };
}

/** The meeting's in-room chat: collapsible (phones keep the meeting first), with a send box. */
export function InroomChatPanel({
  messages,
  draft,
  sending,
  error,
  open,
  unread,
  canSend,
  myNickname,
  onDraft,
  onToggle,
  onSend,
}: InroomChatPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useInroomErrorText();
  const list = useRef<HTMLOListElement>(null);
  const left = INROOM_MESSAGE_MAX_LENGTH - draft.length;

  // The newest line stays in view, like any chat.
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages, open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <section className="card inroom-chat" aria-labelledby={`${id}-title`} data-testid="inroom-chat">
      <div className="inroom-chat__head">
        <h2 className="attendee-subtitle inroom-chat__title" id={`${id}-title`}>
          {t('inroomChat.title')}
        </h2>
        <button
          type="button"
          className="btn btn--ghost attendee-touch inroom-chat__toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => onToggle(!open)}
          data-testid="inroom-toggle"
        >
          {open ? t('inroomChat.hide') : t('inroomChat.show')}
          {!open && unread > 0 ? (
            <span className="inroom-chat__unread" data-testid="inroom-unread">
              {t('inroomChat.unread', { count: unread })}
            </span>
          ) : null}
        </button>
      </div>

      <div className="inroom-chat__body" id={`${id}-body`} hidden={!open}>
        {messages.length === 0 ? <p className="muted">{t('inroomChat.empty')}</p> : null}
        <ol
          ref={list}
          className="inroom-chat__list"
          role="log"
          aria-live="polite"
          aria-label={t('inroomChat.messagesLabel')}
          data-testid="inroom-messages"
        >
          {messages.map((message) => {
            const mine = !message.fromHost && message.displayName === myNickname;
            const classes = ['inroom-chat__line'];
            if (message.fromHost) classes.push('inroom-chat__line--host');
            if (mine) classes.push('inroom-chat__line--mine');
            return (
              <li key={message.id} className={classes.join(' ')} data-host={message.fromHost}>
                <span className="inroom-chat__name">
                  {message.displayName}
                  {message.fromHost ? (
                    <span className="inroom-chat__host">{t('inroomChat.host')}</span>
                  ) : null}
                  {mine ? <span className="inroom-chat__you"> ({t('inroomChat.you')})</span> : null}
                </span>
                <span className="sr-only">: </span>
                <span className="inroom-chat__text">{message.text}</span>
              </li>
            );
          })}
        </ol>

        <form className="inroom-chat__form" onSubmit={submit} noValidate>
          <label className="field__label" htmlFor={`${id}-input`}>
            {t('inroomChat.label')}
          </label>
          <div className="inroom-chat__row">
            <input
              id={`${id}-input`}
              className="input attendee-touch"
              name="text"
              value={draft}
              maxLength={INROOM_MESSAGE_MAX_LENGTH}
              autoComplete="off"
              enterKeyHint="send"
              disabled={!canSend}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-left ${id}-error` : `${id}-left`}
              onChange={(event) => onDraft(event.target.value)}
              data-testid="inroom-input"
            />
            <Button
              type="submit"
              variant="primary"
              className="attendee-touch"
              pending={sending}
              disabled={!canSend || draft.trim() === ''}
              data-testid="inroom-send"
            >
              {t('inroomChat.send')}
            </Button>
          </div>
          <p className="field__hint" id={`${id}-left`} data-testid="inroom-left">
            {t('inroomChat.charactersLeft', { count: left })}
          </p>
          {error ? (
            <p className="attendee-error" id={`${id}-error`} role="alert" data-testid="inroom-error">
              {errorText(error)}
            </p>
          ) : null}
        </form>
      </div>
    </section>
  );
}
