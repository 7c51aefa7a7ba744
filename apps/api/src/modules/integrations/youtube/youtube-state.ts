import { z } from 'zod';

/**
 * What a YouTube connection keeps in its `state` between poll runs (and across restarts):
 * where the poll chain is, which live chat it reads and from which page token, and the units
 * spent today. Parsed leniently: a field that is missing or odd falls back to its default.
 */
export const YoutubeStateSchema = z.object({
  /**
   * Position of the poll chain: run N is the job `youtube-poll-<connection>-<N>`, and only the
   * run whose step matches may act, so a stale or repeated run does nothing.
   */
  step: z.number().int().nonnegative().catch(0),
  /** lookup: find the live broadcast now; polling: read its chat; waiting: no broadcast, look again later; stopped: needs a reconnect. */
  mode: z.enum(['lookup', 'polling', 'waiting', 'stopped']).catch('lookup'),
  liveChatId: z.string().min(1).nullable().catch(null),
  broadcastId: z.string().min(1).nullable().catch(null),
  /** Where the next liveChatMessages.list resumes; a restart continues here, not at the start. */
  nextPageToken: z.string().min(1).nullable().catch(null),
  /** The chat that ended last, so a broadcast still listed as active for a while is not re-read. */
  endedLiveChatId: z.string().min(1).nullable().catch(null),
  /** When the armed run is due; a restart re-arms it for the time that is left. */
  nextRunAt: z.iso.datetime().nullable().catch(null),
  /** Failed runs in a row (backoff, and needs_attention after a few). */
  failures: z.number().int().nonnegative().catch(0),
  /** Units spent on the Pacific-time `day` (written atomically by YoutubeStateRepository.addQuota). */
  quota: z.object({ day: z.string(), used: z.number().int().nonnegative() }).nullable().catch(null),
});
export type YoutubeState = z.infer<typeof YoutubeStateSchema>;

export function readYoutubeState(state: Record<string, unknown>): YoutubeState {
  return YoutubeStateSchema.parse(state);
}
