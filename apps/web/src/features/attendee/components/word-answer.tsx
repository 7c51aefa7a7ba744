import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { myWords, wordsLeft } from '../model/attendee-rules';
import { AnswerCounted, AnswerError } from './answer-feedback';
import type { AnswerFormProps, QuestionOf } from './answer-props';
import { useAnswerSender } from './use-answer-sender';

/** Word cloud: one word at a time, up to the question's limit; the attendee's words listed. */
export function WordAnswer({ question, myAnswer, canSend, send }: AnswerFormProps<QuestionOf<'wordcloud'>>) {
  const { t } = useTranslation();
  const id = useId();
  const [word, setWord] = useState('');
  const sender = useAnswerSender(send);
  const words = myWords(myAnswer);
  const left = wordsLeft(question, myAnswer);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canSend || word.trim() === '') return;
    if (await sender.submit({ type: 'wordcloud', word })) setWord('');
  };

  return (
    <form className="attendee-answer" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('attendee.answer.wordLabel')}
        </label>
        <div className="attendee-word-row">
          <input
            id={id}
            className="input attendee-touch"
            name="word"
            value={word}
            onChange={(event) => {
              setWord(event.target.value);
              sender.clearError();
            }}
            maxLength={question.maxWordLength}
            autoComplete="off"
            enterKeyHint="send"
            disabled={!canSend}
            aria-describedby={`${id}-left`}
            data-testid="word-input"
          />
          <Button
            type="submit"
            variant="primary"
            className="attendee-touch"
            pending={sender.pending}
            disabled={!canSend || word.trim() === ''}
            data-testid="submit-answer"
          >
            {t('attendee.answer.addWord')}
          </Button>
        </div>
        <p className="field__hint" id={`${id}-left`} data-testid="words-left" data-left={left}>
          {t('attendee.answer.wordsLeft', { count: left })}
        </p>
      </div>
      <AnswerError error={sender.error} />
      {words.length > 0 ? (
        <>
          <AnswerCounted canChange={false} />
          <div>
            <h3 className="attendee-subtitle">{t('attendee.answer.yourWords')}</h3>
            <ul className="attendee-words" data-testid="my-words">
              {words.map((w) => (
                <li key={w} className="attendee-words__word">
                  {w}
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
    </form>
  );
}
