/** Periodic announcements: when one is due, whether it may post now, and which message it posts. */

export const MINUTE_MS = 60_000;

export interface AnnouncementTiming {
  intervalMinutes: number;
  /** The last post, or null if never posted. */
  lastPostedAt: Date | null;
  /** When it was created: a new announcement first posts one interval after it. */
  createdAt: Date;
}

/** The moment the current period started: the last post, or the creation. */
export function announcementPeriodStart(timing: AnnouncementTiming): Date {
  return timing.lastPostedAt ?? timing.createdAt;
}

/** When the next post is due (`minuteMs` lets tests shrink a minute). */
export function announcementDueAt(timing: AnnouncementTiming, minuteMs = MINUTE_MS): Date {
  return new Date(announcementPeriodStart(timing).getTime() + timing.intervalMinutes * minuteMs);
}

/** Due when `now ≥ lastPostedAt + interval` (creation standing in for a first post). */
export function isAnnouncementDue(timing: AnnouncementTiming, now: Date, minuteMs = MINUTE_MS): boolean {
  return now.getTime() >= announcementDueAt(timing, minuteMs).getTime();
}

export interface AnnouncementConditions {
  liveOnly: boolean;
  minChatMessages: number;
  /** At least one of the announcement's connections is live now. */
  anyLive: boolean;
  /** Chat messages (not Podium's own) that arrived since the period started. */
  chatMessagesSince: number;
}

export type AnnouncementVerdict = { post: true } | { post: false; reason: 'offline' | 'quiet' };

/**
 * Whether a due announcement posts now. A skipped one is not counted as posted: it stays due and
 * is asked again on the next tick (so it posts as soon as the stream is live or chat woke up).
 */
export function announcementVerdict(conditions: AnnouncementConditions): AnnouncementVerdict {
  if (conditions.liveOnly && !conditions.anyLive) return { post: false, reason: 'offline' };
  if (conditions.chatMessagesSince < conditions.minChatMessages) return { post: false, reason: 'quiet' };
  return { post: true };
}

/** The message a post uses and the index the following post starts from (rotation in order). */
export function rotateAnnouncement(
  messages: readonly string[],
  nextIndex: number,
): { text: string; nextIndex: number } {
  if (messages.length === 0) throw new Error('an announcement has at least one message');
  // The list may have shrunk since the index was stored: start over rather than fail.
  const index = Number.isInteger(nextIndex) && nextIndex >= 0 && nextIndex < messages.length ? nextIndex : 0;
  return { text: messages[index] as string, nextIndex: (index + 1) % messages.length };
}
