import type { ModerationOutcome, ModerationRequest, ConnectionRecord } from '../../chat/platform-adapter';
import type { TwitchClients } from './twitch-clients';

/**
 * Moderation through Helix as the channel's owner (always a moderator of their own channel):
 * `DELETE /moderation/chat` removes the message, then `POST /moderation/bans` times out (with a
 * duration) or bans its author. Needs `moderator:manage:chat_messages` and
 * `moderator:manage:banned_users`; a channel connected before they were asked for must reconnect.
 */
export async function moderateOnTwitch(
  clients: TwitchClients,
  connection: ConnectionRecord,
  { event, action, reason }: ModerationRequest,
): Promise<ModerationOutcome> {
  const messageId = messageIdOf(event.detail?.['messageId'], event.externalId);
  const userId = event.viewer?.platformUserId;
  const channel = connection.accountId;
  try {
    clients.useTokens(connection);
    await clients.api.asUser(channel, (api) => api.moderation.deleteChatMessages(channel, messageId));
    if (action.type !== 'delete') {
      if (!userId) return { status: 'failed', reason: 'The message has no author to restrict' };
      await clients.api.asUser(channel, (api) =>
        api.moderation.banUser(channel, {
          user: userId,
          reason: reason.slice(0, 500),
          ...(action.type === 'timeout' ? { duration: action.seconds } : {}),
        }),
      );
    }
    return { status: 'done' };
  } catch (error) {
    const status = statusCodeOf(error);
    const hint =
      status === 401 || status === 403
        ? ' (reconnect the Twitch channel to grant the moderation scopes)'
        : '';
    return { status: 'failed', reason: `Twitch refused: ${twitchMessageOf(error)}${hint}` };
  }
}

/** The normalizer keeps Twitch's message id in `detail.messageId`; the external id is `message:<id>`. */
function messageIdOf(detail: unknown, externalId: string): string {
  return typeof detail === 'string' && detail !== '' ? detail : externalId.replace(/^message:/, '');
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

function twitchMessageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'body' in error && typeof error.body === 'string') {
    try {
      const parsed = JSON.parse(error.body) as { message?: unknown };
      if (typeof parsed.message === 'string' && parsed.message !== '') return parsed.message;
    } catch {
      // not JSON: the error's own message below
    }
  }
  return error instanceof Error ? error.message : String(error);
}
