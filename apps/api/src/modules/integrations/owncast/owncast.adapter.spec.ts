import { loadConfig } from '../../../config/app-config';
import type { ConnectionRecord } from '../../chat/platform-adapter';
import { OwncastAdapter } from './owncast.adapter';
import type { OwncastApiClient } from './owncast-api.client';
import { normalizeInstanceUrl } from './owncast-credentials';

const connection = { webhookKey: 'k3y_0f-the-connection-1234567890ab' } as ConnectionRecord;

/** view() reads only the configuration; the other collaborators are never reached here. */
function adapterWith(env: Record<string, string>): OwncastAdapter {
  const unused = undefined as never;
  return new OwncastAdapter(unused, unused as OwncastApiClient, unused, loadConfig(env));
}

describe('OwncastAdapter.view', () => {
  it('shows the webhook URL under PUBLIC_URL when it is set', () => {
    expect(adapterWith({ PUBLIC_URL: 'https://podium.example.org/' }).view(connection)).toEqual({
      transport: 'webhook',
      subscriptions: [],
      quota: null,
      tokenExpiresAt: null,
      webhookUrl: 'https://podium.example.org/api/integrations/owncast/k3y_0f-the-connection-1234567890ab',
    });
  });

  it('falls back to localhost on the configured port', () => {
    expect(adapterWith({ PORT: '8080' }).view(connection).webhookUrl).toBe(
      'http://localhost:8080/api/integrations/owncast/k3y_0f-the-connection-1234567890ab',
    );
  });

  it('has no URL to show for a connection without a webhook key', () => {
    expect(adapterWith({}).view({ ...connection, webhookKey: null }).webhookUrl).toBeNull();
  });

  it('limits lines to 500 characters and 10 messages per 10 s', () => {
    expect(adapterWith({}).limits()).toEqual({ maxLength: 500, messages: 10, perMs: 10_000 });
  });
});

describe('normalizeInstanceUrl', () => {
  it.each([
    ['https://live.example.org', 'https://live.example.org'],
    ['https://live.example.org/', 'https://live.example.org'],
    ['https://LIVE.example.org:443/', 'https://live.example.org'],
    ['http://127.0.0.1:8080/owncast/?x=1#top', 'http://127.0.0.1:8080/owncast'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeInstanceUrl(input)).toBe(expected);
  });
});
