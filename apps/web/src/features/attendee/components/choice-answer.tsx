import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myChoiceIds } from '../model/attendee-rules';
import { AnswerFooter } from './answer-feedback';
import type { AnswerFormProps, QuestionOf } from './answer-props';
import { useAnswerSender } from './use-answer-sender';

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
  const sender = useAnswerSender(send);
  const inputType = question.multiple ? 'checkbox' : 'radio';
  const changed = selected.length > 0 && !sameSet(selected, sent);

  const toggle = (choiceId: string, checked: boolean) => {
    sender.clearError();
    if (!question.multiple) setSelected(checked ? [choiceId] : []);
    else
      setSelected((current) => (checked ? [...current, choiceId] : current.filter((id) => id !== choiceId)));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canSend && changed) void sender.submit({ type: question.type, choiceIds: selected });
  };

  return (
    <form className="attendee-answer" onSubmit={submit}>
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
      <AnswerFooter
        error={sender.error}
        canSend={canSend}
        pending={sender.pending}
        changed={changed}
        answered={sent.length > 0}
      />
    </form>
  );
}
