import type { ChatEvent } from '@podium/contracts';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { createChatLogStore } from '../model/chat-log.store';
import type { ChatLogActions } from '../socket/use-chat-log';
import { eventRange, newEvent, newOutboxMessage } from '../test/chat.factory';
import { ChatLogItem } from './chat-line';
import { ChatLogView } from './chat-log-view';
import { OutboxList } from './outbox-list';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const item = (event: ChatEvent) => renderToStaticMarkup(<ChatLogItem event={event} />);

describe('ChatLogItem', () => {
  it('renders a message with its platform, roles, name and emotes as images', () => {
    const html = item(
      newEvent(1, {
        platform: 'twitch',
        viewer: {
          platform: 'twitch',
          platformUserId: 'u9',
          displayName: 'ModGrace',
          roles: ['moderator', 'subscriber'],
        },
        text: 'hi Kappa @ada',
        fragments: [
          { type: 'text', text: 'hi ' },
          {
            type: 'emote',
            text: 'Kappa',
            id: '25',
            imageUrl: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0',
          },
          { type: 'text', text: ' ' },
          { type: 'mention', text: '@ada', login: 'ada' },
        ],
      }),
    );
    expect(html).toContain('data-kind="message"');
    expect(html).toContain('data-platform="twitch"');
    expect(html).toContain('>Mod<');
    expect(html).toContain('>Sub<');
    expect(html).toContain('ModGrace');
    expect(html).toMatch(
      /<img[^>]*src="https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/25\/default\/dark\/1\.0"/,
    );
    expect(html).toMatch(/<img[^>]*alt="Kappa"/);
    expect(html).toContain('class="chat-mention">@ada<');
  });

  it('shows an emote without a usable image as its text, and plain text without fragments', () => {
    const html = item(
      newEvent(1, {
        fragments: [{ type: 'emote', text: ':wave:', id: 'w', imageUrl: 'javascript:alert(1)' }],
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain(':wave:');
    expect(item(newEvent(2, { text: '<b>not bold</b>' }))).toContain('&lt;b&gt;not bold&lt;/b&gt;');
  });

  it('renders events as markers with an icon and a one-line summary with amounts', () => {
    const cheer = item(newEvent(1, { kind: 'cheer', amounts: { bits: 500 }, text: 'Cheer500 gg' }));
    expect(cheer).toContain('data-testid="chat-marker"');
    expect(cheer).toContain('Grace cheered 500 bits');
    expect(cheer).toContain('Cheer500 gg');

    expect(item(newEvent(2, { kind: 'raid', amounts: { raidViewers: 1 } }))).toContain(
      'Grace raided with 1 viewer',
    );
    expect(
      item(newEvent(3, { kind: 'gift', viewer: undefined, amounts: { giftCount: 5, tier: '1000' } })),
    ).toContain('Someone gifted 5 subscriptions');
    const superChat = item(
      newEvent(4, {
        kind: 'donation',
        platform: 'youtube',
        amounts: { money: { amount: '4.99', currency: 'USD' } },
      }),
    );
    expect(superChat).toContain('Grace sent $4.99');
    expect(item(newEvent(5, { kind: 'subscription', amounts: { months: 3, tier: '2000' } }))).toMatch(
      /Grace resubscribed for 3 months.*Tier 2/,
    );
    expect(item(newEvent(6, { kind: 'stream_online', viewer: undefined }))).toContain('The stream is live');
    expect(
      item(newEvent(7, { kind: 'redemption', amounts: { points: 300 }, detail: { rewardTitle: 'Hydrate' } })),
    ).toContain('Grace redeemed Hydrate for 300 points');
    expect(item(newEvent(8, { kind: 'follow' }))).toContain('Grace followed');
  });
});

describe('ChatLogView', () => {
  const actions: ChatLogActions = {
    setFilter: () => undefined,
    loadEarlier: () => undefined,
    follow: () => undefined,
    retry: () => undefined,
  };

  it('offers earlier events and, while paused, the count of new ones', () => {
    const log = createChatLogStore();
    log.getState().latest(eventRange(1, 100), 100);
    log.getState().setFollowing(false);
    log.getState().push(newEvent(101));
    log.getState().push(newEvent(102));
    const html = renderToStaticMarkup(
      <ChatLogView log={log.getState()} actions={actions} filtered={false} />,
    );
    expect(html).toContain('data-testid="load-earlier"');
    expect(html).toContain('data-following="false"');
    expect(html).toContain('2 new events');
    expect(html).toContain('role="log"');
    expect(html.match(/data-testid="chat-line"/g)).toHaveLength(102);
  });

  it('says when the log is empty, and when filters hide everything', () => {
    const log = createChatLogStore();
    log.getState().latest([], 100);
    expect(
      renderToStaticMarkup(<ChatLogView log={log.getState()} actions={actions} filtered={false} />),
    ).toContain('Nothing yet.');
    expect(renderToStaticMarkup(<ChatLogView log={log.getState()} actions={actions} filtered />)).toContain(
      'No events match these filters yet.',
    );
  });
});

describe('OutboxList', () => {
  it('shows each message’s status, with the reason when it was dropped', () => {
    const html = renderToStaticMarkup(
      <OutboxList
        connections={[]}
        messages={[
          newOutboxMessage({ id: 'o2', status: 'dropped', detail: 'msg_rejected_mandatory: Blocked term' }),
          newOutboxMessage({ id: 'o1', platform: 'owncast', status: 'sent' }),
          newOutboxMessage({ id: 'o3', platform: 'youtube', status: 'pending' }),
        ]}
      />,
    );
    expect(html.match(/data-status="(\w+)"/g)).toEqual([
      'data-status="dropped"',
      'data-status="sent"',
      'data-status="pending"',
    ]);
    expect(html).toContain(
      'Dropped<span class="outbox__detail">: msg_rejected_mandatory: Blocked term</span>',
    );
    expect(html).toContain('Waiting');
  });
});
