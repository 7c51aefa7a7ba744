import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOwncastWebhook } from './owncast-webhook.normalizer';

const FIXTURES = join(__dirname, '../../../../apps/api/test/fixtures/owncast/webhooks');
const RECEIVED_AT = new Date('2026-03-14T23:00:00.000Z');

function fixture(name: string): { type: string; eventData: Record<string, unknown> } {
  return (JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { body: never }).body;
}

function eventOf(body: unknown) {
  const result = normalizeOwncastWebhook(body, RECEIVED_AT);
  if (result.status !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

describe('normalizeOwncastWebhook', () => {
  it('CHAT: a message with the typed rawBody as text, not the rendered HTML body', () => {
    expect(eventOf(fixture('CHAT'))).toEqual({
      kind: 'message',
      externalId: 'Hc6v2pTnR',
      viewer: { platform: 'owncast', platformUserId: 'Kp3xQw7vR', displayName: 'PixelMoth', roles: [] },
      text: '!points',
      fragments: [{ type: 'text', text: '!points' }],
      occurredAt: '2026-03-14T19:02:11.306Z',
    });
  });

  it('CHAT: a MODERATOR scope is the moderator role, and an emoji <img> in rawBody stays text', () => {
    const event = eventOf(fixture('CHAT_moderator_emoji'));
    expect(event.viewer).toEqual({
      platform: 'owncast',
      platformUserId: 'Mo4dRt9xS',
      displayName: 'KeeperOfLamps',
      roles: ['moderator'],
    });
    expect(event.text).toBe(
      'lovely & bright <img class="emoji" alt=":beerparrot:" title=":beerparrot:" src="/img/emoji/beerparrot.gif">',
    );
    expect(event.fragments).toEqual([{ type: 'text', text: event.text }]);
  });

  it('CHAT: reads the Go-escaped bytes Owncast really sends the same as the decoded fixture', () => {
    const goBytes = JSON.stringify(fixture('CHAT_moderator_emoji')).replace(
      /[<>&]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(goBytes).toContain('\\u003cimg');
    expect(eventOf(JSON.parse(goBytes))).toEqual(eventOf(fixture('CHAT_moderator_emoji')));
  });

  it('CHAT: flags bots and hidden messages in detail', () => {
    const body = fixture('CHAT');
    const data = body.eventData as { user: Record<string, unknown> };
    const event = eventOf({
      ...body,
      eventData: { ...body.eventData, visible: false, user: { ...data.user, isBot: true } },
    });
    expect(event.detail).toEqual({ isBot: true, hidden: true });
  });

  it('CHAT: without rawBody (older releases) falls back to the text of the HTML body', () => {
    const body = fixture('CHAT');
    const { rawBody: _dropped, ...data } = body.eventData;
    const event = eventOf({
      ...body,
      eventData: { ...data, body: '<p>fish &amp; chips <img class="emoji" alt=":fish:" src="/e.gif"></p>' },
    });
    expect(event.text).toBe('fish & chips :fish:');
  });

  it('NAME_CHANGE: a rename under the new name, the previous name in detail', () => {
    expect(eventOf(fixture('NAME_CHANGE'))).toEqual({
      kind: 'rename',
      externalId: 'Rf5kN0xqR',
      viewer: { platform: 'owncast', platformUserId: 'Kp3xQw7vR', displayName: 'MothOfTheLamp', roles: [] },
      detail: { previousName: 'PixelMoth' },
      occurredAt: '2026-03-14T19:04:05.771Z',
    });
  });

  it('NAME_CHANGE: when the user still carries the old name, that is the previous name', () => {
    const body = fixture('NAME_CHANGE');
    const data = body.eventData as { user: Record<string, unknown> };
    const event = eventOf({
      ...body,
      eventData: {
        ...body.eventData,
        user: { ...data.user, displayName: 'PixelMoth', previousNames: ['PixelMoth'] },
      },
    });
    expect(event.detail).toEqual({ previousName: 'PixelMoth' });
    expect(event.viewer?.displayName).toBe('MothOfTheLamp');
  });

  it('USER_JOINED and USER_PARTED: join and part of the viewer', () => {
    expect(eventOf(fixture('USER_JOINED'))).toEqual({
      kind: 'join',
      externalId: 'Yb2sW9dpS',
      viewer: { platform: 'owncast', platformUserId: 'Zt8mLq2cS', displayName: 'QuietFern', roles: [] },
      occurredAt: '2026-03-14T19:01:02.401Z',
    });
    expect(eventOf(fixture('USER_PARTED'))).toMatchObject({
      kind: 'part',
      externalId: 'Pq7dT3xkS',
      viewer: { platformUserId: 'Zt8mLq2cS' },
      occurredAt: '2026-03-14T19:40:12.118Z',
    });
  });

  it('STREAM_STARTED, STREAM_STOPPED, STREAM_TITLE_UPDATED: channel events without a viewer', () => {
    expect(eventOf(fixture('STREAM_STARTED'))).toEqual({
      kind: 'stream_online',
      externalId: 'Vn4eJ6arS',
      detail: { title: 'Lighthouse builds, night 12', name: 'Lumenfall Live' },
      occurredAt: '2026-03-14T18:59:41.207Z',
    });
    expect(eventOf(fixture('STREAM_STOPPED'))).toMatchObject({
      kind: 'stream_offline',
      externalId: 'Gm9pB1xwR',
      occurredAt: '2026-03-14T22:31:09.660Z',
    });
    const updated = eventOf(fixture('STREAM_TITLE_UPDATED'));
    expect(updated).toMatchObject({
      kind: 'stream_updated',
      detail: { change: 'title', title: 'Lighthouse builds, night 12: the lens' },
    });
    expect(updated.viewer).toBeUndefined();
  });

  it('VISIBILITY-UPDATE: a stream_updated moderation change naming the messages, no viewer', () => {
    expect(eventOf(fixture('VISIBILITY-UPDATE'))).toEqual({
      kind: 'stream_updated',
      externalId: 'Vz5hQ1wnR',
      detail: {
        change: 'message_visibility',
        visible: false,
        messageIds: 'Hc6v2pTnR,Mx2aB7koS',
        messageCount: 2,
      },
      occurredAt: '2026-03-14T19:05:30.884Z',
    });
  });

  it('VISIBILITY-UPDATE: also reads the MessageIDs / Visible spelling of older releases', () => {
    const event = eventOf({
      type: 'VISIBILITY-UPDATE',
      eventData: {
        id: 'zqGupt7VR',
        MessageIDs: ['-Zzltt74g'],
        timestamp: '2022-09-19T12:44:28.225779601+02:00',
        Visible: true,
      },
    });
    expect(event.detail).toMatchObject({ visible: true, messageIds: '-Zzltt74g' });
    expect(event.occurredAt).toBe('2022-09-19T10:44:28.225Z');
  });

  it('FEDIVERSE_ENGAGEMENT_FOLLOW: a follow by the fediverse handle', () => {
    expect(eventOf(fixture('FEDIVERSE_ENGAGEMENT_FOLLOW'))).toEqual({
      kind: 'follow',
      externalId: 'Fo8nC4ueR',
      viewer: {
        platform: 'owncast',
        platformUserId: 'harbourlight@social.example.net',
        login: 'harbourlight@social.example.net',
        displayName: 'Harbour Light',
        roles: [],
      },
      detail: { source: 'fediverse' },
      occurredAt: '2026-03-14T19:12:40.336Z',
    });
  });

  it('without an event id or timestamp (older NAME_CHANGE): a stable hashed id and the receive time', () => {
    const body = fixture('NAME_CHANGE');
    const old = { ...body, eventData: { ...body.eventData, id: '', timestamp: '0001-01-01T00:00:00Z' } };
    const first = eventOf(old);
    const again = normalizeOwncastWebhook(structuredClone(old), new Date('2026-03-15T00:00:00Z'));
    expect(first.externalId).toMatch(/^sha256:[\w-]{43}$/);
    expect(again).toMatchObject({ status: 'event', event: { externalId: first.externalId } });
    expect(first.occurredAt).toBe(RECEIVED_AT.toISOString());
    const other = eventOf({ ...old, eventData: { ...old.eventData, newName: 'SomeoneElse' } });
    expect(other.externalId).not.toBe(first.externalId);
    const parted = eventOf({
      ...fixture('USER_PARTED'),
      eventData: { ...fixture('USER_PARTED').eventData, id: undefined },
    });
    const joined = eventOf({
      ...fixture('USER_JOINED'),
      eventData: { ...fixture('USER_PARTED').eventData, id: undefined },
    });
    expect(parted.externalId).not.toBe(joined.externalId);
  });

  it('ignores well-formed deliveries of types Podium does not record', () => {
    expect(
      normalizeOwncastWebhook({ type: 'FEDIVERSE_ENGAGEMENT_LIKE', eventData: {} }, RECEIVED_AT),
    ).toEqual({
      status: 'ignored',
      type: 'FEDIVERSE_ENGAGEMENT_LIKE',
    });
  });

  it.each([
    ['not an object', 'CHAT', /^body /],
    ['no type', { eventData: {} }, /^type /],
    ['eventData not an object', { type: 'CHAT', eventData: [] }, /^eventData /],
    ['CHAT without a user', { type: 'CHAT', eventData: { id: 'x', rawBody: 'hi' } }, /^eventData\.user /],
    [
      'CHAT with neither body',
      { type: 'CHAT', eventData: { id: 'x', user: { id: 'u', displayName: 'U' } } },
      /rawBody/,
    ],
    [
      'NAME_CHANGE without newName',
      { type: 'NAME_CHANGE', eventData: { user: { id: 'u', displayName: 'U' } } },
      /newName/,
    ],
    [
      'VISIBILITY-UPDATE without ids',
      { type: 'VISIBILITY-UPDATE', eventData: { id: 'v', visible: false } },
      /ids/,
    ],
    [
      'a timestamp that is not a date',
      { type: 'STREAM_STARTED', eventData: { id: 's', timestamp: 'yesterday' } },
      /timestamp/,
    ],
  ])('refuses a malformed body: %s', (_name, body, message) => {
    const result = normalizeOwncastWebhook(body, RECEIVED_AT);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.message).toMatch(message);
  });
});
