import {
  AnswerInputSchema,
  CaptureFlagRequestSchema,
  type ClientToServerEvents,
  MeetingCommandSchema,
  QaAskSchema,
  QaModerateSchema,
} from '@podium/contracts';
import { z } from 'zod';

/** A dashboard tab's id (the web makes a UUID); bounded by `meetings.controller_client_id`. */
const ClientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'must be 1-100 letters, digits, - or _' });

/** What each client event carries (docs/meetings.md, "Socket.IO"), checked before any work. */
export const LiveSocketSchemas = {
  join: z.object({
    // An overlay may follow "the live meeting" of its workspace instead of naming one.
    meetingId: z.union([z.uuid(), z.literal('live')]),
    clientId: ClientIdSchema.optional(),
  }),
  leave: z.object({ meetingId: z.union([z.uuid(), z.literal('live')]) }),
  command: z.object({
    meetingId: z.uuid(),
    command: MeetingCommandSchema,
    expectedVersion: z.number().int().min(0).optional(),
  }),
  takeControl: z.object({ meetingId: z.uuid(), clientId: ClientIdSchema }),
  answer: z.object({ questionId: z.uuid(), answer: AnswerInputSchema }),
  qaAsk: QaAskSchema,
  qaUpvote: z.object({ entryId: z.uuid() }),
  qaModerate: QaModerateSchema.extend({ meetingId: z.uuid() }),
  flagCapture: CaptureFlagRequestSchema,
};

type RequestOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];

// The schemas must accept what the wire types allow: a drifted contract fails to compile here.
type Accepts<Schema extends z.ZodType, Wire> = Wire extends z.input<Schema> ? true : false;
type Assert<T extends true> = T;
export type LiveSocketWireChecks = [
  Assert<Accepts<typeof LiveSocketSchemas.join, RequestOf<'meeting.join'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.command, RequestOf<'meeting.command'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.takeControl, RequestOf<'meeting.takeControl'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.answer, RequestOf<'answer.submit'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.qaAsk, RequestOf<'qa.ask'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.qaUpvote, RequestOf<'qa.upvote'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.qaModerate, RequestOf<'qa.moderate'>>>,
  Assert<Accepts<typeof LiveSocketSchemas.flagCapture, RequestOf<'flag.capture'>>>,
];
