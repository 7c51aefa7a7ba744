import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeTwitchEvent, type TwitchNormalizeResult } from './twitch-eventsub.normalizer';
import { TWITCH_EVENT_TYPES, type TwitchEventType } from './twitch-eventsub.types';

const FIXTURES = join(__dirname, '../../../../apps/api/test/fixtures/twitch/eventsub');

interface Notification {
  headers: Record<string, string>;
  body: { subscription: { type: string }; event: Record<string, unknown> };
}

function fixture(name: string): Notification {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Notification;
}

/** Normalizes a fixture the way a delivery reaches the normalizer: body event plus its headers. */
function normalizeFixture(name: string, event?: Record<string, unknown>): TwitchNormalizeResult {
  const { headers, body } = fixture(name);
  return normalizeTwitchEvent(body.subscription.type as TwitchEventType, event ?? body.event, {
    messageId: headers['Twitch-Eventsub-Message-Id']!,
    sentAt: headers['Twitch-Eventsub-Message-Timestamp']!,
  });
}

function eventOf(result: TwitchNormalizeResult) {
  if (result.status !== 'event') throw new Error(`expected an event, got ${result.message}`);
  return result;
}

describe('normalizeTwitchEvent', () => {
  it('maps a plain chat message: text, subscriber role, the chat message id as key', () => {
    const { channelId, event } = eventOf(normalizeFixture('notification.channel.chat.message.plain'));
    expect(channelId).toBe('73519108');
    expect(event).toEqual({
      kind: 'message',
      externalId: 'message:66848452-5bf4-5349-835e-8894a947f277',
      viewer: {
        platform: 'twitch',
        platformUserId: '581204977',
        login: 'pixelmoth',
        displayName: 'PixelMoth',
        roles: ['subscriber'],
      },
      text: 'good evening everyone, the new overlay looks great',
      fragments: [{ type: 'text', text: 'good evening everyone, the new overlay looks great' }],
      detail: { messageId: '66848452-5bf4-5349-835e-8894a947f277' },
      occurredAt: '2026-03-14T19:02:11.306Z',
    });
  });

  it('keeps cheermotes, mentions and emotes as fragments and reads moderator, vip and founder badges', () => {
    const { event } = eventOf(normalizeFixture('notification.channel.chat.message.fragments'));
    expect(event.viewer?.roles).toEqual(['moderator', 'vip', 'subscriber']);
    expect(event.amounts).toEqual({ bits: 50 });
    expect(event.fragments).toEqual([
      { type: 'cheermote', text: 'Cheer50', prefix: 'cheer', bits: 50, tier: 1 },
      { type: 'text', text: ' ' },
      { type: 'mention', text: '@PixelMoth', userId: '581204977', login: 'pixelmoth' },
      { type: 'text', text: ' ' },
      {
        type: 'emote',
        text: 'lumenfHype',
        id: 'emotesv2_3f6b1a0c9d2e4f58a7b6c5d4e3f2a1b0',
        imageUrl:
          'https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_3f6b1a0c9d2e4f58a7b6c5d4e3f2a1b0/default/dark/1.0',
      },
      { type: 'text', text: ' nice build' },
    ]);
    expect(event.fragments?.map((f) => f.text).join('')).toBe(event.text);
  });

  it('gives the broadcaster the broadcaster role even without a badge', () => {
    const { body } = fixture('notification.channel.chat.message.plain');
    const own = { ...body.event, chatter_user_id: '73519108', badges: [] };
    const { event } = eventOf(normalizeFixture('notification.channel.chat.message.plain', own));
    expect(event.viewer?.roles).toEqual(['broadcaster']);
  });

  it('keys follows, subscriptions, cheers, gifts, raids and stream.offline by the EventSub message id', () => {
    const byMessage = [
      'notification.channel.follow.v2',
      'notification.channel.subscribe',
      'notification.channel.cheer',
      'notification.channel.subscription.gift',
      'notification.channel.subscription.message',
      'notification.channel.raid',
      'notification.stream.offline',
    ];
    for (const name of byMessage) {
      const { event } = eventOf(normalizeFixture(name));
      expect(event.externalId).toBe(`eventsub:${fixture(name).headers['Twitch-Eventsub-Message-Id']}`);
    }
  });

  it('maps a follow with its own time', () => {
    const { event } = eventOf(normalizeFixture('notification.channel.follow.v2'));
    expect(event).toMatchObject({
      kind: 'follow',
      viewer: { platformUserId: '640118233', login: 'quietfern', displayName: 'QuietFern', roles: [] },
      occurredAt: '2026-03-14T19:06:02.544Z',
    });
  });

  it('maps a subscription with its tier', () => {
    const { event } = eventOf(normalizeFixture('notification.channel.subscribe'));
    expect(event).toMatchObject({
      kind: 'subscription',
      viewer: { platformUserId: '581204977', roles: ['subscriber'] },
      amounts: { tier: '1000' },
      detail: { isGift: false },
    });
  });

  it('maps a gift with its count, and an anonymous gift without a viewer', () => {
    const named = eventOf(normalizeFixture('notification.channel.subscription.gift')).event;
    expect(named).toMatchObject({
      kind: 'gift',
      viewer: { platformUserId: '640118233', displayName: 'QuietFern' },
      amounts: { giftCount: 5, tier: '1000' },
      detail: { anonymous: false, cumulativeTotal: 12 },
    });
    const anonymous = eventOf(normalizeFixture('notification.channel.subscription.gift.anonymous')).event;
    expect(anonymous.viewer).toBeUndefined();
    expect(anonymous).toMatchObject({
      kind: 'gift',
      amounts: { giftCount: 1, tier: '2000' },
      detail: { anonymous: true },
    });
  });

  it('maps a resubscription message with its months and emote ranges', () => {
    const { event } = eventOf(normalizeFixture('notification.channel.subscription.message'));
    expect(event).toMatchObject({
      kind: 'subscription',
      text: 'Seven months already lumenfHype',
      amounts: { tier: '1000', months: 7 },
      detail: { resubscription: true, streakMonths: 3, durationMonths: 1 },
    });
    expect(event.fragments).toEqual([
      { type: 'text', text: 'Seven months already ' },
      expect.objectContaining({
        type: 'emote',
        text: 'lumenfHype',
        id: 'emotesv2_3f6b1a0c9d2e4f58a7b6c5d4e3f2a1b0',
      }),
    ]);
  });

  it('leaves a resubscription message as text when the emote ranges do not fit it', () => {
    const { body } = fixture('notification.channel.subscription.message');
    // Twitch's own docs example: "Love the stream! FevziGG" with an emote at 23..30.
    const docs = {
      ...body.event,
      message: { text: 'Love the stream! FevziGG', emotes: [{ begin: 23, end: 30, id: '302976485' }] },
    };
    const { event } = eventOf(normalizeFixture('notification.channel.subscription.message', docs));
    expect(event.fragments).toEqual([{ type: 'text', text: 'Love the stream! FevziGG' }]);
  });

  it('maps a cheer with bits and text, and an anonymous cheer without a viewer', () => {
    const { event } = eventOf(normalizeFixture('notification.channel.cheer'));
    expect(event).toMatchObject({
      kind: 'cheer',
      viewer: { platformUserId: '702334119', login: 'corvidcoins' },
      text: 'Cheer100 take my bits lumenfHype',
      amounts: { bits: 100 },
    });
    const { body } = fixture('notification.channel.cheer');
    const anonymous = { ...body.event, is_anonymous: true, user_id: null, user_login: null, user_name: null };
    const anon = eventOf(normalizeFixture('notification.channel.cheer', anonymous)).event;
    expect(anon.viewer).toBeUndefined();
    expect(anon.detail).toEqual({ anonymous: true });
  });

  it('makes the raiding broadcaster the viewer of a raid and belongs to the raided channel', () => {
    const { channelId, event } = eventOf(normalizeFixture('notification.channel.raid'));
    expect(channelId).toBe('73519108');
    expect(event).toMatchObject({
      kind: 'raid',
      viewer: { platformUserId: '415926535', login: 'tidewrangler', displayName: 'TideWrangler' },
      amounts: { raidViewers: 87 },
    });
  });

  it('maps stream online (keyed by the stream id) and offline, without a viewer', () => {
    const online = eventOf(normalizeFixture('notification.stream.online')).event;
    expect(online).toEqual({
      kind: 'stream_online',
      externalId: 'stream:51834276919:online',
      detail: { streamId: '51834276919', streamType: 'live' },
      occurredAt: '2026-03-14T18:59:58.000Z',
    });
    const offline = eventOf(normalizeFixture('notification.stream.offline')).event;
    expect(offline).toMatchObject({ kind: 'stream_offline', occurredAt: '2026-03-14T22:31:09.660Z' });
    expect(offline.viewer).toBeUndefined();
  });

  it('maps a channel-points redemption keyed by the redemption id', () => {
    const { event } = eventOf(
      normalizeFixture('notification.channel.channel_points_custom_reward_redemption.add'),
    );
    expect(event).toEqual({
      kind: 'redemption',
      externalId: 'redemption:17fa2df1-ad76-4804-bfa5-a40ef63efe63',
      viewer: {
        platform: 'twitch',
        platformUserId: '640118233',
        login: 'quietfern',
        displayName: 'QuietFern',
        roles: [],
      },
      text: 'play the lighthouse song',
      fragments: [{ type: 'text', text: 'play the lighthouse song' }],
      amounts: { points: 500 },
      detail: {
        redemptionId: '17fa2df1-ad76-4804-bfa5-a40ef63efe63',
        rewardId: '92af127c-7326-4483-a52b-b0da0be61c01',
        rewardTitle: 'Song request',
        status: 'unfulfilled',
      },
      occurredAt: '2026-03-14T19:20:18.209Z',
    });
  });

  it('gives the same key to a resend (same message id) and a different key to another delivery', () => {
    const first = eventOf(normalizeFixture('notification.channel.follow.v2')).event;
    const again = eventOf(normalizeFixture('notification.channel.follow.v2')).event;
    const { body } = fixture('notification.channel.follow.v2');
    const other = normalizeTwitchEvent('channel.follow', body.event, {
      messageId: 'another-id',
      sentAt: first.occurredAt,
    });
    expect(again.externalId).toBe(first.externalId);
    expect(eventOf(other).event.externalId).not.toBe(first.externalId);
  });

  it('reports the field at fault for a body that does not match its type', () => {
    for (const type of TWITCH_EVENT_TYPES) {
      const result = normalizeTwitchEvent(
        type,
        { nothing: 'here' },
        { messageId: 'm', sentAt: '2026-03-14T19:00:00Z' },
      );
      expect(result.status).toBe('invalid');
    }
    const { body } = fixture('notification.channel.cheer');
    const result = normalizeFixture('notification.channel.cheer', { ...body.event, bits: 'lots' });
    expect(result).toEqual({
      status: 'invalid',
      message: expect.stringContaining('channel.cheer: event.bits'),
    });
    expect(normalizeTwitchEvent('channel.follow', undefined, { messageId: 'm', sentAt: 'x' }).status).toBe(
      'invalid',
    );
  });
});
