import type { ApiErrorDto } from '@podium/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { myChoiceIds } from '../model/attendee-rules';
import { AnswerCounted, AnswerError } from './answer-feedback';
import type { AnswerFormProps, QuestionOf } from './answer-props';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Poll and quiz: radios for one answer, checkboxes for several, then send. */
export function ChoiceAnswer({
  question,
  myAnswer,
  canSend,
  send,
}: AnswerFormProps<QuestionOf<'poll' | 'quiz'>>) {
  const { t } = useTranslation();
  const sent = myChoiceIds(myAnswer) ?? [];
  const [selected, setSelected] = useState<string[]>(sent);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiErrorDto | null>(null);
  const inputType = question.multiple ? 'checkbox' : 'radio';
  const changed = selected.length > 0 && !sameSet(selected, sent);

  const toggle = (choiceId: string, checked: boolean) => {
    setError(null);
    if (!question.multiple) setSelected(checked ? [choiceId] : []);
    else
      setSelected((current) => (checked ? [...current, choiceId] : current.filter((id) => id !== choiceId)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || !canSend || !changed) return;
    setPending(true);
    setError(await send({ type: question.type, choiceIds: selected }));
    setPending(false);
  };

  return (
    <form className="attendee-answer" onSubmit={(event) => void submit(event)}>
      <fieldset className="attendee-choices" disabled={!canSend}>
        <legend className="attendee-choices__legend">
          {question.multiple ? t('attendee.answer.chooseMany') : t('attendee.answer.chooseOne')}
        </legend>
        {question.choices.map((choice) => {
          const checked = selected.includes(choice.id);
          return (
            <label
              key={choice.id}
              className={checked ? 'attendee-choice attendee-choice--checked' : 'attendee-choice'}
              data-testid="choice-option"
              data-choice-id={choice.id}
            >
              <input
                type={inputType}
                name={`choice-${question.id}`}
                value={choice.id}
                checked={checked}
                onChange={(event) => toggle(choice.id, event.target.checked)}
              />
              <span className="attendee-choice__label">{choice.label}</span>
              {sent.includes(choice.id) ? (
                <span className="attendee-choice__mine">{t('attendee.answer.yourChoice')}</span>
              ) : null}
            </label>
          );
        })}
      </fieldset>
      <AnswerError error={error} />
      {canSend ? (
        <Button
          type="submit"
          variant="primary"
          className="btn--block attendee-touch"
          pending={pending}
          disabled={!changed}
          data-testid="submit-answer"
        >
          {sent.length > 0 ? t('attendee.answer.change') : t('attendee.answer.submit')}
        </Button>
      ) : null}
      {sent.length > 0 ? <AnswerCounted canChange={canSend} /> : null}
    </form>
  );
}
