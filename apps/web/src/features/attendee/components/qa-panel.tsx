import { type ApiErrorDto, QUESTION_LIMITS, type QaEntryDto } from '@podium/contracts';
import { QaList, type ResultsLabels } from '@podium/ui';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { AnswerError } from './answer-feedback';
import type { QuestionOf } from './answer-props';

export interface QaPanelProps {
  question: QuestionOf<'qa'>;
  entries: readonly QaEntryDto[];
  myUpvotes: readonly string[];
  labels: ResultsLabels;
  /** Nicknames are unique in a meeting: the attendee's own entries get no upvote button. */
  myNickname: string;
  canSend: boolean;
  ask: (text: string) => Promise<ApiErrorDto | null>;
  upvote: (entryId: string) => Promise<ApiErrorDto | null>;
}

/** Q&A: ask the speaker a question, and upvote the ones you want answered. */
export function QaPanel({
  question,
  entries,
  myUpvotes,
  labels,
  myNickname,
  canSend,
  ask,
  upvote,
}: QaPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<ApiErrorDto | null>(null);
  const [upvoting, setUpvoting] = useState<string | null>(null);
  const left = QUESTION_LIMITS.qaTextMax - text.length;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || !canSend || text.trim() === '') return;
    setPending(true);
    const failed = await ask(text.trim());
    setError(failed);
    if (!failed) {
      setText('');
      setAsked(true);
    }
    setPending(false);
  };

  const vote = async (entryId: string) => {
    if (upvoting) return;
    setUpvoting(entryId);
    setError(await upvote(entryId));
    setUpvoting(null);
  };

  return (
    <div className="stack">
      <form className="attendee-answer" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('attendee.qa.askLabel')}
          </label>
          <textarea
            id={id}
            className="input attendee-qa__text"
            name="text"
            rows={3}
            value={text}
            maxLength={QUESTION_LIMITS.qaTextMax}
            disabled={!canSend}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
              setAsked(false);
            }}
            aria-describedby={`${id}-left`}
            data-testid="qa-input"
          />
          <p className="field__hint" id={`${id}-left`}>
            {t('attendee.qa.charactersLeft', { count: left })}
          </p>
        </div>
        <AnswerError error={error} />
        <Button
          type="submit"
          variant="primary"
          className="btn--block attendee-touch"
          pending={pending}
          disabled={!canSend || text.trim() === ''}
          data-testid="submit-answer"
        >
          {t('attendee.qa.ask')}
        </Button>
        {asked ? (
          <p className="attendee-counted" data-testid="answer-counted">
            <span aria-hidden="true">✓ </span>
            {t('attendee.qa.asked')}
          </p>
        ) : null}
      </form>

      <section aria-labelledby={`${id}-list`} data-testid="qa-list" data-question-id={question.id}>
        <h3 className="attendee-subtitle" id={`${id}-list`}>
          {t('attendee.qa.listTitle', { count: entries.filter((entry) => !entry.hidden).length })}
        </h3>
        <QaList
          entries={entries}
          labels={labels}
          renderActions={(entry) => {
            if (entry.authorNickname === myNickname) return null;
            const mine = myUpvotes.includes(entry.id);
            return (
              <button
                type="button"
                className={mine ? 'attendee-upvote attendee-upvote--mine' : 'attendee-upvote'}
                aria-pressed={mine}
                aria-label={t(mine ? 'attendee.qa.upvoted' : 'attendee.qa.upvote', { text: entry.text })}
                disabled={mine || upvoting !== null || !canSend}
                onClick={() => void vote(entry.id)}
                data-testid="qa-upvote"
              >
                <span aria-hidden="true">▲</span>
                <span className="attendee-upvote__text" aria-hidden="true">
                  {mine ? t('attendee.qa.upvotedShort') : t('attendee.qa.upvoteShort')}
                </span>
              </button>
            );
          }}
        />
      </section>
    </div>
  );
}
