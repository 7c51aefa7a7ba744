import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myRating, ratingRange } from '../model/attendee-rules';
import { AnswerFooter } from './answer-feedback';
import type { AnswerFormProps, QuestionOf } from './answer-props';
import { useAnswerSender } from './use-answer-sender';

/** Rating: stars 1-5 or 1-10 as big radio buttons, 0-100 as a slider; then send. */
export function RatingAnswer({ question, myAnswer, canSend, send }: AnswerFormProps<QuestionOf<'rating'>>) {
  const { t } = useTranslation();
  const id = useId();
  const range = ratingRange(question.scale);
  const sent = myRating(myAnswer);
  const [value, setValue] = useState<number | null>(sent ?? (range.steps ? null : 50));
  const sender = useAnswerSender(send);
  const changed = value !== null && value !== sent;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canSend && value !== null && changed) void sender.submit({ type: 'rating', value });
  };

  const pick = (next: number) => {
    setValue(next);
    sender.clearError();
  };

  return (
    <form className="attendee-answer" onSubmit={submit}>
      {range.steps ? (
        <fieldset className="attendee-rating" disabled={!canSend}>
          <legend className="attendee-choices__legend">
            {t('attendee.answer.rateLegend', { min: range.min, max: range.max })}
          </legend>
          <div className={question.scale === 'stars5' ? 'attendee-rating__stars' : 'attendee-rating__steps'}>
            {range.steps.map((step) => {
              const checked = value === step;
              const filled = question.scale === 'stars5' && value !== null && step <= value;
              return (
                <label
                  key={step}
                  className={[
                    'attendee-rating__option',
                    checked ? 'attendee-rating__option--checked' : '',
                    filled ? 'attendee-rating__option--filled' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-testid="rating-option"
                  data-value={step}
                >
                  <input
                    type="radio"
                    className="sr-only"
                    name={`rating-${question.id}`}
                    value={step}
                    checked={checked}
                    onChange={() => pick(step)}
                  />
                  {question.scale === 'stars5' ? (
                    <>
                      <span aria-hidden="true">★</span>
                      <span className="sr-only">{t('attendee.answer.stars', { count: step })}</span>
                    </>
                  ) : (
                    <span>{step}</span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('attendee.answer.sliderLabel', { min: range.min, max: range.max })}
          </label>
          <div className="attendee-slider">
            <input
              id={id}
              type="range"
              className="attendee-slider__input"
              min={range.min}
              max={range.max}
              step={1}
              value={value ?? 50}
              disabled={!canSend}
              onChange={(event) => pick(Number(event.target.value))}
              data-testid="rating-slider"
            />
            <output className="attendee-slider__value" htmlFor={id} aria-hidden="true">
              {value ?? 50}
            </output>
          </div>
        </div>
      )}
      <AnswerFooter
        error={sender.error}
        canSend={canSend}
        pending={sender.pending}
        changed={changed}
        answered={sent !== null}
      />
    </form>
  );
}
