import type { MembershipDto, Role } from '@podium/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import * as connectionsApi from '@/features/connections/api/connections.api';
import { en } from '@/shared/i18n/locales/en';
import { BotsRoute } from './bots.route';
import { ChatRoute } from './chat.route';
import { ConnectionsRoute } from './connections.route';

// react-router ships as ES modules only, which this jest setup does not load: the few hooks these
// pages use, answering as the dashboard layout would (its outlet context names the membership).
const mockRouter = { context: {} as unknown, params: {} as Record<string, string> };
jest.mock('react-router', () => ({
  useOutletContext: () => mockRouter.context,
  useParams: () => mockRouter.params,
  useNavigate: () => () => undefined,
  useLocation: () => ({ pathname: '/', search: '', hash: '' }),
}));

// The real hook, watched: which pages ask the api for the connection list (moderator+), and how.
jest.mock('@/features/connections/api/connections.api', () => {
  const actual = jest.requireActual<typeof connectionsApi>('@/features/connections/api/connections.api');
  return { ...actual, useConnections: jest.fn(actual.useConnections) };
});
const useConnections = jest.mocked(connectionsApi.useConnections);

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});
beforeEach(() => useConnections.mockClear());

const WORKSPACE = '11111111-1111-4111-8111-111111111111';

function renderAs(role: Role, page: ReactNode, tab?: string): string {
  const membership: MembershipDto = { workspaceId: WORKSPACE, workspaceName: 'Ada live', role };
  const context = {
    me: { user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' }, memberships: [membership] },
    membership,
  };
  mockRouter.context = context;
  mockRouter.params = tab ? { tab } : {};
  return renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{page}</QueryClientProvider>);
}

/** Whether any call of useConnections during the render would send the request. */
const askedForConnections = () => useConnections.mock.calls.some(([, flags]) => flags?.enabled !== false);

describe('pages a viewer (read-only co-host) may not fully read', () => {
  it('Connections: the moderators-only notice, and no request', () => {
    const html = renderAs('viewer', <ConnectionsRoute />);
    expect(html).toContain('Only moderators and owners can see this workspace’s connections.');
    expect(html).not.toContain('data-testid="connections-panel"');
    expect(askedForConnections()).toBe(false);
  });

  it('Connections: moderators see the panel (read-only) and it asks for the list', () => {
    const html = renderAs('moderator', <ConnectionsRoute />);
    expect(html).toContain('data-testid="connections-panel"');
    expect(html).not.toContain('Only moderators and owners can see');
    expect(askedForConnections()).toBe(true);
  });

  it('Chat: a viewer reads the log without the connection list and without the composer', () => {
    const html = renderAs('viewer', <ChatRoute />);
    expect(html).toContain('data-testid="chat-panel"');
    expect(html).toContain('data-testid="chat-filters"');
    expect(html).toContain('Only moderators and owners can send messages.');
    expect(useConnections).toHaveBeenCalled();
    expect(askedForConnections()).toBe(false);
  });

  it('Chat: moderators get the list for the composer', () => {
    renderAs('moderator', <ChatRoute />);
    expect(askedForConnections()).toBe(true);
  });

  it('Bots: a viewer gets the notice on the moderation and alerts tabs, and no connection list', () => {
    for (const tab of ['moderation', 'alerts']) {
      useConnections.mockClear();
      const html = renderAs('viewer', <BotsRoute />, tab);
      expect(html).toContain('Only moderators and owners can see how the bots are set up.');
      expect(html).toContain(`data-testid="bots-panel-${tab}"`);
      expect(askedForConnections()).toBe(false);
    }
    renderAs('owner', <BotsRoute />, 'moderation');
    expect(askedForConnections()).toBe(true);
  });
});
