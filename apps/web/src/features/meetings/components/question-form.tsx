import { QUESTION_LIMITS } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { isTimeable, type QuestionDraft } from '../model/question-draft';
import {
  ChoiceSettings,
  RatingSettings,
  type SettingsProps,
  SlideSettings,
  TimingFields,
  WordCloudSettings,
} from './question-settings';

/** The contract fields a question form shows next to an input (others go to the form-level alert). */
const QUESTION_FIELDS = [
  'title',
  'body',
  'imageUrl',
  'choices',
  'multiple',
  'scoring',
  'speedMaxPoints',
  'maxWordsPerAttendee',
  'maxWordLength',
  'bannedWords',
  'scale',
  'timeLimitSeconds',
];

export interface QuestionFormProps {
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
  onSubmit: () => void;
  /** Back to what was saved (or drop the new question). */
  onDiscard: () => void;
  /** Client-side checks and the server's 400 issues, by contract field path. */
  errors: Readonly<Record<string, string | undefined>>;
  serverError: unknown;
  saving: boolean;
  isNew: boolean;
  dirty: boolean;
  readOnly: boolean;
}

function TypeSettings(props: SettingsProps) {
  switch (props.draft.type) {
    case 'slide':
      return <SlideSettings {...props} />;
    case 'poll':
    case 'quiz':
      return <ChoiceSettings {...props} />;
    case 'wordcloud':
      return <WordCloudSettings {...props} />;
    case 'rating':
      return <RatingSettings {...props} />;
    case 'qa':
      return null;
  }
}

/** Edits one question; nothing is sent until Save. */
export function QuestionForm({
  draft,
  onChange,
  onSubmit,
  onDiscard,
  errors,
  serverError,
  saving,
  isNew,
  dirty,
  readOnly,
}: QuestionFormProps) {
  const { t } = useTranslation();
  const change = (patch: Partial<QuestionDraft>) => onChange({ ...draft, ...patch });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!saving && !readOnly) onSubmit();
  };

  // Field paths the server named but no input shows (nested choice labels do have inputs).
  const shownFields = (field: string) =>
    QUESTION_FIELDS.some((known) => field === known || field.startsWith(`${known}.`));

  return (
    <form className="form question-form" onSubmit={submit} noValidate data-testid="question-form">
      <div className="question-form__heading">
        <Badge tone="accent">{t(`meetings.types.${draft.type}`)}</Badge>
        {isNew ? <Badge tone="muted">{t('meetings.question.unsaved')}</Badge> : null}
        {!isNew && dirty ? <Badge tone="muted">{t('meetings.question.changed')}</Badge> : null}
      </div>
      <FormError error={serverError} fields={Object.keys(errors).filter(shownFields)} />
      <fieldset className="question-form__fields" disabled={readOnly}>
        <legend className="sr-only">{t('meetings.question.settingsLegend')}</legend>
        <TextField
          label={draft.type === 'slide' ? t('meetings.question.slideTitle') : t('meetings.question.title')}
          name="title"
          required
          maxLength={QUESTION_LIMITS.titleMax}
          value={draft.title}
          onChange={(event) => change({ title: event.currentTarget.value })}
          error={errors['title']}
          data-testid="question-title-input"
        />
        <TypeSettings draft={draft} onChange={change} errors={errors} />
        {isTimeable(draft.type) ? <TimingFields draft={draft} onChange={change} errors={errors} /> : null}
      </fieldset>
      {readOnly ? null : (
        <div className="form__actions">
          {isNew || dirty ? (
            <Button variant="ghost" onClick={onDiscard} data-testid="discard-question">
              {isNew ? t('common.cancel') : t('meetings.question.discard')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" pending={saving} data-testid="save-question">
            {saving ? t('common.saving') : isNew ? t('meetings.question.add') : t('common.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
