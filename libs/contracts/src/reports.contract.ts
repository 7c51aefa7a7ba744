import { z } from 'zod';
import type { Platform } from './chat.contract';
import type { QuestionType } from './questions.contract';

/**
 * Reports: what happened during one stream (a connection's `stream_online` → `stream_offline` span,
 * rehearsal included) or one meeting (start → end). Computed once when the span ends and stored;
 * an organizer may recompute one. Read in the admin, as CSV / JSON, and through `/api/v1`.
 */

export const REPORT_KINDS = ['stream', 'meeting'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** Download formats of one report: `GET …/reports/:id/export?format=csv|json`. */
export const REPORT_EXPORT_FORMATS = ['csv', 'json'] as const;
export const ReportExportQuerySchema = z.object({
  format: z.enum(REPORT_EXPORT_FORMATS).default('json'),
});
export type ReportExportQuery = z.input<typeof ReportExportQuerySchema>;

/** `GET /api/workspaces/:wid/reports` (and `/api/v1/...`): newest first, paged back with `before`. */
export const ReportListQuerySchema = z.object({
  /** Only this kind of report. */
  kind: ReportKindSchema.optional(),
  /** A report id: the page starts just before it (older). */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReportListQuery = z.input<typeof ReportListQuerySchema>;

/** One viewer-count sample of a stream's platform (Twitch `viewer_count`, Owncast `viewerCount`…). */
export interface ReportViewerSampleDto {
  /** ISO time the sample was taken. */
  at: string;
  /** Concurrent viewers the platform reported then. */
  viewers: number;
}

/** Chat messages per minute bucket, for the activity chart. */
export interface ReportActivityBucketDto {
  /** ISO start of the minute. */
  at: string;
  messages: number;
}

/** What one stream brought: counts are of events on the stream's connection within its span. */
export interface StreamReportTotalsDto {
  /** Viewers' chat messages (Podium's own lines and platform-flagged bots left out). */
  chatMessages: number;
  /** Distinct viewers who sent at least one message. */
  uniqueChatters: number;
  follows: number;
  /** Subscription events (new and resubscriptions). */
  subscriptions: number;
  /** Subscriptions given by gift events (the sum of their counts). */
  giftedSubscriptions: number;
  /** Bits cheered (sum). */
  bits: number;
  /** Raid events received. */
  raids: number;
  /** Viewers those raids brought (sum). */
  raidViewers: number;
  /** Donation events (platform tips; Ko-fi payments are linked to viewers, not to a stream). */
  donations: number;
  /** Donated amounts per ISO currency, as decimal strings ("12.50"). */
  donationAmounts: Record<string, string>;
  /** Rewards redeemed in the workspace during the span (any source: chat, panel, API). */
  redemptions: number;
  /** Points that entered balances during the span (every positive ledger entry but refunds and imports). */
  pointsGiven: number;
  /** Points viewers spent during the span on rewards, goals and votes, net of refunds. */
  pointsSpent: number;
}

/** Why a stream report has no viewer curve, or where it came from. */
export interface ReportViewerSourceDto {
  /** True when at least one sample was recorded. */
  sampled: boolean;
  /** In words: "Twitch GET /streams every minute", "Rehearsal has no viewer count". */
  note: string;
}

export interface StreamReportDto {
  id: string;
  workspaceId: string;
  kind: 'stream';
  /** "Twitch · podiumtv", "Rehearsal". */
  title: string;
  connectionId: string;
  platform: Platform;
  startedAt: string;
  endedAt: string;
  /** Whole seconds between start and end. */
  durationSeconds: number;
  /** When the stored numbers were computed (recomputing moves it). */
  computedAt: string;
  totals: StreamReportTotalsDto;
  /** Viewer-count samples within the span, oldest first (empty when the platform gives none). */
  viewers: ReportViewerSampleDto[];
  /** Peak and mean of `viewers`, null without samples. */
  peakViewers: number | null;
  averageViewers: number | null;
  viewerSource: ReportViewerSourceDto;
  /** Messages per minute over the span (minutes without a message included as 0). */
  activity: ReportActivityBucketDto[];
}

/** One question of a meeting report. */
export interface MeetingReportQuestionDto {
  questionId: string;
  /** 0-based order in the meeting. */
  position: number;
  type: QuestionType;
  title: string;
  /** Attendees who answered (or, for Q&A, posted an entry). */
  answers: number;
  /** answers / attendees, 0…1 (0 when nobody attended). */
  participationRate: number;
  /** Answers marked correct (quizzes), null where the question has no right answer. */
  correct: number | null;
  /** correct / answers, 0…1, null where the question has no right answer or nobody answered. */
  correctRate: number | null;
}

export interface MeetingReportDto {
  id: string;
  workspaceId: string;
  kind: 'meeting';
  meetingId: string;
  /** The meeting's title when it ended. */
  title: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  computedAt: string;
  attendance: {
    /** Attendees who joined the meeting. */
    attendees: number;
    /** Attendees who answered at least one question. */
    participants: number;
  };
  questions: MeetingReportQuestionDto[];
}

export type ReportDto = StreamReportDto | MeetingReportDto;

/** A report in the list: enough for a row and a sparkline-free summary. */
export interface ReportSummaryDto {
  id: string;
  kind: ReportKind;
  title: string;
  /** Stream reports only. */
  platform: Platform | null;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  computedAt: string;
  /** Stream: chat messages; meeting: attendees. */
  headline: number;
}

export interface ReportListDto {
  reports: ReportSummaryDto[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  nextBefore: string | null;
}
