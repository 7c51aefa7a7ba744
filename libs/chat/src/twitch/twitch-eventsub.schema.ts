import { z } from 'zod';

/**
 * EventSub `event` objects of the types Podium records, as documented in Twitch's subscription-type
 * reference (field lists cross-checked with twitch-cli's models and twurple's *.external.d.ts).
 * Only the fields Podium reads are declared; unknown keys are dropped so newer fields still parse.
 */

const Id = z.string().min(1).max(100);
const Login = z.string().min(1).max(100);
const Name = z.string().min(1).max(200);
const Timestamp = z.string().min(1).max(64);
const Tier = z.enum(['1000', '2000', '3000']);

const Broadcaster = {
  broadcaster_user_id: Id,
  broadcaster_user_login: Login,
  broadcaster_user_name: Name,
};

const User = { user_id: Id, user_login: Login, user_name: Name };
/** Anonymous cheers and gifts carry nulls instead of the user. */
const MaybeUser = {
  user_id: Id.nullish(),
  user_login: Login.nullish(),
  user_name: Name.nullish(),
};

export const ChatBadgeSchema = z.object({ set_id: z.string().max(100), id: z.string().max(100) });

export const ChatFragmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('emote'),
    text: z.string(),
    emote: z.object({ id: Id, format: z.array(z.string()).nullish() }),
  }),
  z.object({
    type: z.literal('mention'),
    text: z.string(),
    mention: z.object({ user_id: Id, user_login: Login, user_name: Name }),
  }),
  z.object({
    type: z.literal('cheermote'),
    text: z.string(),
    cheermote: z.object({
      prefix: z.string().max(100),
      bits: z.number().int().min(0),
      tier: z.number().int().min(0),
    }),
  }),
]);

export const ChatMessageEventSchema = z.object({
  ...Broadcaster,
  chatter_user_id: Id,
  chatter_user_login: Login,
  chatter_user_name: Name,
  message_id: Id,
  message: z.object({ text: z.string().max(10_000), fragments: z.array(z.unknown()).max(1_000) }),
  message_type: z.string().max(100).optional(),
  badges: z.array(ChatBadgeSchema).max(100).default([]),
  cheer: z.object({ bits: z.number().int().min(0) }).nullish(),
  reply: z.object({ parent_message_id: Id }).nullish(),
  channel_points_custom_reward_id: Id.nullish(),
  source_broadcaster_user_id: Id.nullish(),
  source_broadcaster_user_login: Login.nullish(),
});

export const FollowEventSchema = z.object({ ...Broadcaster, ...User, followed_at: Timestamp });

export const SubscribeEventSchema = z.object({ ...Broadcaster, ...User, tier: Tier, is_gift: z.boolean() });

export const SubscriptionGiftEventSchema = z.object({
  ...Broadcaster,
  ...MaybeUser,
  total: z.number().int().min(1),
  tier: Tier,
  cumulative_total: z.number().int().min(0).nullish(),
  is_anonymous: z.boolean(),
});

export const SubscriptionMessageEventSchema = z.object({
  ...Broadcaster,
  ...User,
  tier: Tier,
  message: z.object({
    text: z.string().max(10_000),
    emotes: z
      .array(z.object({ begin: z.number().int(), end: z.number().int(), id: Id }))
      .max(1_000)
      .nullish(),
  }),
  cumulative_months: z.number().int().min(0),
  streak_months: z.number().int().min(0).nullish(),
  duration_months: z.number().int().min(0),
});

export const CheerEventSchema = z.object({
  ...Broadcaster,
  ...MaybeUser,
  is_anonymous: z.boolean(),
  message: z.string().max(10_000),
  bits: z.number().int().min(1),
});

export const RaidEventSchema = z.object({
  from_broadcaster_user_id: Id,
  from_broadcaster_user_login: Login,
  from_broadcaster_user_name: Name,
  to_broadcaster_user_id: Id,
  to_broadcaster_user_login: Login,
  to_broadcaster_user_name: Name,
  viewers: z.number().int().min(0),
});

export const StreamOnlineEventSchema = z.object({
  ...Broadcaster,
  id: Id,
  type: z.string().max(50),
  started_at: Timestamp,
});

export const StreamOfflineEventSchema = z.object(Broadcaster);

export const RedemptionAddEventSchema = z.object({
  ...Broadcaster,
  ...User,
  id: Id,
  user_input: z.string().max(10_000),
  status: z.string().max(50),
  reward: z.object({ id: Id, title: z.string().max(200), cost: z.number().int().min(0) }),
  redeemed_at: Timestamp,
});
