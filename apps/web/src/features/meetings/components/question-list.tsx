import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { QuestionDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { CopyIcon, GripIcon, TrashIcon } from '@/shared/ui/icons';
import { moveId } from '../model/reorder';

export interface QuestionListProps {
  questions: QuestionDto[];
  selectedId: string | null;
  onSelect: (question: QuestionDto) => void;
  onReorder: (questionIds: string[]) => void;
  onDuplicate: (question: QuestionDto) => void;
  onDelete: (question: QuestionDto) => void;
  readOnly: boolean;
  duplicatingId: string | null;
}

interface ItemProps extends Omit<
  QuestionListProps,
  'questions' | 'onReorder' | 'selectedId' | 'duplicatingId'
> {
  question: QuestionDto;
  selected: boolean;
  duplicating: boolean;
}

function SortableQuestion({
  question,
  selected,
  onSelect,
  onDuplicate,
  onDelete,
  readOnly,
  duplicating,
}: ItemProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: question.id, disabled: readOnly });
  const number = question.position + 1;
  const title = question.title || t('meetings.preview.noTitle');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={[
        'question-item',
        selected ? 'question-item--selected' : '',
        isDragging ? 'question-item--dragging' : '',
      ]
        .join(' ')
        .trim()}
      data-testid="question-item"
      data-question-id={question.id}
    >
      {readOnly ? null : (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="question-item__handle"
          {...attributes}
          {...listeners}
          aria-label={t('meetings.reorder.handle', { number, title })}
          data-testid="question-drag-handle"
        >
          <GripIcon />
        </button>
      )}
      <button
        type="button"
        className="question-item__select"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(question)}
        data-testid="question-select"
      >
        <span className="question-item__number">{number}</span>
        <span className="question-item__text">
          <span className="question-item__title">{title}</span>
          <span className="question-item__meta">
            <Badge tone="neutral">{t(`meetings.types.${question.type}`)}</Badge>
            {question.closedAt ? <Badge tone="muted">{t('meetings.question.closed')}</Badge> : null}
          </span>
        </span>
      </button>
      {readOnly ? null : (
        <span className="question-item__actions">
          <Button
            size="sm"
            variant="ghost"
            icon={<CopyIcon />}
            pending={duplicating}
            onClick={() => onDuplicate(question)}
            aria-label={t('meetings.question.duplicateLabel', { number })}
            data-testid="duplicate-question"
          />
          <Button
            size="sm"
            variant="ghost"
            className="btn--danger-text"
            icon={<TrashIcon />}
            onClick={() => onDelete(question)}
            aria-label={t('meetings.question.deleteLabel', { number })}
            aria-haspopup="dialog"
            data-testid="delete-question"
          />
        </span>
      )}
    </li>
  );
}

/**
 * The meeting's questions in order. Reordering works with the pointer (drag the handle) and the
 * keyboard (Space on the handle, arrows, Space again); screen readers hear each step.
 */
export function QuestionList({
  questions,
  selectedId,
  onReorder,
  duplicatingId,
  ...item
}: QuestionListProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    // A small distance keeps a plain click on the handle from starting a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = questions.map((question) => question.id);
  const positionOf = (id: UniqueIdentifier | undefined) => ids.indexOf(String(id)) + 1;

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('meetings.reorder.pickedUp', { number: positionOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('meetings.reorder.movedOver', { number: positionOf(active.id), position: positionOf(over.id) })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('meetings.reorder.dropped', { number: positionOf(active.id), position: positionOf(over.id) })
        : t('meetings.reorder.cancelled', { number: positionOf(active.id) }),
    onDragCancel: ({ active }) => t('meetings.reorder.cancelled', { number: positionOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const next = moveId(ids, String(active.id), over ? String(over.id) : null);
    if (next) onReorder(next);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('meetings.reorder.instructions') },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="question-list" aria-label={t('meetings.questionsTitle')} data-testid="question-list">
          {questions.map((question) => (
            <SortableQuestion
              key={question.id}
              question={question}
              selected={question.id === selectedId}
              duplicating={question.id === duplicatingId}
              {...item}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
