import { type MeetingDto, QUESTION_TYPES, type QuestionDto, type QuestionType } from '@podium/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmDialog, ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { PlusIcon } from '@/shared/ui/icons';
import {
  useCreateQuestion,
  useDeleteQuestion,
  useDuplicateQuestion,
  useReorderQuestions,
  useReplaceQuestion,
} from '../api/questions.api';
import {
  draftFromQuestion,
  isSameDraft,
  newDraft,
  type QuestionDraft,
  validateDraft,
} from '../model/question-draft';
import { QuestionForm } from './question-form';
import { QuestionList } from './question-list';
import { QuestionPreview } from './question-preview';

/** What the form edits: a saved question, or a new one of a type (numbered so each add starts blank). */
type Selection =
  | { kind: 'question'; id: string }
  | { kind: 'new'; type: QuestionType; serial: number; blank: QuestionDraft };

const selectionKey = (selection: Selection | null): string =>
  selection === null ? '' : selection.kind === 'question' ? `q:${selection.id}` : `new:${selection.serial}`;

export interface QuestionsWorkspaceProps {
  workspaceId: string;
  meeting: MeetingDto;
  readOnly: boolean;
}

/** The question list, the form of the selected question and its phone preview, side by side. */
export function QuestionsWorkspace({ workspaceId, meeting, readOnly }: QuestionsWorkspaceProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const meetingId = meeting.id;
  const create = useCreateQuestion(workspaceId, meetingId);
  const replace = useReplaceQuestion(workspaceId, meetingId);
  const remove = useDeleteQuestion(workspaceId, meetingId);
  const duplicate = useDuplicateQuestion(workspaceId, meetingId);
  const reorder = useReorderQuestions(workspaceId, meetingId);

  const [chosen, setChosen] = useState<Selection | null>(null);
  const [edit, setEdit] = useState<{ key: string; draft: QuestionDraft } | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [pendingSelection, setPendingSelection] = useState<Selection | null>(null);
  const [deleting, setDeleting] = useState<QuestionDto | null>(null);
  const serial = useRef(0);
  const formRef = useRef<HTMLDivElement>(null);

  const questions = meeting.questions;
  // Until something is chosen (or once the chosen question is gone), the first question is shown.
  const chosenQuestion =
    chosen?.kind === 'question' ? questions.find((question) => question.id === chosen.id) : undefined;
  const selection: Selection | null =
    chosen?.kind === 'new' || chosenQuestion
      ? chosen
      : questions[0]
        ? { kind: 'question', id: questions[0].id }
        : null;
  const selectedQuestion =
    selection?.kind === 'question' ? questions.find((question) => question.id === selection.id) : undefined;
  const key = selectionKey(selection);

  // A new version of the saved question (after a save or a push) gives a new baseline.
  const savedDraft = useMemo(
    () => (selectedQuestion ? draftFromQuestion(selectedQuestion) : null),
    [selectedQuestion],
  );
  const baseline = selection?.kind === 'new' ? selection.blank : savedDraft;

  const draft = edit && edit.key === key ? edit.draft : baseline;
  const isNew = selection?.kind === 'new';
  const dirty = Boolean(draft && baseline && edit?.key === key && !isSameDraft(draft, baseline));
  const saving = isNew ? create : replace;

  const clientErrors = draft && showErrors ? validateDraft(draft).errors : {};
  const serverErrors = isApiError(saving.error) ? saving.error.fieldErrors() : {};
  const errors: Record<string, string | undefined> = { ...serverErrors, ...clientErrors };

  const select = (next: Selection | null) => {
    setChosen(next);
    setEdit(null);
    setShowErrors(false);
    create.reset();
    replace.reset();
  };

  /** Leaves unsaved changes only after a confirmation. */
  const requestSelect = (next: Selection) => {
    if (selectionKey(next) === key) return;
    if (dirty || (isNew && edit?.key === key)) setPendingSelection(next);
    else select(next);
  };

  const addQuestion = (type: QuestionType) => {
    serial.current += 1;
    requestSelect({ kind: 'new', type, serial: serial.current, blank: newDraft(type) });
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus(),
    );
  };

  const onChange = (next: QuestionDraft) => {
    setEdit({ key, draft: next });
    if (saving.error) saving.reset();
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const save = () => {
    if (!draft || !selection) return;
    const { input, errors: found } = validateDraft(draft);
    if (Object.keys(found).length > 0) {
      setShowErrors(true);
      focusFirstInvalid();
      return;
    }
    const onSaved = (question: QuestionDto) => select({ kind: 'question', id: question.id });
    if (selection.kind === 'new') create.mutate(input, { onSuccess: onSaved, onError: focusFirstInvalid });
    else
      replace.mutate({ questionId: selection.id, input }, { onSuccess: onSaved, onError: focusFirstInvalid });
  };

  /** A deleted question that was shown hands the form to its next (or previous) neighbour. */
  const deleted = (question: QuestionDto) => {
    if (selection?.kind !== 'question' || selection.id !== question.id) return;
    const index = questions.findIndex((candidate) => candidate.id === question.id);
    const neighbour = questions[index + 1] ?? questions[index - 1];
    select(neighbour ? { kind: 'question', id: neighbour.id } : null);
  };

  const addButtons = readOnly ? null : (
    <div className="add-question" role="group" aria-label={t('meetings.question.addLabel')}>
      {QUESTION_TYPES.map((type) => (
        <Button
          key={type}
          size="sm"
          icon={<PlusIcon />}
          onClick={() => addQuestion(type)}
          data-testid={`add-question-${type}`}
        >
          {t(`meetings.types.${type}`)}
        </Button>
      ))}
    </div>
  );

  return (
    <div className="questions-workspace">
      <Card
        className="questions-workspace__list"
        title={t('meetings.questionsTitle')}
        description={t('meetings.questionCount', { count: questions.length })}
      >
        {addButtons}
        {reorder.isError ? <Alert tone="error">{errorText(reorder.error)}</Alert> : null}
        {duplicate.isError ? <Alert tone="error">{errorText(duplicate.error)}</Alert> : null}
        {questions.length === 0 ? (
          <p className="muted">{readOnly ? t('meetings.noQuestionsViewer') : t('meetings.noQuestions')}</p>
        ) : (
          <QuestionList
            questions={questions}
            selectedId={selection?.kind === 'question' ? selection.id : null}
            onSelect={(question) => requestSelect({ kind: 'question', id: question.id })}
            onReorder={(ids) => reorder.mutate(ids)}
            onDuplicate={(question) =>
              duplicate.mutate(question.id, {
                onSuccess: (copy) => requestSelect({ kind: 'question', id: copy.id }),
              })
            }
            onDelete={setDeleting}
            readOnly={readOnly}
            duplicatingId={duplicate.isPending ? (duplicate.variables ?? null) : null}
          />
        )}
      </Card>

      <div className="questions-workspace__editor" ref={formRef}>
        <Card title={isNew ? t('meetings.question.newTitle') : t('meetings.question.editTitle')}>
          {draft ? (
            <QuestionForm
              key={key}
              draft={draft}
              onChange={onChange}
              onSubmit={save}
              onDiscard={() => select(isNew ? null : selection)}
              errors={errors}
              serverError={saving.error}
              saving={saving.isPending}
              isNew={isNew}
              dirty={dirty}
              readOnly={readOnly}
            />
          ) : (
            <EmptyState title={t('meetings.question.noneSelected')}>
              <p className="muted">{readOnly ? null : t('meetings.question.noneSelectedBody')}</p>
            </EmptyState>
          )}
        </Card>
      </div>

      <div className="questions-workspace__preview">{draft ? <QuestionPreview draft={draft} /> : null}</div>

      <ConfirmDialog
        open={pendingSelection !== null}
        title={t('meetings.question.discardTitle')}
        description={t('meetings.question.discardBody')}
        confirmLabel={t('meetings.question.discard')}
        onClose={() => setPendingSelection(null)}
        onConfirm={() => {
          select(pendingSelection);
          setPendingSelection(null);
        }}
        data-testid="discard-dialog"
      />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onDone={deleted}
        title={t('meetings.question.deleteTitle', { title: deleting?.title ?? '' })}
        description={t('meetings.question.deleteBody')}
        confirmLabel={t('meetings.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-question-dialog"
      />
    </div>
  );
}
