import { Injectable } from '@nestjs/common';
import type { MeetingPhase, QaEntryDto, QuestionDto, QuestionResultsDto } from '@podium/contracts';
import {
  buildResults,
  isAnswerable,
  type ResultAnswer,
  resultsVisibleTo,
  revealCorrectAnswer,
  visibleQaEntries,
} from '@podium/questions';
import type { MeetingEntity } from '../meeting.entity';
import { toQuestionDto } from '../meetings.mapper';
import type { QuestionEntity } from '../question.entity';
import { QuestionsRepository } from '../questions.repository';
import { type AnswerGroup, AnswersRepository } from './answers.repository';
import { LiveStateRepository } from './live-state.repository';
import { QaRepository } from './qa.repository';

/** Results of a meeting's current question, per audience, at one live version. */
export interface CurrentResults {
  meetingId: string;
  version: number;
  phase: MeetingPhase;
  /** Organizers always get them when there is a current question. */
  organizer: QuestionResultsDto | null;
  /** Attendees and overlays (same rules): null while they may not see them. */
  public: QuestionResultsDto | null;
}

/** Computes results from the database (never from pushes), once per tick or snapshot. */
@Injectable()
export class LiveResultsService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly qa: QaRepository,
  ) {}

  async current(meetingId: string): Promise<CurrentResults | null> {
    const meeting = await this.state.findById(meetingId);
    if (!meeting) return null;
    const question = meeting.currentQuestionId
      ? await this.questions.find(meetingId, meeting.currentQuestionId)
      : null;
    return this.of(meeting, question);
  }

  /** `question` must be the meeting's current question (or null when there is none). */
  async of(meeting: MeetingEntity, question: QuestionEntity | null): Promise<CurrentResults> {
    const none = {
      meetingId: meeting.id,
      version: meeting.liveVersion,
      phase: meeting.phase,
      organizer: null,
      public: null,
    };
    if (!question || !hasCurrentQuestion(meeting.phase)) return none;
    const dto = toQuestionDto(question);
    const { answers, entries } = await this.inputs(dto);
    const visible = resultsVisibleTo('attendee', dto, meeting.phase);
    return {
      ...none,
      organizer: buildResults(dto, answers, entries, true),
      public: visible
        ? buildResults(
            dto,
            answers,
            visibleQaEntries('attendee', entries),
            revealCorrectAnswer('attendee', meeting.phase),
          )
        : null,
    };
  }

  /** The organizers' results of any question (the CSV export). */
  async forOrganizer(question: QuestionEntity): Promise<QuestionResultsDto> {
    const dto = toQuestionDto(question);
    const { answers, entries } = await this.inputs(dto);
    return buildResults(dto, answers, entries, true);
  }

  /** Every question of the meeting, in order, with the organizers' results (the public API). */
  async allForOrganizer(
    meetingId: string,
  ): Promise<{ question: QuestionDto; results: QuestionResultsDto }[]> {
    const questions = await this.questions.listByMeeting(meetingId);
    const all = [];
    for (const question of questions) {
      all.push({ question: toQuestionDto(question), results: await this.forOrganizer(question) });
    }
    return all;
  }

  private async inputs(question: QuestionDto): Promise<{ answers: ResultAnswer[]; entries: QaEntryDto[] }> {
    const [groups, entries] = await Promise.all([
      isAnswerable(question.type) ? this.answers.tally(question.id) : Promise.resolve([]),
      question.type === 'qa' ? this.qa.listByQuestion(question.id) : Promise.resolve([]),
    ]);
    return { answers: groups.flatMap(asAnswers), entries };
  }
}

/** A group stands for `count` answers alike: one shared object each, no attendee needed by results. */
function asAnswers({ payload, correct, count }: AnswerGroup): ResultAnswer[] {
  const answer: ResultAnswer = { attendeeId: '', payload, correct };
  return new Array<ResultAnswer>(count).fill(answer);
}

function hasCurrentQuestion(phase: MeetingPhase): boolean {
  switch (phase) {
    case 'question_open':
    case 'question_closed':
    case 'results':
    case 'scoreboard':
      return true;
    case 'before':
    case 'waiting':
    case 'after':
      return false;
  }
}
