import type {
  ChoiceDto,
  MeetingDto,
  MeetingSummaryDto,
  QuestionConfig,
  QuestionDto,
  QuestionInput,
} from '@podium/contracts';
import type { MeetingEntity } from './meeting.entity';
import type { QuestionEntity, QuestionSettings } from './question.entity';

/** A stored question's settings paired again with its type and title, so a switch narrows them. */
export function questionConfigOf(question: QuestionEntity): QuestionConfig {
  // The row was written from a validated QuestionConfig of this very type (see settingsOf).
  return { ...question.config, type: question.type, title: question.title } as QuestionConfig;
}

/** The part of a validated config that goes into the `config` column. */
export function settingsOf(config: QuestionConfig): QuestionSettings {
  const { type: _type, title: _title, ...settings } = config;
  return settings as QuestionSettings;
}

function toChoiceDtos(choices: readonly { id?: string; label: string; correct?: boolean }[]): ChoiceDto[] {
  return choices.map((choice) => {
    // fillChoiceIds ran before every write: a choice without an id is damaged data, not input.
    if (!choice.id) throw new Error(`stored choice "${choice.label}" has no id`);
    const dto: ChoiceDto = { id: choice.id, label: choice.label };
    if (choice.correct !== undefined) dto.correct = choice.correct;
    return dto;
  });
}

/** The organizer's view of a question: quiz choices keep their `correct` flags. */
export function toQuestionDto(question: QuestionEntity): QuestionDto {
  const base = {
    id: question.id,
    meetingId: question.meetingId,
    position: question.position,
    title: question.title,
    closedAt: question.closedAt?.toISOString() ?? null,
  };
  const config = questionConfigOf(question);
  switch (config.type) {
    case 'slide':
      return { ...base, type: 'slide', body: config.body, imageUrl: config.imageUrl };
    case 'poll':
      return {
        ...base,
        type: 'poll',
        choices: toChoiceDtos(config.choices),
        multiple: config.multiple,
        hideResultsUntilClosed: config.hideResultsUntilClosed,
        allowAnswerChange: config.allowAnswerChange,
        timeLimitSeconds: config.timeLimitSeconds,
      };
    case 'quiz':
      return {
        ...base,
        type: 'quiz',
        choices: toChoiceDtos(config.choices),
        multiple: config.multiple,
        scoring: config.scoring,
        speedMaxPoints: config.speedMaxPoints,
        allowAnswerChange: config.allowAnswerChange,
        timeLimitSeconds: config.timeLimitSeconds,
      };
    case 'wordcloud':
      return {
        ...base,
        type: 'wordcloud',
        maxWordsPerAttendee: config.maxWordsPerAttendee,
        maxWordLength: config.maxWordLength,
        bannedWords: [...config.bannedWords],
        timeLimitSeconds: config.timeLimitSeconds,
      };
    case 'rating':
      return {
        ...base,
        type: 'rating',
        scale: config.scale,
        hideResultsUntilClosed: config.hideResultsUntilClosed,
        allowAnswerChange: config.allowAnswerChange,
        timeLimitSeconds: config.timeLimitSeconds,
      };
    case 'qa':
      return { ...base, type: 'qa', timeLimitSeconds: config.timeLimitSeconds };
  }
}

/** A question as the export file holds it: valid `QuestionInput`, choice ids kept. */
export function toQuestionInput(question: QuestionEntity): QuestionInput {
  return questionConfigOf(question);
}

export function toMeetingSummaryDto(meeting: MeetingEntity, questionCount: number): MeetingSummaryDto {
  return {
    id: meeting.id,
    workspaceId: meeting.workspaceId,
    title: meeting.title,
    description: meeting.description,
    kind: meeting.kind,
    joinCode: meeting.joinCode,
    phase: meeting.phase,
    questionCount,
    chat: { ...meeting.chatSettings },
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}

/** `questions` must be the meeting's questions in order. */
export function toMeetingDto(meeting: MeetingEntity, questions: QuestionEntity[]): MeetingDto {
  return { ...toMeetingSummaryDto(meeting, questions.length), questions: questions.map(toQuestionDto) };
}
