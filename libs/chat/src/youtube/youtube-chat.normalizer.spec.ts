import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  normalizeYoutubeChatItem,
  normalizeYoutubeChatPage,
  type YoutubeChatPage,
  youtubeMoneyOf,
} from './youtube-chat.normalizer';

const FIXTURES = join(__dirname, '../../../../apps/api/test/fixtures/youtube');

function listResponse(): { items: Record<string, unknown>[] } & Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(FIXTURES, 'liveChatMessages.list.response.json'), 'utf8')) as {
    response: { body: { items: Record<string, unknown>[] } & Record<string, unknown> };
  };
  return file.response.body;
}

function pageOf(body: unknown): YoutubeChatPage {
  const result = normalizeYoutubeChatPage(body);
  if (result.status !== 'page') throw new Error(`expected a page, got ${JSON.stringify(result)}`);
  return result.page;
}

/** A fixture item with its snippet changed, for the documented types the fixture does not hold. */
function itemLike(index: number, snippet: Record<string, unknown>, authorDetails?: Record<string, unknown>) {
  const item = structuredClone(listResponse().items[index]!) as {
    snippet: Record<string, unknown>;
    authorDetails: Record<string, unknown>;
  };
  const { textMessageDetails: _, superChatDetails: __, ...rest } = item.snippet;
  return {
    ...item,
    id: `LCC.test-${String(snippet['type'])}`,
    snippet: { ...rest, ...snippet },
    authorDetails: { ...item.authorDetails, ...authorDetails },
  };
}

describe('normalizeYoutubeChatPage (documented liveChatMessages.list response)', () => {
  it('keeps the page token and interval, and turns the four fixture items into events in order', () => {
    const page = pageOf(listResponse());
    expect(page.nextPageToken).toBe('GN-s9dfqiZMDILHyyfDmqZMD');
    expect(page.pollingIntervalMillis).toBe(5037);
    expect(page.chatEnded).toBe(false);
    expect(page.invalid).toEqual([]);
    expect(page.events.map((event) => [event.kind, event.externalId])).toEqual([
      ['message', 'LCC.EhwKGkNKYnQ0ZGZxaW9NREZRczFyQVlkTXRrQjF3'],
      ['donation', 'LCC.EhwKGkNQX3g1ZGZxaW9NREZWVjBnd29kR2s0REtR'],
      ['subscription', 'LCC.EhwKGkNMdjk1ZGZxaW9NREZRWDFnd29kM2Y4QlRn'],
      ['subscription', 'LCC.EhwKGkNJbWc1ZGZxaW9NREZmWDFnd29kWXBzRmhn'],
    ]);
  });

  it('textMessageEvent: a message with the typed text and the author as a viewer without roles', () => {
    expect(pageOf(listResponse()).events[0]).toEqual({
      kind: 'message',
      externalId: 'LCC.EhwKGkNKYnQ0ZGZxaW9NREZRczFyQVlkTXRrQjF3',
      viewer: {
        platform: 'youtube',
        platformUserId: 'UCpixelMothFixtureViewr1',
        displayName: 'PixelMoth',
        roles: [],
      },
      text: '!points',
      fragments: [{ type: 'text', text: '!points' }],
      occurredAt: '2026-03-14T19:02:11.306Z',
    });
  });

  it('superChatEvent: a donation of 5.00 USD, tier 2, with the comment as text', () => {
    expect(pageOf(listResponse()).events[1]).toMatchObject({
      kind: 'donation',
      viewer: { platformUserId: 'UCcorvidCoinFixtureView3', displayName: 'CorvidCoins' },
      text: 'for the lighthouse fund',
      amounts: { money: { amount: '5.00', currency: 'USD' }, tier: '2' },
      detail: { source: 'super_chat', amountDisplay: '$5.00' },
      occurredAt: '2026-03-14T19:05:20.077Z',
    });
  });

  it('newSponsorEvent: a subscription at the member level, the sponsor flag as the member role', () => {
    expect(pageOf(listResponse()).events[2]).toEqual({
      kind: 'subscription',
      externalId: 'LCC.EhwKGkNMdjk1ZGZxaW9NREZRWDFnd29kM2Y4QlRn',
      viewer: {
        platform: 'youtube',
        platformUserId: 'UCquietFernFixtureViewr2',
        displayName: 'QuietFern',
        roles: ['member'],
      },
      amounts: { tier: 'Keepers of the Light' },
      detail: { upgrade: false },
      occurredAt: '2026-03-14T19:07:31.118Z',
    });
  });

  it('memberMilestoneChatEvent: a subscription with its months, level and the viewer text', () => {
    expect(pageOf(listResponse()).events[3]).toMatchObject({
      kind: 'subscription',
      text: 'six months already, thanks for the streams',
      amounts: { months: 6, tier: 'Keepers of the Light' },
      detail: { milestone: true },
    });
  });

  it('offlineAt on the page means the chat is ending', () => {
    expect(pageOf({ ...listResponse(), offlineAt: '2026-03-14T21:00:00.000Z' }).chatEnded).toBe(true);
  });

  it('a chatEndedEvent is a signal, not an event', () => {
    const page = pageOf({ ...listResponse(), items: [itemLike(0, { type: 'chatEndedEvent' })] });
    expect(page).toMatchObject({ chatEnded: true, events: [], ignored: 0 });
  });

  it('skips a malformed item and keeps the rest of the page', () => {
    const body = listResponse();
    const items: unknown[] = [...body.items];
    items.splice(1, 0, { id: 'LCC.broken', snippet: { type: 'textMessageEvent' } }, 'not an object');
    const page = pageOf({ ...body, items });
    expect(page.events).toHaveLength(4);
    expect(page.invalid).toEqual([
      { id: 'LCC.broken', message: expect.stringContaining('snippet.publishedAt') },
      { id: null, message: expect.any(String) },
    ]);
  });

  it.each<[string, unknown]>([
    ['a string', 'Service Unavailable'],
    ['null', null],
    ['items that are not a list', { items: 'nope', nextPageToken: 'x' }],
    ['a negative interval', { items: [], pollingIntervalMillis: -1 }],
  ])('refuses %s as a page', (_, body) => {
    expect(normalizeYoutubeChatPage(body)).toMatchObject({ status: 'invalid', message: expect.any(String) });
  });
});

describe('normalizeYoutubeChatItem (documented types without a fixture)', () => {
  it('roles: chat owner → broadcaster, moderator → moderator, sponsor → member', () => {
    const result = normalizeYoutubeChatItem(
      itemLike(
        0,
        { type: 'textMessageEvent', textMessageDetails: { messageText: 'hi' } },
        { isChatOwner: true, isChatModerator: true, isChatSponsor: true },
      ),
    );
    expect(result).toMatchObject({
      status: 'event',
      event: { viewer: { roles: ['broadcaster', 'moderator', 'member'] } },
    });
  });

  it('superStickerEvent: a donation with the sticker in the detail and no text', () => {
    const result = normalizeYoutubeChatItem(
      itemLike(1, {
        type: 'superStickerEvent',
        superStickerDetails: {
          superStickerMetadata: {
            stickerId: 'sticker_lighthouse',
            altText: 'A lighthouse waving',
            language: 'en',
          },
          amountMicros: '1990000',
          currency: 'EUR',
          amountDisplayString: '€1.99',
          tier: 1,
        },
      }),
    );
    expect(result).toMatchObject({
      status: 'event',
      event: {
        kind: 'donation',
        amounts: { money: { amount: '1.99', currency: 'EUR' }, tier: '1' },
        detail: {
          source: 'super_sticker',
          stickerId: 'sticker_lighthouse',
          stickerAltText: 'A lighthouse waving',
        },
      },
    });
    expect(result).not.toHaveProperty('event.text');
  });

  it('membershipGiftingEvent: a gift with the number of memberships and their level', () => {
    const result = normalizeYoutubeChatItem(
      itemLike(2, {
        type: 'membershipGiftingEvent',
        membershipGiftingDetails: {
          giftMembershipsCount: 5,
          giftMembershipsLevelName: 'Keepers of the Light',
        },
      }),
    );
    expect(result).toMatchObject({
      status: 'event',
      event: { kind: 'gift', amounts: { giftCount: 5, tier: 'Keepers of the Light' } },
    });
  });

  it('giftMembershipReceivedEvent: the recipient subscribes, marked as gifted by the gifter', () => {
    const result = normalizeYoutubeChatItem(
      itemLike(2, {
        type: 'giftMembershipReceivedEvent',
        giftMembershipReceivedDetails: {
          memberLevelName: 'Keepers of the Light',
          gifterChannelId: 'UCcorvidCoinFixtureView3',
          associatedMembershipGiftingMessageId: 'LCC.gift-1',
        },
      }),
    );
    expect(result).toMatchObject({
      status: 'event',
      event: {
        kind: 'subscription',
        amounts: { tier: 'Keepers of the Light' },
        detail: { gifted: true, gifterChannelId: 'UCcorvidCoinFixtureView3', giftEventId: 'LCC.gift-1' },
      },
    });
  });

  it.each([
    'messageDeletedEvent',
    'userBannedEvent',
    'sponsorOnlyModeStartedEvent',
    'tombstone',
    'pollEvent',
  ])('ignores %s (not a viewer action Podium records)', (type) => {
    expect(normalizeYoutubeChatItem(itemLike(0, { type }))).toMatchObject({ status: 'ignored', type });
  });

  it('a Super Chat without its details or a money amount that is not a number is invalid', () => {
    expect(normalizeYoutubeChatItem(itemLike(1, { type: 'superChatEvent' }))).toMatchObject({
      status: 'invalid',
    });
    expect(
      normalizeYoutubeChatItem(
        itemLike(1, { type: 'superChatEvent', superChatDetails: { amountMicros: '5.5', currency: 'USD' } }),
      ),
    ).toMatchObject({ status: 'invalid', message: expect.stringContaining('amountMicros') });
  });

  it('an event item without authorDetails is invalid (part=authorDetails was not asked for)', () => {
    const { authorDetails: _, ...item } = itemLike(0, {
      type: 'textMessageEvent',
      textMessageDetails: { messageText: 'x' },
    });
    expect(normalizeYoutubeChatItem(item)).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('authorDetails'),
    });
  });
});

describe('youtubeMoneyOf', () => {
  it.each([
    ['5000000', 'USD', '5.00'],
    ['1990000', 'EUR', '1.99'],
    ['500000000', 'JPY', '500'],
    ['1234567', 'USD', '1.234567'],
    ['0', 'USD', '0.00'],
    ['123456789012345678', 'USD', '123456789012.345678'],
  ])('%s micros of %s → %s', (micros, currency, amount) => {
    expect(youtubeMoneyOf(micros, currency)).toEqual({ amount, currency });
  });
});
