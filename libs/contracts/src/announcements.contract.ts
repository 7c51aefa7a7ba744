import { z } from 'zod';

/** Limits of a periodic announcement, shared by the schemas, the rules and the admin form. */
export const ANNOUNCEMENT_MAX_MESSAGES = 10;
export const ANNOUNCEMENT_MESSAGE_MAX_LENGTH = 500;
export const ANNOUNCEMENT_MIN_INTERVAL_MINUTES = 1;
export const ANNOUNCEMENT_MAX_INTERVAL_MINUTES = 1440;
export const ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES = 1000;

/** A periodic bot: a message (or a rotation of messages) posted to chat every N minutes. */
export interface AnnouncementDto {
  id: string;
  workspaceId: string;
  /** What the organizer calls it in the admin (never posted). */
  name: string;
  /** Posted in this order, one per period, starting over after the last (1–10, ≤500 characters). */
  messages: string[];
  /** Index in `messages` of the message the next post uses. */
  nextMessageIndex: number;
  /** Period, 1–1440 minutes. */
  intervalMinutes: number;
  /** Only post while at least one chosen connection is live (a running meeting counts for in-room). */
  liveOnly: boolean;
  /** Only post when at least this many chat messages arrived since the last post (0–1000; 0 = always). */
  minChatMessages: number;
  /** Connections to post to; empty = every connection of the workspace. */
  connectionIds: string[];
  enabled: boolean;
  /** When it was last posted (ISO), or null if never: the next post is due `intervalMinutes` later. */
  lastPostedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const MessageSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(ANNOUNCEMENT_MESSAGE_MAX_LENGTH, {
    message: `must be at most ${ANNOUNCEMENT_MESSAGE_MAX_LENGTH} characters`,
  });

const announcementFields = {
  name: z.string().trim().min(1, { message: 'is required' }).max(80),
  messages: z
    .array(MessageSchema)
    .min(1, { message: 'needs at least one message' })
    .max(ANNOUNCEMENT_MAX_MESSAGES, { message: `must have at most ${ANNOUNCEMENT_MAX_MESSAGES} messages` }),
  intervalMinutes: z
    .number()
    .int()
    .min(ANNOUNCEMENT_MIN_INTERVAL_MINUTES)
    .max(ANNOUNCEMENT_MAX_INTERVAL_MINUTES),
  liveOnly: z.boolean(),
  minChatMessages: z.number().int().min(0).max(ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES),
  connectionIds: z.array(z.uuid()).max(50),
  enabled: z.boolean(),
};

/** `POST /api/workspaces/:workspaceId/bots/announcements`. */
export const CreateAnnouncementRequestSchema = z.object({
  name: announcementFields.name,
  messages: announcementFields.messages,
  intervalMinutes: announcementFields.intervalMinutes.default(15),
  liveOnly: announcementFields.liveOnly.default(true),
  minChatMessages: announcementFields.minChatMessages.default(0),
  connectionIds: announcementFields.connectionIds.default([]),
  enabled: announcementFields.enabled.default(true),
});
export type CreateAnnouncementRequest = z.input<typeof CreateAnnouncementRequestSchema>;

/** `PATCH /api/workspaces/:workspaceId/bots/announcements/:id`: only the fields given change. */
export const UpdateAnnouncementRequestSchema = z
  .object(announcementFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'nothing to change' });
export type UpdateAnnouncementRequest = z.input<typeof UpdateAnnouncementRequestSchema>;
