import { QUESTION_LIMITS } from '@podium/contracts';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { type ChoiceDraft, errorFor, newChoice } from '../model/question-draft';

export interface ChoicesEditorProps {
  choices: ChoiceDraft[];
  onChange: (choices: ChoiceDraft[]) => void;
  /** Quizzes mark the correct choices. */
  withCorrect: boolean;
  errors: Readonly<Record<string, string | undefined>>;
}

/** The answer options: add, remove, relabel and (quizzes) mark correct. */
export function ChoicesEditor({ choices, onChange, withCorrect, errors }: ChoicesEditorProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  // A problem with the list itself (too few, no correct one), not with one label.
  const listError = errors['choices'];

  const update = (key: string, change: Partial<ChoiceDraft>) =>
    onChange(choices.map((choice) => (choice.key === key ? { ...choice, ...change } : choice)));

  const add = () => {
    onChange([...choices, newChoice()]);
    // Straight to typing the new label.
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[type="text"]');
      inputs?.[inputs.length - 1]?.focus();
    });
  };

  const remove = (index: number) => {
    onChange(choices.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[type="text"]');
      inputs?.[Math.max(0, index - 1)]?.focus();
    });
  };

  return (
    <fieldset className="choices-editor" aria-describedby={listError ? `${groupId}-error` : undefined}>
      <legend className="field__label">{t('meetings.question.choices')}</legend>
      <ol className="choices-editor__list" ref={listRef}>
        {choices.map((choice, index) => {
          const labelError = errorFor(errors, `choices.${index}`);
          const inputId = `${groupId}-${choice.key}`;
          return (
            <li key={choice.key} className={labelError ? 'choice-row field--invalid' : 'choice-row'}>
              <label className="sr-only" htmlFor={inputId}>
                {t('meetings.question.choiceLabel', { number: index + 1 })}
              </label>
              <input
                id={inputId}
                type="text"
                className="input"
                value={choice.label}
                maxLength={QUESTION_LIMITS.choiceLabelMax}
                placeholder={t('meetings.question.choicePlaceholder', { number: index + 1 })}
                onChange={(event) => update(choice.key, { label: event.currentTarget.value })}
                aria-invalid={labelError ? true : undefined}
                aria-describedby={labelError ? `${inputId}-error` : undefined}
                data-testid="choice-input"
              />
              {withCorrect ? (
                <label className="choice-row__correct">
                  <input
                    type="checkbox"
                    checked={choice.correct}
                    onChange={(event) => update(choice.key, { correct: event.currentTarget.checked })}
                    data-testid="choice-correct"
                  />
                  <span>{t('meetings.question.correct')}</span>
                  <span className="sr-only">{t('meetings.question.choiceLabel', { number: index + 1 })}</span>
                </label>
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                className="btn--danger-text"
                icon={<TrashIcon />}
                disabled={choices.length <= QUESTION_LIMITS.choicesMin}
                onClick={() => remove(index)}
                aria-label={t('meetings.question.removeChoice', { number: index + 1 })}
                data-testid="remove-choice"
              />
              {labelError ? (
                <p className="field__error choice-row__error" id={`${inputId}-error`}>
                  {labelError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {listError ? (
        <p className="field__error" id={`${groupId}-error`}>
          {listError}
        </p>
      ) : null}
      <div>
        <Button
          size="sm"
          icon={<PlusIcon />}
          disabled={choices.length >= QUESTION_LIMITS.choicesMax}
          onClick={add}
          data-testid="add-choice"
        >
          {t('meetings.question.addChoice')}
        </Button>
      </div>
    </fieldset>
  );
}
