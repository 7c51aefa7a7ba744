import type { Requirement, RouteEntry } from '../authz-matrix';

/**
 * The app itself (docs, fallbacks, health), setup and sign-in, workspaces with their members and
 * invites, overlay and API tokens, export, import and backups.
 */
export const WORKSPACE_ROUTES: Record<string, Requirement | RouteEntry> = {
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  'POST /api/workspaces': 'session',
  'GET /api/workspaces/:workspaceId': 'viewer',
  'PATCH /api/workspaces/:workspaceId': { requires: 'owner', body: () => ({ name: 'Authz A' }) },
  'GET /api/workspaces/:workspaceId/members': 'viewer',
  'PATCH /api/workspaces/:workspaceId/members/:userId': {
    requires: 'owner',
    body: () => ({ role: 'viewer' }),
  },
  'DELETE /api/workspaces/:workspaceId/members/:userId': 'owner',
  'GET /api/workspaces/:workspaceId/invites': 'owner',
  'POST /api/workspaces/:workspaceId/invites': { requires: 'owner', body: () => ({ role: 'viewer' }) },
  'DELETE /api/workspaces/:workspaceId/invites/:inviteId': 'owner',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'session',
  'GET /api/invites/:token': 'public',
  'POST /api/invites/:token/accept': {
    requires: 'public',
    body: () => ({ email: 'authz@example.org', password: 'a long enough passphrase', displayName: 'Authz' }),
  },
  'GET /api/workspaces/:workspaceId/overlay-tokens': 'moderator',
  'POST /api/workspaces/:workspaceId/overlay-tokens': {
    requires: 'moderator',
    body: () => ({ label: 'authz' }),
  },
  'DELETE /api/workspaces/:workspaceId/overlay-tokens/:tokenId': 'moderator',
  // As served; questionable: a moderator lists the tokens that only an owner may create or revoke.
  'GET /api/workspaces/:workspaceId/api-tokens': 'moderator',
  'POST /api/workspaces/:workspaceId/api-tokens': {
    requires: 'owner',
    body: () => ({ name: 'authz', scopes: ['meetings:read'] }),
  },
  'DELETE /api/workspaces/:workspaceId/api-tokens/:tokenId': 'owner',
  'GET /api/v1/workspaces/:workspaceId/whoami': 'apiToken',
  'GET /api/workspaces/:workspaceId/export': 'owner',
  'POST /api/workspaces/import': 'session',
  'POST /api/workspaces/:workspaceId/import': 'owner',
  'GET /api/workspaces/:workspaceId/backups': 'owner',
  'PUT /api/workspaces/:workspaceId/backups/schedule': 'owner',
  'POST /api/workspaces/:workspaceId/backups': 'owner',
  'GET /api/workspaces/:workspaceId/backups/:name': 'owner',
  'GET /api/v1/workspaces/:workspaceId/export': 'apiToken:export:read',
  'GET /api/health': 'public',
  'POST /api/auth/logout': 'public',
};
