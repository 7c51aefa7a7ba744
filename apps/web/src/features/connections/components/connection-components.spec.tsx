import type { ConnectionDto } from '@podium/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '@/shared/api/api-error';
import { en } from '@/shared/i18n/locales/en';
import { NOT_CONFIGURED_CODE } from '../api/connections.api';
import { newConnection } from '../test/connection.factory';
import { ConnectionCards } from './connection-cards';
import { OAuthConnectView } from './oauth-connect-button';
import { OAuthResultNotice } from './oauth-result-notice';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const noop = () => undefined;

function render(node: ReactNode): string {
  return renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
}

function cards(connections: ConnectionDto[], canManage: boolean): string {
  return render(
    <ConnectionCards
      workspaceId="w1"
      connections={connections}
      now={NOW}
      canManage={canManage}
      onDisconnect={noop}
    />,
  );
}

/** The markup of one platform's card. */
function card(html: string, platform: string): string {
  const start = html.indexOf(`data-testid="platform-${platform}"`);
  const next = html.indexOf('data-testid="platform-', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

const inroom = newConnection({
  id: 'c-inroom',
  platform: 'inroom',
  accountName: null,
  tokenExpiresAt: null,
  transport: 'socket',
});

describe('ConnectionCards', () => {
  it('offers owners to connect each platform that is not connected yet', () => {
    const html = cards([inroom], true);
    expect(card(html, 'twitch')).toContain('data-testid="not-connected"');
    expect(card(html, 'twitch')).toContain('Connect with Twitch');
    expect(card(html, 'twitch')).not.toContain('connect-twitch-bot');
    expect(card(html, 'youtube')).toContain('Connect with YouTube');
    expect(card(html, 'owncast')).toContain('data-testid="owncast-form"');
    expect(card(html, 'owncast')).toContain('Webhook secret (optional)');
    // The in-room chat is always there and cannot be disconnected.
    expect(card(html, 'inroom')).toContain('data-status="connected"');
    expect(card(html, 'inroom')).not.toContain('data-testid="disconnect"');
  });

  it('shows a connected Twitch channel: accounts, token, transport, last event, revoked subscriptions first', () => {
    const twitch = newConnection({
      botAccountName: 'podium_bot',
      tokenExpiresAt: '2026-11-21T15:00:00.000Z',
      lastEventAt: '2026-11-21T11:58:00.000Z',
      subscriptions: [
        { type: 'channel.chat.message', status: 'enabled' },
        { type: 'channel.follow', status: 'authorization_revoked' },
      ],
    });
    const html = card(cards([twitch, inroom], true), 'twitch');
    expect(html).toContain('data-status="connected"');
    expect(html).toContain('ada_live');
    expect(html).toContain('podium_bot');
    expect(html).toContain('in 3 hours');
    expect(html).toContain('WebSocket');
    expect(html).toContain('2 minutes ago');
    expect(html).toContain('1 subscription was revoked by Twitch');
    expect(html.indexOf('channel.follow')).toBeLessThan(html.indexOf('channel.chat.message'));
    expect(html).toMatch(
      /conn-subs__item--revoked" data-health="revoked"><code class="conn-subs__type">channel\.follow/,
    );
    expect(html).toContain('Revoked: authorization_revoked');
    expect(html).toContain('Reconnect channel');
    expect(html).toContain('Change bot account');
    expect(html).toContain('data-testid="disconnect"');
  });

  it('says why a connection needs attention, and offers a bot account once the channel is connected', () => {
    const twitch = newConnection({
      status: 'needs_attention',
      statusDetail: 'Twitch revoked channel.follow: authorization_revoked',
      tokenExpiresAt: '2026-11-21T11:00:00.000Z',
    });
    const html = card(cards([twitch], true), 'twitch');
    expect(html).toContain('data-status="needs_attention"');
    expect(html).toContain('Needs attention');
    expect(html).toContain('Twitch revoked channel.follow: authorization_revoked');
    expect(html).toContain('Token expired 1 hour ago: reconnect');
    expect(html).toContain('None: messages are sent as the channel');
    expect(html).toContain('Connect bot account');
  });

  it('shows the YouTube quota with a meter and what happens near the budget', () => {
    const youtube = newConnection({
      id: 'c-yt',
      platform: 'youtube',
      accountName: 'Ada Live',
      transport: 'polling',
      quota: { used: 8_600, budget: 10_000, resetsAt: '2026-11-22T08:00:00.000Z' },
    });
    const html = card(cards([youtube], true), 'youtube');
    expect(html).toMatch(/<meter[^>]*max="10000"[^>]*value="8600"/);
    expect(html).toContain('8,600 of 10,000 units');
    expect(html).toContain('data-level="high"');
    expect(html).toContain('Most of the daily quota is spent');
    expect(html).toContain('Polling');
  });

  it('gives owners the Owncast webhook URL to paste, with a copy button', () => {
    const owncast = newConnection({
      id: 'c-oc',
      platform: 'owncast',
      accountName: 'https://live.example.org',
      transport: 'webhook',
      tokenExpiresAt: null,
      webhookUrl: 'https://podium.example/api/integrations/owncast/s3cr3t',
    });
    const html = card(cards([owncast], true), 'owncast');
    expect(html).toContain('value="https://podium.example/api/integrations/owncast/s3cr3t"');
    expect(html).toContain('data-testid="webhook-url"');
    expect(html).toContain('>Copy<');
    expect(html).toContain('Update Owncast connection');
  });

  it('is read-only for moderators and viewers: no actions, no webhook URL (it is a credential)', () => {
    const list = [
      newConnection({ subscriptions: [{ type: 'channel.follow', status: 'authorization_revoked' }] }),
      newConnection({
        id: 'c-oc',
        platform: 'owncast',
        webhookUrl: 'https://podium.example/api/integrations/owncast/s3cr3t',
      }),
      inroom,
    ];
    const html = cards(list, false);
    expect(html).toContain('Revoked: authorization_revoked');
    for (const hidden of [
      'connect-twitch',
      'connect-youtube',
      'owncast-form',
      'data-testid="disconnect"',
      's3cr3t',
    ]) {
      expect({ hidden, shown: html.includes(hidden) }).toEqual({ hidden, shown: false });
    }
  });
});

/** The opening tag of the button with this test id, whatever its attribute order. */
const buttonTag = (html: string, testId: string) =>
  [...html.matchAll(/<button[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`data-testid="${testId}"`)) ?? '';

describe('OAuthConnectView', () => {
  const view = (error: unknown, leaving = false) =>
    renderToStaticMarkup(
      <OAuthConnectView
        platform="twitch"
        label="Connect with Twitch"
        testId="connect-twitch"
        pending={false}
        leaving={leaving}
        error={error}
        onStart={noop}
      />,
    );

  it('shows the server’s message and disables the button when the install has no Twitch app', () => {
    const message = 'Twitch is not configured: set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET.';
    const html = view(new ApiError({ statusCode: 503, code: NOT_CONFIGURED_CODE, message }));
    expect(buttonTag(html, 'connect-twitch')).toContain('disabled=""');
    expect(html).toContain(message);
    expect(html).toContain('alert--warning');
  });

  it('keeps the button usable after another failure', () => {
    const html = view(new ApiError({ statusCode: 0, code: 'client.network_unreachable', message: 'x' }));
    expect(buttonTag(html, 'connect-twitch')).not.toContain('disabled');
    expect(html).toContain('The server could not be reached');
  });

  it('says where it is going once the consent page is known', () => {
    expect(view(null, true)).toContain('Opening Twitch…');
  });
});

describe('OAuthResultNotice', () => {
  it('confirms a connect and shows a refusal', () => {
    expect(
      renderToStaticMarkup(
        <OAuthResultNotice result={{ kind: 'connected', platform: 'youtube' }} onDismiss={noop} />,
      ),
    ).toContain('YouTube is connected.');
    const refused = renderToStaticMarkup(
      <OAuthResultNotice result={{ kind: 'error', message: 'access_denied' }} onDismiss={noop} />,
    );
    expect(refused).toContain('The connection did not go through: access_denied');
    expect(refused).toContain('role="alert"');
  });
});
