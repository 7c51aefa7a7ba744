/**
 * The EventSub subscription types Podium listens to for a connected channel, with the version it
 * subscribes to (dev.twitch.tv/docs/eventsub/eventsub-subscription-types).
 */
export const TWITCH_EVENT_SUBSCRIPTIONS = [
  { type: 'channel.chat.message', version: '1' },
  { type: 'channel.follow', version: '2' },
  { type: 'channel.subscribe', version: '1' },
  { type: 'channel.subscription.gift', version: '1' },
  { type: 'channel.subscription.message', version: '1' },
  { type: 'channel.cheer', version: '1' },
  { type: 'channel.raid', version: '1' },
  { type: 'stream.online', version: '1' },
  { type: 'stream.offline', version: '1' },
  { type: 'channel.channel_points_custom_reward_redemption.add', version: '1' },
] as const;

export type TwitchEventType = (typeof TWITCH_EVENT_SUBSCRIPTIONS)[number]['type'];

export const TWITCH_EVENT_TYPES: readonly TwitchEventType[] = TWITCH_EVENT_SUBSCRIPTIONS.map((s) => s.type);

export function isTwitchEventType(type: string): type is TwitchEventType {
  return (TWITCH_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * What the channel's owner grants: read and write chat (also as the app, `user:bot`/`channel:bot`),
 * and the authorization each subscription type needs (follows as the channel's own moderator,
 * subscriptions, bits, redemptions), plus `moderation:read` to learn whether a bot account is a
 * moderator (its chat rate limit is then 100 instead of 20 per 30 s), and deleting messages and
 * banning or timing out users for chat moderation (done as the channel's owner).
 */
export const TWITCH_BROADCASTER_SCOPES = [
  'user:read:chat',
  'user:write:chat',
  'user:bot',
  'channel:bot',
  'moderator:read:followers',
  'channel:read:subscriptions',
  'bits:read',
  'channel:read:redemptions',
  'moderation:read',
  'moderator:manage:chat_messages',
  'moderator:manage:banned_users',
  // !title / !game set the channel's title and category; !so sends a Helix shoutout.
  'channel:manage:broadcast',
  'moderator:manage:shoutouts',
  // Points presence in `listed` mode reads the chatter list.
  'moderator:read:chatters',
] as const;

/** A separate account that speaks in chat: read and write chat, and chat as this app's bot. */
export const TWITCH_BOT_SCOPES = ['user:read:chat', 'user:write:chat', 'user:bot'] as const;

/** Scopes of `wanted` the grant lacks (Twitch may let the user untick none, but a proxy could). */
export function missingTwitchScopes(granted: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(granted);
  return wanted.filter((scope) => !have.has(scope));
}
