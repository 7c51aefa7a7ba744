import { newConnection } from '../test/connection.factory';
import {
  connectionsOf,
  quotaView,
  safeRedirectUrl,
  sortedSubscriptions,
  statusTone,
  subscriptionHealth,
  tokenExpired,
} from './connection-view';
import { readOAuthReturn, withoutOAuthReturn } from './oauth-return';
import { relativeTime } from './relative-time';

describe('connection view rules', () => {
  it('lists a platform’s connections oldest first, and only that platform’s', () => {
    const list = [
      newConnection({ id: 'b', createdAt: '2026-11-02T00:00:00Z' }),
      newConnection({ id: 'y', platform: 'youtube' }),
      newConnection({ id: 'a', createdAt: '2026-11-01T00:00:00Z' }),
    ];
    expect(connectionsOf(list, 'twitch').map((c) => c.id)).toEqual(['a', 'b']);
    expect(connectionsOf(list, 'owncast')).toEqual([]);
  });

  it('gives each status its tone', () => {
    expect(statusTone('connected')).toBe('success');
    expect(statusTone('connecting')).toBe('warning');
    expect(statusTone('needs_attention')).toBe('danger');
    expect(statusTone('disconnected')).toBe('muted');
  });

  it('treats every EventSub status but enabled and pending verification as revoked, and lists those first', () => {
    expect(subscriptionHealth({ type: 'channel.follow', status: 'enabled' })).toBe('healthy');
    expect(
      subscriptionHealth({ type: 'channel.follow', status: 'webhook_callback_verification_pending' }),
    ).toBe('pending');
    expect(subscriptionHealth({ type: 'channel.follow', status: 'authorization_revoked' })).toBe('revoked');
    expect(subscriptionHealth({ type: 'channel.raid', status: 'websocket_disconnected' })).toBe('revoked');

    const sorted = sortedSubscriptions([
      { type: 'channel.chat.message', status: 'enabled' },
      { type: 'stream.online', status: 'webhook_callback_verification_pending' },
      { type: 'channel.follow', status: 'user_removed' },
    ]);
    expect(sorted.map((s) => s.type)).toEqual(['channel.follow', 'stream.online', 'channel.chat.message']);
  });

  it('turns the YouTube quota into a meter reading with a level', () => {
    const resetsAt = '2026-11-22T08:00:00.000Z';
    expect(quotaView(null)).toBeNull();
    expect(quotaView({ used: 1, budget: 0, resetsAt })).toBeNull();
    expect(quotaView({ used: 2500, budget: 10_000, resetsAt })).toMatchObject({ share: 0.25, level: 'ok' });
    expect(quotaView({ used: 8000, budget: 10_000, resetsAt })?.level).toBe('high');
    expect(quotaView({ used: 10_350, budget: 10_000, resetsAt })).toMatchObject({
      share: 1,
      level: 'exhausted',
    });
  });

  it('says when a token has expired', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(tokenExpired(null, now)).toBe(false);
    expect(tokenExpired('2026-11-21T11:59:59Z', now)).toBe(true);
    expect(tokenExpired('2026-11-21T12:30:00Z', now)).toBe(false);
  });

  it('sends the browser only to web addresses', () => {
    expect(safeRedirectUrl('https://id.twitch.tv/oauth2/authorize?x=1')).toBe(
      'https://id.twitch.tv/oauth2/authorize?x=1',
    );
    expect(safeRedirectUrl('http://127.0.0.1:4000/auth')).toBe('http://127.0.0.1:4000/auth');
    expect(safeRedirectUrl('javascript:alert(1)')).toBeNull();
    expect(safeRedirectUrl('/relative')).toBeNull();
  });
});

describe('OAuth return', () => {
  it('reads ?connected= for the OAuth platforms only', () => {
    expect(readOAuthReturn(new URLSearchParams('connected=twitch'))).toEqual({
      kind: 'connected',
      platform: 'twitch',
    });
    expect(readOAuthReturn(new URLSearchParams('connected=youtube'))).toEqual({
      kind: 'connected',
      platform: 'youtube',
    });
    expect(readOAuthReturn(new URLSearchParams('connected=evil'))).toBeNull();
    expect(readOAuthReturn(new URLSearchParams(''))).toBeNull();
  });

  it('reads ?error= as a short text, and it wins over connected', () => {
    expect(readOAuthReturn(new URLSearchParams('error=access_denied&connected=twitch'))).toEqual({
      kind: 'error',
      message: 'access_denied',
    });
    const long = readOAuthReturn(new URLSearchParams({ error: 'x'.repeat(1000) }));
    expect(long?.kind === 'error' && long.message.length).toBe(300);
    expect(readOAuthReturn(new URLSearchParams('error=%20'))).toBeNull();
  });

  it('takes the result out of the query and keeps the rest', () => {
    expect(withoutOAuthReturn(new URLSearchParams('connected=twitch&tab=2&error=x')).toString()).toBe(
      'tab=2',
    );
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it('uses the largest whole unit, past and future, in the reader’s language', () => {
    expect(relativeTime('2026-11-21T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-21T15:10:00Z', now, 'en')).toBe('in 3 hours');
    expect(relativeTime('2026-11-19T12:00:00Z', now, 'en')).toBe('2 days ago');
    expect(relativeTime('2026-11-21T11:59:58Z', now, 'fr')).toBe('il y a 2 secondes');
  });

  it('reads "now" for under a second, and leaves a bad date as it is', () => {
    expect(relativeTime('2026-11-21T11:59:59.600Z', now, 'en')).toBe('now');
    expect(relativeTime('soon', now, 'en')).toBe('soon');
  });
});
