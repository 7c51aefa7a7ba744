import type { AccessToken } from '@twurple/auth';
import { z } from 'zod';

/**
 * A Twitch user token as stored (sealed) in a connection: twurple's AccessToken, so onRefresh can
 * save what it gets as is and a restart hands it straight back to the auth provider.
 */
export const TwitchCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  scope: z.array(z.string()),
  expiresIn: z.number().nullable(),
  obtainmentTimestamp: z.number(),
});
export type TwitchCredentials = z.infer<typeof TwitchCredentialsSchema>;

export function toCredentials(token: AccessToken): TwitchCredentials {
  return {
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    scope: token.scope,
    expiresIn: token.expiresIn,
    obtainmentTimestamp: token.obtainmentTimestamp,
  };
}

/** Stored credentials, or undefined when missing or not in the expected shape. */
export function readCredentials(value: unknown): TwitchCredentials | undefined {
  const parsed = TwitchCredentialsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function tokenExpiresAt(credentials: TwitchCredentials | undefined): string | null {
  if (!credentials?.expiresIn) return null;
  return new Date(credentials.obtainmentTimestamp + credentials.expiresIn * 1000).toISOString();
}

/** What an adapter keeps in the connection's `state` (shared by every replica through the row). */
export interface TwitchConnectionState {
  /** EventSub type → Twitch's status of our subscription (enabled, …_pending, authorization_revoked…). */
  subscriptions?: Record<string, string>;
  /** Whether the bot account moderates the channel: its chat limit is then 100 per 30 s. */
  botIsModerator?: boolean;
}

export function stateOf(state: Record<string, unknown>): TwitchConnectionState {
  const subscriptions = state['subscriptions'];
  return {
    subscriptions:
      typeof subscriptions === 'object' && subscriptions !== null
        ? Object.fromEntries(
            Object.entries(subscriptions).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            ),
          )
        : undefined,
    botIsModerator: state['botIsModerator'] === true,
  };
}
