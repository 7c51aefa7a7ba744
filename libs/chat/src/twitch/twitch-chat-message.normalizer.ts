import type { ChatFragment, ViewerRole } from '@podium/contracts';
import type { z } from 'zod';
import { ChatFragmentSchema, type ChatBadgeSchema } from './twitch-eventsub.schema';

/**
 * A Twitch emote image. `default` serves the animated variant when there is one (Twitch's
 * documented template: static-cdn.jtvnw.net/emoticons/v2/{id}/{format}/{theme_mode}/{scale}).
 */
export function twitchEmoteUrl(emoteId: string): string {
  return `https://static-cdn.jtvnw.net/emoticons/v2/${encodeURIComponent(emoteId)}/default/dark/1.0`;
}

/**
 * Roles from chat badges. Founders (the first subscribers) wear `founder` instead of `subscriber`;
 * `lead_moderator` is a moderator. The broadcaster is also recognised by id, badge or not.
 */
export function twitchRolesOf(
  badges: z.infer<typeof ChatBadgeSchema>[],
  chatterId: string,
  broadcasterId: string,
): ViewerRole[] {
  const roles = new Set<ViewerRole>();
  if (chatterId === broadcasterId) roles.add('broadcaster');
  for (const badge of badges) {
    switch (badge.set_id) {
      case 'broadcaster':
        roles.add('broadcaster');
        break;
      case 'moderator':
      case 'lead_moderator':
        roles.add('moderator');
        break;
      case 'vip':
        roles.add('vip');
        break;
      case 'subscriber':
      case 'founder':
        roles.add('subscriber');
        break;
    }
  }
  const order: ViewerRole[] = ['broadcaster', 'moderator', 'vip', 'subscriber'];
  return order.filter((role) => roles.has(role));
}

/**
 * channel.chat.message fragments → Podium's. A fragment type Twitch adds later keeps its text, so
 * nothing the viewer wrote is lost.
 */
export function twitchChatFragments(fragments: unknown[], text: string): ChatFragment[] {
  const mapped = fragments.map((raw): ChatFragment => {
    const parsed = ChatFragmentSchema.safeParse(raw);
    if (!parsed.success) return { type: 'text', text: textOf(raw) };
    const fragment = parsed.data;
    switch (fragment.type) {
      case 'text':
        return { type: 'text', text: fragment.text };
      case 'emote':
        return {
          type: 'emote',
          text: fragment.text,
          id: fragment.emote.id,
          imageUrl: twitchEmoteUrl(fragment.emote.id),
        };
      case 'mention':
        return {
          type: 'mention',
          text: fragment.text,
          userId: fragment.mention.user_id,
          login: fragment.mention.user_login,
        };
      case 'cheermote':
        return {
          type: 'cheermote',
          text: fragment.text,
          prefix: fragment.cheermote.prefix,
          bits: fragment.cheermote.bits,
          tier: fragment.cheermote.tier,
        };
    }
  });
  const kept = mapped.filter((fragment) => fragment.text !== '');
  return kept.length > 0 || text === '' ? kept : [{ type: 'text', text }];
}

/**
 * A resubscription message's emotes come as code-point ranges (`begin`..`end`, inclusive). Ranges
 * that do not fit the text (Twitch's own docs example has one) leave the message as plain text
 * rather than cutting it wrongly.
 */
export function twitchRangedEmoteFragments(
  text: string,
  emotes: { begin: number; end: number; id: string }[],
): ChatFragment[] {
  if (text === '') return [];
  const chars = [...text];
  const sorted = [...emotes].sort((a, b) => a.begin - b.begin);
  const fits = sorted.every(
    (emote, index) =>
      emote.begin >= 0 &&
      emote.end >= emote.begin &&
      emote.end < chars.length &&
      emote.begin > (sorted[index - 1]?.end ?? -1),
  );
  if (!fits || sorted.length === 0) return [{ type: 'text', text }];
  const fragments: ChatFragment[] = [];
  let at = 0;
  for (const emote of sorted) {
    if (emote.begin > at) fragments.push({ type: 'text', text: chars.slice(at, emote.begin).join('') });
    const name = chars.slice(emote.begin, emote.end + 1).join('');
    fragments.push({ type: 'emote', text: name, id: emote.id, imageUrl: twitchEmoteUrl(emote.id) });
    at = emote.end + 1;
  }
  if (at < chars.length) fragments.push({ type: 'text', text: chars.slice(at).join('') });
  return fragments;
}

function textOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'text' in raw && typeof raw.text === 'string')
    return raw.text;
  return '';
}
