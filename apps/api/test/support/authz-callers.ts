import { randomUUID } from 'node:crypto';
import type {
  CreatedApiTokenDto,
  CreatedOverlayTokenDto,
  MeetingDto,
  RehearsalInjectionDto,
} from '@podium/contracts';
import { API_SCOPES, type ApiScope } from '@podium/contracts';
import { PanelAuthService } from '../../src/modules/panel/panel-auth.service';
import { joinMeeting, newMeeting, newMember, newSetupRequest } from './factories';
import { HttpClient } from './http-client';
import type { TestSuite } from './test-suite';

/** Who calls: each presents only its own credentials. */
export const CALLERS = [
  'anonymous',
  'attendee',
  'panel',
  'overlay',
  'apiToken',
  'apiTokenWithoutScope',
  'viewer',
  'moderator',
  'owner',
  'otherOwner',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The credentials of every caller, for workspace A (the suite owner's). */
export interface AuthzCallers {
  workspaceId: string;
  /** Headers each caller sends; `apiTokenWithoutScope` depends on the scope the route needs. */
  headers(caller: Caller, scope: ApiScope | undefined): Record<string, string>;
}

async function apiToken(client: HttpClient, workspaceId: string, scopes: ApiScope[]): Promise<string> {
  const created = await client.post<CreatedApiTokenDto>(`/api/workspaces/${workspaceId}/api-tokens`, {
    name: `authz ${scopes.length}`,
    scopes,
  });
  if (created.status !== 201) throw new Error(`api token failed: ${created.status}`);
  return created.body.token;
}

function cookieOf(client: HttpClient): string {
  if (!client.cookie) throw new Error('the client has no session cookie');
  return client.cookie;
}

/**
 * Sets up workspace A's callers (attendee of a meeting, panel viewer, overlay token, API tokens,
 * viewer, moderator) and another workspace's owner: a person with no membership in A who owns
 * workspace B and holds a B token with every scope.
 */
export async function setUpCallers(suite: TestSuite): Promise<AuthzCallers> {
  const { client: owner, workspaceId } = suite.owner;
  const base = suite.app.baseUrl;
  const ws = `/api/workspaces/${workspaceId}`;

  const viewer = await newMember(owner, workspaceId, 'viewer');
  const moderator = await newMember(owner, workspaceId, 'moderator');

  const meeting: MeetingDto = await newMeeting(owner, workspaceId);
  const joined = await joinMeeting(base, meeting.joinCode);

  const overlay = await owner.post<CreatedOverlayTokenDto>(`${ws}/overlay-tokens`, { label: 'authz' });
  if (overlay.status !== 201) throw new Error(`overlay token failed: ${overlay.status}`);

  const rehearsal = await owner.post<RehearsalInjectionDto>(`${ws}/rehearsal/events`, {
    kind: 'message',
    viewer: { displayName: 'Authz Viewer' },
    text: 'hello',
    eventId: randomUUID(),
  });
  const viewerId = rehearsal.body.events?.[0]?.viewerId;
  if (rehearsal.status !== 201 || !viewerId) {
    throw new Error(`rehearsal viewer failed: ${rehearsal.status} ${JSON.stringify(rehearsal.body)}`);
  }
  const link = await suite.app.podium.app.get(PanelAuthService).issueLink({
    workspaceId,
    viewerId,
    platform: 'rehearsal',
    displayName: 'Authz Viewer',
  });
  const panelSignIn = await fetch(`${base}/api/panel/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.split('/p/')[1] }),
  });
  const panelCookieHeader = panelSignIn.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('podium_panel='))
    ?.split(';')[0];
  if (panelSignIn.status !== 200 || !panelCookieHeader) {
    throw new Error(`panel sign-in failed: ${panelSignIn.status}`);
  }
  const panelCookie: string = panelCookieHeader;

  const allScopes = await apiToken(owner, workspaceId, [...API_SCOPES]);
  const withoutScope = new Map<ApiScope, string>();
  for (const scope of API_SCOPES) {
    withoutScope.set(
      scope,
      await apiToken(
        owner,
        workspaceId,
        API_SCOPES.filter((s) => s !== scope),
      ),
    );
  }

  // Another workspace's owner: invited to a side workspace of A's owner (not to A), then owns B.
  const side = await owner.post<{ id: string }>('/api/workspaces', { name: 'Authz side' });
  if (side.status !== 201) throw new Error(`side workspace failed: ${side.status}`);
  const other = await newMember(owner, side.body.id, 'viewer');
  const b = await other.client.post<{ id: string }>('/api/workspaces', {
    name: newSetupRequest().workspaceName,
  });
  if (b.status !== 201) throw new Error(`workspace B failed: ${b.status}`);
  const otherToken = await apiToken(other.client, b.body.id, [...API_SCOPES]);

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    workspaceId,
    headers(caller, scope): Record<string, string> {
      switch (caller) {
        case 'anonymous':
          return {};
        case 'attendee':
          return { ...bearer(joined.attendeeToken), 'x-attendee-token': joined.attendeeToken };
        case 'panel':
          return { cookie: panelCookie };
        case 'overlay':
          return { ...bearer(overlay.body.token), 'x-overlay-token': overlay.body.token };
        case 'apiToken':
          return bearer(allScopes);
        case 'apiTokenWithoutScope':
          // Any valid token when the route needs no scope: one lacking the first scope.
          return bearer(withoutScope.get(scope ?? API_SCOPES[0])!);
        case 'viewer':
          return { cookie: cookieOf(viewer.client) };
        case 'moderator':
          return { cookie: cookieOf(moderator.client) };
        case 'owner':
          return { cookie: cookieOf(owner) };
        case 'otherOwner':
          return { cookie: cookieOf(other.client), ...bearer(otherToken) };
      }
    },
  };
}
