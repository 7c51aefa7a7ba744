/** Twitch's limit on one chat message (Helix "Send Chat Message": at most 500 characters). */
export const TWITCH_MAX_MESSAGE_LENGTH = 500;

/**
 * Twitch chat rate limits (dev.twitch.tv/docs/chat/#rate-limits): 20 messages per 30 seconds for
 * an ordinary account, 100 per 30 seconds when the sender is the broadcaster or a moderator of the
 * channel. Going over gets the account locked out of chat for a while, so the outbox holds to it.
 */
export function twitchOutboxLimits(sender: { isBroadcaster: boolean; isModerator: boolean }): {
  maxLength: number;
  messages: number;
  perMs: number;
} {
  const privileged = sender.isBroadcaster || sender.isModerator;
  return { maxLength: TWITCH_MAX_MESSAGE_LENGTH, messages: privileged ? 100 : 20, perMs: 30_000 };
}
