import { randomUUID } from 'node:crypto';
import type { Requirement, RouteEntry } from '../authz-matrix';

/**
 * Platform connections (Twitch, YouTube, Owncast), Ko-fi and outbound webhooks (console and
 * `/v1`), and the inbound deliveries and OAuth callbacks.
 */
export const INTEGRATION_ROUTES: Record<string, Requirement | RouteEntry> = {
  // Listed twice by the router: the urlencoded body parser (forRoutes) is a route layer too.
  'POST /api/integrations/kofi/:key': 'webhook',
  // Moderator+: a connection carries its inbound webhook URL, whose key authenticates deliveries.
  'GET /api/workspaces/:workspaceId/connections': 'moderator',
  'GET /api/workspaces/:workspaceId/connections/:connectionId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/connections/:connectionId': 'owner',
  'GET /api/workspaces/:workspaceId/kofi/settings': 'owner',
  'PUT /api/workspaces/:workspaceId/kofi/settings': 'owner',
  'GET /api/workspaces/:workspaceId/kofi/links': 'moderator',
  'POST /api/workspaces/:workspaceId/kofi/links': {
    requires: 'moderator',
    body: () => ({ viewerId: randomUUID(), email: 'authz@example.org' }),
  },
  'DELETE /api/workspaces/:workspaceId/kofi/links/:linkId': 'moderator',
  'GET /api/workspaces/:workspaceId/kofi/payments': 'moderator',
  'GET /api/workspaces/:workspaceId/webhooks/deliveries': 'moderator',
  'GET /api/workspaces/:workspaceId/webhooks/deliveries/:deliveryId': 'moderator',
  'POST /api/workspaces/:workspaceId/webhooks/deliveries/:deliveryId/replay': 'moderator',
  'GET /api/workspaces/:workspaceId/webhooks': 'moderator',
  'POST /api/workspaces/:workspaceId/webhooks': {
    requires: 'moderator',
    body: () => ({ url: 'https://example.org/authz', eventTypes: ['redeem.created'] }),
  },
  'PATCH /api/workspaces/:workspaceId/webhooks/:subscriptionId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/webhooks/:subscriptionId': 'moderator',
  'POST /api/workspaces/:workspaceId/webhooks/:subscriptionId/secret': 'moderator',
  'POST /api/workspaces/:workspaceId/webhooks/:subscriptionId/test': 'moderator',
  'GET /api/v1/workspaces/:workspaceId/webhooks/deliveries': 'apiToken:webhooks:write',
  'GET /api/v1/workspaces/:workspaceId/webhooks/deliveries/:deliveryId': 'apiToken:webhooks:write',
  'POST /api/v1/workspaces/:workspaceId/webhooks/deliveries/:deliveryId/replay': 'apiToken:webhooks:write',
  'GET /api/v1/workspaces/:workspaceId/webhooks': 'apiToken:webhooks:write',
  'GET /api/v1/workspaces/:workspaceId/webhooks/:subscriptionId': 'apiToken:webhooks:write',
  'POST /api/v1/workspaces/:workspaceId/webhooks': 'apiToken:webhooks:write',
  'PATCH /api/v1/workspaces/:workspaceId/webhooks/:subscriptionId': 'apiToken:webhooks:write',
  'DELETE /api/v1/workspaces/:workspaceId/webhooks/:subscriptionId': 'apiToken:webhooks:write',
  'POST /api/v1/workspaces/:workspaceId/webhooks/:subscriptionId/secret': 'apiToken:webhooks:write',
  'POST /api/v1/workspaces/:workspaceId/webhooks/:subscriptionId/test': 'apiToken:webhooks:write',
  'POST /api/workspaces/:workspaceId/connections/owncast': {
    requires: 'owner',
    body: () => ({ instanceUrl: 'http://127.0.0.1:9', accessToken: 'authz' }),
  },
  'POST /api/integrations/owncast/:key': 'webhook',
  'GET /api/workspaces/:workspaceId/connections/twitch/authorize': 'owner',
  'GET /api/integrations/twitch/oauth/callback': 'public',
  'GET /api/workspaces/:workspaceId/connections/youtube/authorize': 'owner',
  'GET /api/integrations/youtube/oauth/callback': 'public',
};
