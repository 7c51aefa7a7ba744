import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { isApiError } from '@/shared/api/api-error';
import { authorizePath, authorizeUrl, connectionsQueryOptions, NOT_CONFIGURED_CODE } from './connections.api';
import { owncastRequest } from '../model/owncast-request';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>;

beforeEach(() => {
  fetchMock = jest.fn();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

describe('OAuth start', () => {
  it('asks for the role it connects', () => {
    expect(authorizePath('w 1', 'twitch', 'bot')).toBe(
      '/workspaces/w%201/connections/twitch/authorize?role=bot',
    );
    expect(authorizePath('w1', 'youtube')).toBe('/workspaces/w1/connections/youtube/authorize');
  });

  it('returns the consent page the server names', async () => {
    fetchMock.mockResolvedValue(json(200, { authorizeUrl: 'https://id.twitch.tv/oauth2/authorize?state=s' }));
    await expect(authorizeUrl('w1', 'twitch', 'broadcaster')).resolves.toBe(
      'https://id.twitch.tv/oauth2/authorize?state=s',
    );
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/workspaces/w1/connections/twitch/authorize?role=broadcaster',
    );
  });

  it('fails with the server’s 503 when the install has no app for the platform', async () => {
    const message = 'Twitch is not configured: set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET.';
    fetchMock.mockResolvedValue(json(503, { statusCode: 503, code: NOT_CONFIGURED_CODE, message }));
    const error: unknown = await authorizeUrl('w1', 'twitch').catch((caught: unknown) => caught);
    expect(isApiError(error) && [error.statusCode, error.code, error.message]).toEqual([
      503,
      NOT_CONFIGURED_CODE,
      message,
    ]);
  });

  it('refuses to send the browser to anything but a web address', async () => {
    fetchMock.mockResolvedValue(json(200, { authorizeUrl: 'javascript:alert(1)' }));
    await expect(authorizeUrl('w1', 'youtube')).rejects.toMatchObject({ code: 'client.bad_response' });
  });
});

describe('owncastRequest', () => {
  it('trims the values and leaves an empty webhook secret out', () => {
    expect(
      owncastRequest({
        instanceUrl: ' https://live.example.org ',
        accessToken: ' tok ',
        webhookSecret: '  ',
      }),
    ).toEqual({ instanceUrl: 'https://live.example.org', accessToken: 'tok' });
    expect(
      owncastRequest({ instanceUrl: 'https://o.example', accessToken: 'tok', webhookSecret: 'shh' }),
    ).toEqual({ instanceUrl: 'https://o.example', accessToken: 'tok', webhookSecret: 'shh' });
  });
});

describe('the connection list', () => {
  /** Subscribes as a mounted page would, then lets any fetch it started settle. */
  async function watch(flags?: { enabled?: boolean }): Promise<void> {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const observer = new QueryObserver(client, connectionsQueryOptions('w1', flags));
    const stop = observer.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    client.clear();
  }

  it('is fetched for moderators and owners', async () => {
    fetchMock.mockResolvedValue(json(200, []));
    await watch();
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/workspaces/w1/connections']);
  });

  it('is never requested when disabled (a viewer: the api would answer 403)', async () => {
    await watch({ enabled: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
