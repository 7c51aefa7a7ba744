import {
  CreateAnnouncementRequestSchema,
  type AnnouncementDto,
  type ConnectionDto,
  type CreateAnnouncementRequest,
} from '@podium/contracts';
import { type FieldIssue, issuesOfParse, parseWholeNumber, splitLines } from './bots-shell.form';

export const ANNOUNCEMENT_FIELDS = [
  'name',
  'messages',
  'intervalMinutes',
  'liveOnly',
  'minChatMessages',
  'connectionIds',
  'enabled',
] as const;

export interface AnnouncementFormValues {
  name: string;
  /** One message a line, posted in turn. */
  messages: string;
  intervalMinutes: string;
  liveOnly: boolean;
  minChatMessages: string;
  /** None ticked: every connection of the workspace. */
  connectionIds: string[];
  enabled: boolean;
}

export function announcementFormValues(announcement: AnnouncementDto | null): AnnouncementFormValues {
  return {
    name: announcement?.name ?? '',
    messages: announcement?.messages.join('\n') ?? '',
    intervalMinutes: String(announcement?.intervalMinutes ?? 15),
    liveOnly: announcement?.liveOnly ?? true,
    minChatMessages: String(announcement?.minChatMessages ?? 0),
    connectionIds: announcement?.connectionIds ?? [],
    enabled: announcement?.enabled ?? true,
  };
}

/**
 * The request the form sends. Targets that are no longer connected are dropped, so editing an
 * announcement whose connection was removed does not fail on an id nobody can see.
 */
export function buildAnnouncementRequest(
  values: AnnouncementFormValues,
  connections: readonly Pick<ConnectionDto, 'id'>[],
): CreateAnnouncementRequest {
  const known = new Set(connections.map((connection) => connection.id));
  return {
    name: values.name.trim(),
    messages: splitLines(values.messages),
    // An empty interval is a mistake to name, not a default to guess.
    intervalMinutes: parseWholeNumber(values.intervalMinutes, Number.NaN),
    liveOnly: values.liveOnly,
    minChatMessages: parseWholeNumber(values.minChatMessages, 0),
    connectionIds: values.connectionIds.filter((id) => known.has(id)),
    enabled: values.enabled,
  };
}

export function validateAnnouncementRequest(request: CreateAnnouncementRequest): FieldIssue[] {
  return issuesOfParse(CreateAnnouncementRequestSchema.safeParse(request));
}

/** When the next post is due (ISO), or null when it will go at the next check (never posted). */
export function nextPostDue(
  announcement: Pick<AnnouncementDto, 'lastPostedAt' | 'intervalMinutes'>,
): string | null {
  if (!announcement.lastPostedAt) return null;
  const last = Date.parse(announcement.lastPostedAt);
  if (Number.isNaN(last)) return null;
  return new Date(last + announcement.intervalMinutes * 60_000).toISOString();
}

/** A connection as the organizer knows it: "Twitch · ada_streams" (the platform alone without an account). */
export function connectionLabel(
  connection: Pick<ConnectionDto, 'accountName'>,
  platformName: string,
): string {
  const account = connection.accountName?.trim();
  // The in-room chat's "account" is its own name: say it once.
  return account && account !== platformName ? `${platformName} · ${account}` : platformName;
}

/**
 * The targets of an announcement as names, for its row; a target no longer connected is left out
 * (the api no longer posts there either). Empty: every connection.
 */
export function targetLabels(
  connectionIds: readonly string[],
  connections: readonly Pick<ConnectionDto, 'id' | 'platform' | 'accountName'>[],
  platformName: (platform: ConnectionDto['platform']) => string,
): string[] {
  return connectionIds.flatMap((id) => {
    const connection = connections.find((candidate) => candidate.id === id);
    return connection ? [connectionLabel(connection, platformName(connection.platform))] : [];
  });
}
