import { CHAT_SEND_MAX_LENGTH, type ConnectionDto } from '@podium/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Button } from '@/shared/ui/button';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { useSendChatMessage } from '../api/chat.api';
import { type ComposerProblem, composeRequest, keepExisting, type TargetMode } from '../model/composer';
import type { OutboxStore } from '../model/outbox.store';
import { OutboxList } from './outbox-list';

const FIELDS = ['text', 'connectionIds'] as const;

export interface ChatComposerProps {
  workspaceId: string;
  connections: readonly ConnectionDto[];
  outbox: OutboxStore;
}

/** "Send as the bot": to every connection or to the chosen ones, then each message's fate. */
export function ChatComposer({ workspaceId, connections, outbox }: ChatComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const send = useSendChatMessage(workspaceId);
  const messages = useStore(outbox, (s) => s.messages);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<TargetMode>('all');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<ComposerProblem | null>(null);
  const errors = useFieldErrors(send.error, FIELDS);
  const chosen = keepExisting(
    picked,
    connections.map((connection) => connection.id),
  );
  const left = CHAT_SEND_MAX_LENGTH - text.length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const composed = composeRequest(text, mode, chosen);
    if ('problem' in composed) {
      setProblem(composed.problem);
      return;
    }
    setProblem(null);
    send.mutate(composed.request, {
      onSuccess: ({ queued }) => {
        outbox.getState().upsert(queued);
        setText('');
      },
    });
  };

  const toggle = (connectionId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(connectionId);
    else next.delete(connectionId);
    setPicked(next);
    setProblem(null);
  };

  const problemText =
    problem === 'noTarget'
      ? t('chat.composer.chooseOne')
      : problem === 'empty'
        ? t('chat.composer.empty')
        : problem === 'tooLong'
          ? t('chat.composer.tooLong', { max: CHAT_SEND_MAX_LENGTH })
          : undefined;

  return (
    <section className="card chat-composer" aria-labelledby={`${id}-title`} data-testid="chat-composer">
      <h2 className="card__title" id={`${id}-title`}>
        {t('chat.composer.title')}
      </h2>
      {connections.length === 0 ? <p className="muted">{t('chat.composer.noConnections')}</p> : null}
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={send.error} fields={FIELDS} />
        <TextAreaField
          label={t('chat.composer.text')}
          name="text"
          rows={3}
          value={text}
          maxLength={CHAT_SEND_MAX_LENGTH}
          onChange={(event) => {
            setText(event.target.value);
            if (problem === 'empty' || problem === 'tooLong') setProblem(null);
          }}
          hint={t('chat.composer.charactersLeft', { count: left })}
          error={problem === 'empty' || problem === 'tooLong' ? problemText : errors['text']}
          data-testid="composer-text"
        />
        <fieldset className="chat-composer__targets">
          <legend className="field__label">{t('chat.composer.targets')}</legend>
          <label className="chat-composer__choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'all'}
              onChange={() => {
                setMode('all');
                setProblem(null);
              }}
              data-testid="target-all"
            />
            {t('chat.composer.allConnections')}
          </label>
          <label className="chat-composer__choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'chosen'}
              onChange={() => setMode('chosen')}
              data-testid="target-chosen"
            />
            {t('chat.composer.chosenConnections')}
          </label>
          {mode === 'chosen' ? (
            <ul
              className="chat-composer__connections"
              aria-describedby={problem === 'noTarget' ? `${id}-target-error` : undefined}
            >
              {connections.map((connection) => (
                <li key={connection.id}>
                  <label className="chat-composer__choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(connection.id)}
                      onChange={(event) => toggle(connection.id, event.target.checked)}
                      data-testid="target-connection"
                      data-connection-id={connection.id}
                    />
                    {t(`platforms.${connection.platform}`)}
                    {connection.accountName ? ` · ${connection.accountName}` : ''}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          {problem === 'noTarget' || errors['connectionIds'] ? (
            <p className="field__error" id={`${id}-target-error`} role="alert">
              {problem === 'noTarget' ? problemText : errors['connectionIds']}
            </p>
          ) : null}
        </fieldset>
        <div className="form__actions">
          <Button
            type="submit"
            variant="primary"
            pending={send.isPending}
            disabled={connections.length === 0}
            data-testid="composer-send"
          >
            {send.isPending ? t('chat.composer.sending') : t('chat.composer.send')}
          </Button>
        </div>
      </form>
      <OutboxList messages={messages} connections={connections} />
    </section>
  );
}
