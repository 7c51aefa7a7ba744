import { z } from 'zod';
import type { Platform } from './chat.contract';
import {
  hasInvisibleCharacters,
  JOIN_CODE_PATTERN,
  NICKNAME_MAX_LENGTH,
  normalizeJoinCode,
} from './join-input';
import type { QuestionDto, QuestionResultsDto, MyAnswerDto } from './questions.contract';

/** Where the audience is: in the room (web), on a stream (chat platforms), or both. */
export const MEETING_KINDS = ['in_room', 'stream', 'both'] as const;
export const MeetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

/**
 * The live state machine: before → waiting → question_open → question_closed → results →
 * scoreboard → … → after. Transitions are the MEETING_COMMANDS.
 */
export const MEETING_PHASES = [
  'before',
  'waiting',
  'question_open',
  'question_closed',
  'results',
  'scoreboard',
  'after',
] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

export const MEETING_COMMANDS = ['start', 'next', 'back', 'close', 'results', 'scoreboard', 'end'] as const;
export const MeetingCommandSchema = z.enum(MEETING_COMMANDS);
export type MeetingCommand = z.infer<typeof MeetingCommandSchema>;

export const JoinCodeSchema = z
  .string()
  .trim()
  .transform(normalizeJoinCode)
  .pipe(z.string().regex(JOIN_CODE_PATTERN, { message: 'is not a meeting code' }));

/** How stream chat answers a word cloud: only `!wc word`, or any short message as well. */
export const CHAT_WORDCLOUD_MODES = ['command', 'any_short'] as const;
export type ChatWordCloudMode = (typeof CHAT_WORDCLOUD_MODES)[number];

/** What the chat of a `stream` or `both` meeting does (ignored for `in_room` meetings). */
export const MeetingChatSettingsSchema = z.object({
  /** Chat lines answer the open poll, quiz, word cloud or rating. */
  answers: z.boolean(),
  /** The bot posts the question and how to answer when a question opens. */
  announceOpen: z.boolean(),
  /** The bot posts when a question closes. */
  announceClose: z.boolean(),
  /** The close message carries the results (top choices, the correct answer, top words, the mean). */
  announceResults: z.boolean(),
  /** `command`: only `!wc word`; `any_short`: also any message no longer than the cloud's word length. */
  wordCloud: z.enum(CHAT_WORDCLOUD_MODES),
});
export type MeetingChatSettings = z.infer<typeof MeetingChatSettingsSchema>;
export const DEFAULT_MEETING_CHAT_SETTINGS: MeetingChatSettings = {
  answers: true,
  announceOpen: true,
  announceClose: true,
  announceResults: true,
  wordCloud: 'command',
};

export const MeetingTitleSchema = z.string().trim().min(1, { message: 'is required' }).max(120);

export const CreateMeetingRequestSchema = z.object({
  title: MeetingTitleSchema,
  description: z.string().trim().max(2_000).default(''),
  kind: MeetingKindSchema.default('in_room'),
  /** Missing fields take DEFAULT_MEETING_CHAT_SETTINGS. */
  chat: MeetingChatSettingsSchema.partial().optional(),
});
export type CreateMeetingRequest = z.input<typeof CreateMeetingRequestSchema>;

export const UpdateMeetingRequestSchema = z
  .object({
    title: MeetingTitleSchema,
    description: z.string().trim().max(2_000),
    kind: MeetingKindSchema,
    /** Only the fields sent change; the others keep their stored value. */
    chat: MeetingChatSettingsSchema.partial(),
  })
  .partial();
export type UpdateMeetingRequest = z.input<typeof UpdateMeetingRequestSchema>;

export interface MeetingSummaryDto {
  id: string;
  workspaceId: string;
  title: string;
  description: string;
  kind: MeetingKind;
  joinCode: string;
  phase: MeetingPhase;
  questionCount: number;
  /** What stream chat does in this meeting. */
  chat: MeetingChatSettings;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingDto extends MeetingSummaryDto {
  questions: QuestionDto[];
}

export const NicknameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(NICKNAME_MAX_LENGTH, { message: `must be at most ${NICKNAME_MAX_LENGTH} characters` })
  .refine((nick) => !hasInvisibleCharacters(nick), { message: 'has invisible characters' });

/** `POST /api/join` (public): enter the room with the code on the screen. */
export const JoinMeetingRequestSchema = z.object({ code: JoinCodeSchema, nickname: NicknameSchema });
export type JoinMeetingRequest = z.input<typeof JoinMeetingRequestSchema>;

export interface AttendeeDto {
  id: string;
  nickname: string;
}

/** Where a participant who answered from a stream's chat came from (absent for in-room attendees). */
export type ParticipantPlatform = Exclude<Platform, 'inroom'>;

export interface JoinedMeetingDto {
  /** Signed, per-meeting: keep it (the page stores it) to come back as the same attendee. */
  attendeeToken: string;
  attendee: AttendeeDto;
  meeting: { id: string; title: string };
}

/** `GET /api/join/:code` (public): what the join screen shows before asking for a nickname. */
export interface JoinPreviewDto {
  meetingId: string;
  title: string;
  phase: MeetingPhase;
}

export const FlagCodeSchema = z
  .string()
  .trim()
  .min(3, { message: 'must be at least 3 characters' })
  .max(40)
  .transform((code) => code.toUpperCase());

export const CreateFlagRequestSchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(80),
  code: FlagCodeSchema.pipe(
    z.string().regex(/^[A-Z0-9_-]+$/, { message: 'must be letters, digits, - or _' }),
  ),
  points: z.number().int().min(1).max(1_000_000),
  /** null: valid in every meeting of the workspace. */
  meetingId: z.uuid().nullable().default(null),
});
export type CreateFlagRequest = z.input<typeof CreateFlagRequestSchema>;
// Without its default, so that a PATCH leaving `meetingId` out keeps the flag's scope.
export const UpdateFlagRequestSchema = CreateFlagRequestSchema.extend({
  meetingId: z.uuid().nullable(),
}).partial();
export type UpdateFlagRequest = z.input<typeof UpdateFlagRequestSchema>;

export interface FlagDto {
  id: string;
  workspaceId: string;
  meetingId: string | null;
  name: string;
  code: string;
  points: number;
  captures: number;
  createdAt: string;
}

export const CaptureFlagRequestSchema = z.object({ code: z.string().max(200) });
export type CaptureFlagRequest = z.input<typeof CaptureFlagRequestSchema>;

export interface ScoreEntryDto {
  attendeeId: string;
  nickname: string;
  /** Competition ranking: equal totals share a rank (1, 2, 2, 4). */
  rank: number;
  quizPoints: number;
  flagPoints: number;
  total: number;
  /** Set for viewers who joined by answering in a stream's chat: the board shows a platform badge. */
  platform?: ParticipantPlatform;
}

export interface ScoreboardDto {
  meetingId: string;
  attendeeCount: number;
  /** Best first, at most the number asked for (the dashboard asks for 100, overlays for their top N). */
  entries: ScoreEntryDto[];
}

export interface MyScoreDto {
  attendeeId: string;
  nickname: string;
  total: number;
  rank: number;
  attendeeCount: number;
}

/** The state every audience shares; organizers additionally see answers' correctness in `question`. */
export interface LiveStateDto {
  meetingId: string;
  /** Goes up by one on every transition: a client seeing a gap asks for a new snapshot. */
  version: number;
  phase: MeetingPhase;
  /** 0-based index of the current question, null before the first one and after the end. */
  questionIndex: number | null;
  questionCount: number;
  question: QuestionDto | null;
  openedAt: string | null;
  /** Set while a timed question is open. */
  closesAt: string | null;
  serverTime: string;
}

export interface LiveControlDto {
  meetingId: string;
  controllerUserId: string | null;
  controllerName: string | null;
  /** The dashboard tab that holds control (each tab makes up its own id). */
  controllerClientId: string | null;
}

/** What `meeting.join` acks with, per audience. */
export type MeetingSnapshotDto =
  | {
      audience: 'organizer';
      state: LiveStateDto;
      results: QuestionResultsDto | null;
      scoreboard: ScoreboardDto;
      control: LiveControlDto;
      present: number;
      /** False for viewers (read-only co-hosts), who can never take control. */
      canControl: boolean;
    }
  | {
      audience: 'attendee';
      state: LiveStateDto;
      results: QuestionResultsDto | null;
      /** The top 10, so a phone that reloads during the scoreboard shows it at once. */
      scoreboard: ScoreboardDto;
      me: MyScoreDto;
      myAnswer: MyAnswerDto | null;
      /** Q&A entries this attendee upvoted, for the current Q&A question. */
      myUpvotes: string[];
    }
  | {
      audience: 'overlay';
      state: LiveStateDto;
      results: QuestionResultsDto | null;
      scoreboard: ScoreboardDto;
    };
