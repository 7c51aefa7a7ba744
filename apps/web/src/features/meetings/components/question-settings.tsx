import {
  QUESTION_LIMITS,
  QUIZ_SCORINGS,
  RATING_SCALES,
  type QuizScoring,
  type RatingScale,
} from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { errorFor, type QuestionDraft } from '../model/question-draft';
import { CheckboxField } from './checkbox-field';
import { ChoicesEditor } from './choices-editor';

export interface SettingsProps {
  draft: QuestionDraft;
  onChange: (change: Partial<QuestionDraft>) => void;
  errors: Readonly<Record<string, string | undefined>>;
}

const isScoring = (value: string): value is QuizScoring =>
  (QUIZ_SCORINGS as readonly string[]).includes(value);
const isScale = (value: string): value is RatingScale => (RATING_SCALES as readonly string[]).includes(value);

type WholeNumberKey = 'timeLimitSeconds' | 'speedMaxPoints' | 'maxWordsPerAttendee' | 'maxWordLength';

interface WholeNumberFieldProps extends SettingsProps {
  field: WholeNumberKey;
  label: string;
  min: number;
  max: number;
  'data-testid': string;
}

/** A whole-number setting; the draft keeps what is typed and validation reads it on save. */
function WholeNumberField({
  field,
  label,
  min,
  max,
  draft,
  onChange,
  errors,
  ...rest
}: WholeNumberFieldProps) {
  return (
    <TextField
      label={label}
      name={field}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={draft[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={errors[field]}
      data-testid={rest['data-testid']}
    />
  );
}

/** Untimed (open until the organizer closes it) or a time limit in seconds. */
export function TimingFields({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="timing-fields">
      <legend className="field__label">{t('meetings.question.timing')}</legend>
      <label className="radio-option">
        <input
          type="radio"
          name={name}
          checked={!draft.timed}
          onChange={() => onChange({ timed: false })}
          data-testid="timing-untimed"
        />
        <span>{t('meetings.question.untimed')}</span>
      </label>
      <label className="radio-option">
        <input
          type="radio"
          name={name}
          checked={draft.timed}
          onChange={() => onChange({ timed: true })}
          data-testid="timing-timed"
        />
        <span>{t('meetings.question.timed')}</span>
      </label>
      {draft.timed ? (
        <WholeNumberField
          field="timeLimitSeconds"
          label={t('meetings.question.timeLimit')}
          min={QUESTION_LIMITS.timeLimitMinSeconds}
          max={QUESTION_LIMITS.timeLimitMaxSeconds}
          draft={draft}
          onChange={onChange}
          errors={errors}
          data-testid="time-limit-input"
        />
      ) : errors['timeLimitSeconds'] ? (
        <p className="field__error">{errors['timeLimitSeconds']}</p>
      ) : null}
    </fieldset>
  );
}

export function SlideSettings({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField
        label={t('meetings.question.body')}
        hint={t('meetings.question.bodyHint')}
        name="body"
        rows={8}
        maxLength={QUESTION_LIMITS.slideBodyMax}
        value={draft.body}
        onChange={(event) => onChange({ body: event.currentTarget.value })}
        error={errors['body']}
        data-testid="slide-body-input"
      />
      <TextField
        label={t('meetings.question.imageUrl')}
        hint={t('meetings.question.imageUrlHint')}
        name="imageUrl"
        type="url"
        inputMode="url"
        maxLength={2000}
        value={draft.imageUrl}
        onChange={(event) => onChange({ imageUrl: event.currentTarget.value })}
        error={errors['imageUrl']}
        data-testid="slide-image-input"
      />
    </>
  );
}

/** Poll and quiz: the choices and how people may answer. */
export function ChoiceSettings({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  const quiz = draft.type === 'quiz';
  return (
    <>
      <ChoicesEditor
        choices={draft.choices}
        onChange={(choices) => onChange({ choices })}
        withCorrect={quiz}
        errors={errors}
      />
      <CheckboxField
        label={t('meetings.question.multiple')}
        hint={quiz ? t('meetings.question.multipleQuizHint') : undefined}
        checked={draft.multiple}
        onChange={(multiple) => onChange({ multiple })}
        data-testid="multiple-toggle"
      />
      {quiz ? null : <HideResultsField draft={draft} onChange={onChange} errors={errors} />}
      <AnswerChangeField draft={draft} onChange={onChange} errors={errors} />
      {quiz ? <ScoringFields draft={draft} onChange={onChange} errors={errors} /> : null}
    </>
  );
}

function HideResultsField({ draft, onChange }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      label={t('meetings.question.hideResults')}
      hint={t('meetings.question.hideResultsHint')}
      checked={draft.hideResultsUntilClosed}
      onChange={(hideResultsUntilClosed) => onChange({ hideResultsUntilClosed })}
      data-testid="hide-results-toggle"
    />
  );
}

function AnswerChangeField({ draft, onChange }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      label={t('meetings.question.allowAnswerChange')}
      checked={draft.allowAnswerChange}
      onChange={(allowAnswerChange) => onChange({ allowAnswerChange })}
      data-testid="answer-change-toggle"
    />
  );
}

function ScoringFields({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <SelectField
        label={t('meetings.question.scoring')}
        name="scoring"
        value={draft.scoring}
        hint={t(`meetings.question.scoringHints.${draft.scoring}`)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isScoring(value))
            onChange(value === 'speed' ? { scoring: value, timed: true } : { scoring: value });
        }}
        error={errors['scoring']}
        data-testid="scoring-select"
      >
        {QUIZ_SCORINGS.map((scoring) => (
          <option key={scoring} value={scoring}>
            {t(`meetings.question.scorings.${scoring}`)}
          </option>
        ))}
      </SelectField>
      {draft.scoring === 'speed' ? (
        <WholeNumberField
          field="speedMaxPoints"
          label={t('meetings.question.speedMaxPoints')}
          min={1}
          max={QUESTION_LIMITS.speedMaxPointsMax}
          draft={draft}
          onChange={onChange}
          errors={errors}
          data-testid="speed-max-points-input"
        />
      ) : null}
    </div>
  );
}

export function WordCloudSettings({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <WholeNumberField
          field="maxWordsPerAttendee"
          label={t('meetings.question.maxWords')}
          min={1}
          max={QUESTION_LIMITS.wordsPerAttendeeMax}
          draft={draft}
          onChange={onChange}
          errors={errors}
          data-testid="max-words-input"
        />
        <WholeNumberField
          field="maxWordLength"
          label={t('meetings.question.maxWordLength')}
          min={1}
          max={QUESTION_LIMITS.wordLengthMax}
          draft={draft}
          onChange={onChange}
          errors={errors}
          data-testid="max-word-length-input"
        />
      </div>
      <TextAreaField
        label={t('meetings.question.bannedWords')}
        hint={t('meetings.question.bannedWordsHint')}
        name="bannedWords"
        rows={4}
        value={draft.bannedWords}
        onChange={(event) => onChange({ bannedWords: event.currentTarget.value })}
        error={errorFor(errors, 'bannedWords')}
        data-testid="banned-words-input"
      />
    </>
  );
}

export function RatingSettings({ draft, onChange, errors }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('meetings.question.scale')}
        name="scale"
        value={draft.scale}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isScale(value)) onChange({ scale: value });
        }}
        error={errors['scale']}
        data-testid="scale-select"
      >
        {RATING_SCALES.map((scale) => (
          <option key={scale} value={scale}>
            {t(`meetings.question.scales.${scale}`)}
          </option>
        ))}
      </SelectField>
      <HideResultsField draft={draft} onChange={onChange} errors={errors} />
      <AnswerChangeField draft={draft} onChange={onChange} errors={errors} />
    </>
  );
}
