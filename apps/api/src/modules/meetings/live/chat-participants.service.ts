import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AnswerInputSchema,
  MeetingChatSettings,
  MeetingKind,
  ParticipantPlatform,
  QuestionDto,
  QuestionResultsDto,
} from '@podium/contracts';
import { QuestionRuleError } from '@podium/questions';
import type { z } from 'zod';
import { DomainEvents } from '../../../common/events/domain-events';
import type { Tx } from '../../../database/transaction';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { nicknameKeyOf } from '../attendees/attendees.service';
import { toQuestionDto } from '../meetings.mapper';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { QuestionsRepository } from '../questions.repository';
import { AnswersService } from './answers.service';
import { LiveResultsService } from './live-results.service';
import { LiveStateRepository } from './live-state.repository';
import { ScoreboardRepository } from './scoreboard.repository';
import { LiveException } from './live.exception';

type AnswerInput = z.output<typeof AnswerInputSchema>;

/** A stream viewer answering from chat: Podium's viewer row (the merge target) and where they spoke. */
export interface ChatAnswerer {
  viewerId: string;
  platform: ParticipantPlatform;
  displayName: string;
}

/** A meeting whose open question stream chat may answer now. */
export interface OpenForChat {
  meetingId: string;
  chat: MeetingChatSettings;
  /** The organizers' view (quiz answers included): parse against it, never show it. */
  question: QuestionDto;
}

/** What the chat announcements of a question need to know about it. */
export interface QuestionForChat {
  workspaceId: string;
  kind: MeetingKind;
  chat: MeetingChatSettings;
  question: QuestionDto;
  /** The organizers' results (the correct answer included). */
  results: QuestionResultsDto;
}

/** `accepted`: stored; `refused`: the rules said no (late, closed, a second answer…); `skipped`: `claim` said no. */
export type ChatAnswerOutcome = 'accepted' | 'refused' | 'skipped';

const NICKNAME_MAX = 32;
const PLATFORM_LABEL: Record<ParticipantPlatform, string> = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  owncast: 'Owncast',
  rehearsal: 'Rehearsal',
};

/**
 * Stream viewers as meeting participants: the first accepted answer from chat makes the viewer an
 * attendee (one per viewer per meeting), and answers go through the attendees' own answer path,
 * so one answer per attendee per question and quiz scoring hold for them alike.
 */
@Injectable()
export class ChatParticipantsService {
  constructor(
    private readonly answers: AnswersService,
    private readonly attendees: AttendeesRepository,
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly results: LiveResultsService,
    private readonly events: DomainEvents,
    private readonly scores: ScoreboardRepository,
  ) {}

  /** The workspace's stream meetings with an open question that chat answers are enabled for. */
  async openForChat(workspaceId: string): Promise<OpenForChat[]> {
    const meetings = await this.state.listOpenOnStream(workspaceId);
    const open: OpenForChat[] = [];
    for (const meeting of meetings) {
      if (!meeting.chatSettings.answers || !meeting.currentQuestionId) continue;
      const question = await this.questions.find(meeting.id, meeting.currentQuestionId);
      if (question)
        open.push({ meetingId: meeting.id, chat: meeting.chatSettings, question: toQuestionDto(question) });
    }
    return open;
  }

  /**
   * Submits `input` for the viewer. `claim` runs in the answer's transaction (before anything is
   * written), so an event is answered once even when retried: false skips it.
   */
  async answer(
    meetingId: string,
    questionId: string,
    answerer: ChatAnswerer,
    input: AnswerInput,
    claim: (tx: Tx) => Promise<boolean>,
  ): Promise<ChatAnswerOutcome> {
    let joined = false;
    try {
      const stored = await this.answers.submitAs(meetingId, questionId, input, async (tx) => {
        if (!(await claim(tx))) return null;
        const attendee = await this.attendeeFor(tx, meetingId, answerer);
        joined = attendee.created;
        return attendee.id;
      });
      if (stored === null) return 'skipped';
    } catch (error) {
      if (isRefusal(error)) return 'refused';
      throw error;
    }
    // A new participant is on the board (with 0 points until a quiz closes).
    if (joined) this.events.publish('meeting.scoreboardChanged', { meetingId });
    return 'accepted';
  }

  /** Each chat participant's meeting points (quiz + flags) by viewer id: what points converts at the end. */
  viewerScores(meetingId: string): Promise<{ viewerId: string; points: number }[]> {
    return this.scores.viewerTotals(meetingId);
  }

  /** The meeting and question a chat announcement is about; null when either is gone. */
  async questionForChat(meetingId: string, questionId: string): Promise<QuestionForChat | null> {
    const meeting = await this.state.findById(meetingId);
    const question = meeting ? await this.questions.find(meetingId, questionId) : null;
    if (!meeting || !question) return null;
    return {
      workspaceId: meeting.workspaceId,
      kind: meeting.kind,
      chat: meeting.chatSettings,
      question: toQuestionDto(question),
      results: await this.results.forOrganizer(question),
    };
  }

  /** The viewer's attendee in the meeting, created with a free nickname the first time. */
  private async attendeeFor(
    tx: Tx,
    meetingId: string,
    answerer: ChatAnswerer,
  ): Promise<{ id: string; created: boolean }> {
    const existing = await this.attendees.findByViewer(tx, meetingId, answerer.viewerId);
    if (existing) return { id: existing, created: false };
    for (const nickname of chatNicknames(answerer.displayName, answerer.platform)) {
      const id = await this.attendees.insertViewer(tx, {
        meetingId,
        nickname,
        nicknameKey: nicknameKeyOf(nickname),
        viewerId: answerer.viewerId,
        platform: answerer.platform,
      });
      if (id) return { id, created: true };
      // Either the nickname is taken, or another event of this viewer made the attendee meanwhile.
      const raced = await this.attendees.findByViewer(tx, meetingId, answerer.viewerId);
      if (raced) return { id: raced, created: false };
    }
    throw new Error(`no free nickname for viewer ${answerer.viewerId} in meeting ${meetingId}`);
  }
}

/**
 * Nicknames to try, in order: the display name, then with the platform ("Ana (YouTube)") when
 * someone in the room already has it, then numbered, then with a random number: at most 32
 * characters, without control characters.
 */
export function* chatNicknames(displayName: string, platform: ParticipantPlatform): Generator<string> {
  const name =
    displayName
      .replace(/\p{Cc}/gu, '')
      .replace(/\s+/g, ' ')
      .trim() || 'viewer';
  const fit = (suffix: string) =>
    `${Array.from(name)
      .slice(0, NICKNAME_MAX - suffix.length)
      .join('')
      .trim()}${suffix}`;
  const label = PLATFORM_LABEL[platform];
  yield fit('');
  yield fit(` (${label})`);
  for (let n = 2; n <= 9; n++) yield fit(` (${label} ${n})`);
  for (let attempt = 0; attempt < 5; attempt++) yield fit(` #${randomInt(1_000, 1_000_000)}`);
}

/** Errors that mean "not an answer now": silent for chat, never retried. */
function isRefusal(error: unknown): boolean {
  if (error instanceof QuestionRuleError || error instanceof LiveException) return true;
  return error instanceof MeetingException && error.code === MeetingErrorCode.NotFound;
}
