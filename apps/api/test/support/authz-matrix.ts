import { randomUUID } from 'node:crypto';
import type { ApiScope } from '@podium/contracts';

/**
 * The least privileged caller that may use a route. Organizer roles are ordered
 * viewer < moderator < owner; `session` is any signed-in organizer (no workspace in the path);
 * `apiToken` is any valid token of the workspace, `apiToken:<scope>` one holding that scope;
 * `webhook` is a signed inbound delivery (nobody in the matrix can sign one).
 */
export type Requirement =
  | 'public'
  | 'webhook'
  | 'attendee'
  | 'panel'
  | 'overlay'
  | 'apiToken'
  | `apiToken:${ApiScope}`
  | 'session'
  | 'viewer'
  | 'moderator'
  | 'owner';

/**
 * A route's requirement, with a valid body where the route validates one: roles are checked by a
 * guard before any pipe, so the body is not needed to refuse, but with it an allowed caller gets
 * past validation into the service, and the matrix proves its invalid body is refused with 400.
 */
export interface RouteEntry {
  requires: Requirement;
  /** A valid body (fresh per call), or `current`: what the owner GETs from the same URL. */
  body?: (() => unknown) | 'current';
  /** Path parameters that must be valid values rather than unknown ids. */
  params?: Record<string, string>;
}

/** `METHOD /path/:param` as the Express router lists it → requirement (and a body when needed). */
export const AUTHZ_MATRIX: Record<string, Requirement | RouteEntry> = {
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  'GET /api{/*splat}': 'public',
  'POST /api{/*splat}': 'public',
  'PUT /api{/*splat}': 'public',
  'PATCH /api{/*splat}': 'public',
  'DELETE /api{/*splat}': 'public',
  // Listed twice by the router: the urlencoded body parser (forRoutes) is a route layer too.
  'POST /api/integrations/kofi/:key': 'webhook',
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
  'GET /api/workspaces/:workspaceId/meetings': 'viewer',
  'POST /api/workspaces/:workspaceId/meetings': { requires: 'moderator', body: () => ({ title: 'Authz' }) },
  'GET /api/workspaces/:workspaceId/meetings/:meetingId': 'viewer',
  'PATCH /api/workspaces/:workspaceId/meetings/:meetingId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/meetings/:meetingId': 'moderator',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/join-code': 'moderator',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/duplicate': 'moderator',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/reset': 'moderator',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/questions': {
    requires: 'moderator',
    body: () => ({
      type: 'poll',
      title: 'Authz',
      choices: [{ label: 'A' }, { label: 'B' }],
      multiple: false,
    }),
  },
  'GET /api/workspaces/:workspaceId/meetings/:meetingId/questions/export': 'viewer',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/questions/import': {
    requires: 'moderator',
    body: () => ({
      format: 'podium.questions',
      version: 1,
      questions: [
        { type: 'poll', title: 'Authz', choices: [{ label: 'A' }, { label: 'B' }], multiple: false },
      ],
    }),
  },
  'PUT /api/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId': {
    requires: 'moderator',
    body: () => ({
      type: 'poll',
      title: 'Authz',
      choices: [{ label: 'A' }, { label: 'B' }],
      multiple: false,
    }),
  },
  'DELETE /api/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId': 'moderator',
  'POST /api/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId/duplicate': 'moderator',
  'PUT /api/workspaces/:workspaceId/meetings/:meetingId/question-order': {
    requires: 'moderator',
    body: () => ({ questionIds: [randomUUID()] }),
  },
  'GET /api/workspaces/:workspaceId/flags': 'moderator',
  'POST /api/workspaces/:workspaceId/flags': {
    requires: 'moderator',
    body: () => ({ name: 'Authz', code: 'AUTHZ-1', points: 5 }),
  },
  'PATCH /api/workspaces/:workspaceId/flags/:flagId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/flags/:flagId': 'moderator',
  'GET /api/join/:code': 'public',
  'POST /api/join': 'public',
  'GET /api/workspaces/:workspaceId/meetings/:meetingId/results.csv': 'viewer',
  'GET /api/workspaces/:workspaceId/meetings/:meetingId/scoreboard.csv': 'viewer',
  // Moderator+: a connection carries its inbound webhook URL, whose key authenticates deliveries.
  'GET /api/workspaces/:workspaceId/connections': 'moderator',
  'GET /api/workspaces/:workspaceId/connections/:connectionId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/connections/:connectionId': 'owner',
  'GET /api/workspaces/:workspaceId/chat/events': 'viewer',
  'POST /api/workspaces/:workspaceId/chat/messages': {
    requires: 'moderator',
    body: () => ({ text: 'authz' }),
  },
  'GET /api/workspaces/:workspaceId/viewers': 'viewer',
  'POST /api/workspaces/:workspaceId/viewers/merge': {
    requires: 'moderator',
    body: () => ({ sourceViewerId: randomUUID(), targetViewerId: randomUUID() }),
  },
  'GET /api/workspaces/:workspaceId/bots/settings': 'moderator',
  'PUT /api/workspaces/:workspaceId/bots/settings': { requires: 'moderator', body: () => ({ prefix: '!' }) },
  'GET /api/workspaces/:workspaceId/bots/commands': 'moderator',
  'GET /api/workspaces/:workspaceId/bots/builtin-commands': 'moderator',
  'POST /api/workspaces/:workspaceId/bots/commands': {
    requires: 'moderator',
    body: () => ({ name: 'authz', responses: ['hi'] }),
  },
  'GET /api/workspaces/:workspaceId/bots/commands/:commandId': 'moderator',
  'PATCH /api/workspaces/:workspaceId/bots/commands/:commandId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/bots/commands/:commandId': 'moderator',
  'GET /api/workspaces/:workspaceId/bots/auto-responses': 'moderator',
  'POST /api/workspaces/:workspaceId/bots/auto-responses': {
    requires: 'moderator',
    body: () => ({ matchMode: 'contains', terms: ['authzterm'], responses: ['hi'] }),
  },
  'GET /api/workspaces/:workspaceId/bots/auto-responses/:autoResponseId': 'moderator',
  'PATCH /api/workspaces/:workspaceId/bots/auto-responses/:autoResponseId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/bots/auto-responses/:autoResponseId': 'moderator',
  'POST /api/workspaces/:workspaceId/bots/sandbox': {
    requires: 'moderator',
    body: () => ({ text: '!authz' }),
  },
  'GET /api/public/workspaces/:workspaceId/commands': 'public',
  'POST /api/workspaces/:workspaceId/bots/alerts/test': 'moderator',
  'GET /api/workspaces/:workspaceId/bots/alerts/:kind': { requires: 'moderator', params: { kind: 'follow' } },
  'PUT /api/workspaces/:workspaceId/bots/alerts/:kind': {
    requires: 'moderator',
    params: { kind: 'follow' },
    body: 'current',
  },
  'POST /api/workspaces/:workspaceId/media': 'moderator',
  'GET /api/workspaces/:workspaceId/media': 'viewer',
  'DELETE /api/workspaces/:workspaceId/media/:mediaId': 'moderator',
  'GET /api/media/:mediaId': 'public',
  'GET /api/workspaces/:workspaceId/rehearsal': 'moderator',
  'POST /api/workspaces/:workspaceId/rehearsal/events': {
    requires: 'moderator',
    body: () => ({ kind: 'message', viewer: { displayName: 'Authz' }, text: 'hi', eventId: randomUUID() }),
  },
  'POST /api/workspaces/:workspaceId/rehearsal/burst': {
    requires: 'moderator',
    body: () => ({ text: 'hi', viewers: 1 }),
  },
  'GET /api/workspaces/:workspaceId/bots/announcements': 'moderator',
  'POST /api/workspaces/:workspaceId/bots/announcements': {
    requires: 'moderator',
    body: () => ({ name: 'Authz', messages: ['m'], intervalMinutes: 600, liveOnly: true }),
  },
  'GET /api/workspaces/:workspaceId/bots/announcements/:id': 'moderator',
  'PATCH /api/workspaces/:workspaceId/bots/announcements/:id': {
    requires: 'moderator',
    body: () => ({ name: 'Authz' }),
  },
  'DELETE /api/workspaces/:workspaceId/bots/announcements/:id': 'moderator',
  'GET /api/workspaces/:workspaceId/bots/revolutions': 'moderator',
  'POST /api/workspaces/:workspaceId/bots/revolutions': {
    requires: 'moderator',
    body: () => ({
      name: 'Authz',
      trigger: '!authzrev',
      threshold: 30,
      windowSeconds: 60,
      cooldownSeconds: 600,
      message: 'x {count}',
    }),
  },
  'GET /api/workspaces/:workspaceId/bots/revolutions/:id': 'moderator',
  'GET /api/workspaces/:workspaceId/bots/revolutions/:id/progress': 'viewer',
  'PATCH /api/workspaces/:workspaceId/bots/revolutions/:id': {
    requires: 'moderator',
    body: () => ({ name: 'Authz' }),
  },
  'DELETE /api/workspaces/:workspaceId/bots/revolutions/:id': 'moderator',
  // Moderator+ like the rest of the bot's configuration: banned terms and patterns are not for co-hosts.
  'GET /api/workspaces/:workspaceId/bots/moderation': 'moderator',
  'PUT /api/workspaces/:workspaceId/bots/moderation': { requires: 'moderator', body: 'current' },
  'GET /api/workspaces/:workspaceId/bots/moderation/log': 'moderator',
  'GET /api/workspaces/:workspaceId/points/settings': 'moderator',
  'PUT /api/workspaces/:workspaceId/points/settings': 'moderator',
  'GET /api/workspaces/:workspaceId/points/balances': 'viewer',
  'GET /api/workspaces/:workspaceId/points/balances/:viewerId': 'viewer',
  'GET /api/workspaces/:workspaceId/points/viewers/:viewerId/history': 'viewer',
  'GET /api/workspaces/:workspaceId/points/leaderboard': 'viewer',
  'POST /api/workspaces/:workspaceId/points/adjust': {
    requires: 'moderator',
    body: () => ({ viewerId: randomUUID(), amount: 1, reason: 'authz' }),
  },
  // Moderator+ like GET points/settings: anything that configures the bot.
  'GET /api/workspaces/:workspaceId/points/action-settings': 'moderator',
  'PUT /api/workspaces/:workspaceId/points/action-settings': 'moderator',
  'GET /api/workspaces/:workspaceId/points/viewers/:viewerId/streak': 'viewer',
  'GET /api/workspaces/:workspaceId/rewards': 'viewer',
  'POST /api/workspaces/:workspaceId/rewards': {
    requires: 'moderator',
    body: () => ({ name: 'authz', type: 'list', price: 100 }),
  },
  'POST /api/workspaces/:workspaceId/rewards/import': {
    requires: 'moderator',
    body: () => ({ authz_missing_type: { price: 1, type: 'nonsense' } }),
  },
  'GET /api/workspaces/:workspaceId/rewards/categories': 'viewer',
  'POST /api/workspaces/:workspaceId/rewards/categories': {
    requires: 'moderator',
    body: () => ({ name: 'Authz' }),
  },
  'PUT /api/workspaces/:workspaceId/rewards/categories/active': {
    requires: 'moderator',
    body: () => ({ active: [] }),
  },
  'PATCH /api/workspaces/:workspaceId/rewards/categories/:categoryId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/rewards/categories/:categoryId': 'moderator',
  'GET /api/workspaces/:workspaceId/rewards/:rewardId': 'viewer',
  'PATCH /api/workspaces/:workspaceId/rewards/:rewardId': 'moderator',
  'DELETE /api/workspaces/:workspaceId/rewards/:rewardId': 'moderator',
  'GET /api/workspaces/:workspaceId/redeems': 'viewer',
  'POST /api/workspaces/:workspaceId/redeems': {
    requires: 'moderator',
    body: () => ({ viewerId: randomUUID(), rewardId: randomUUID(), requestId: randomUUID() }),
  },
  'POST /api/workspaces/:workspaceId/redeems/queue/clear': 'moderator',
  'POST /api/workspaces/:workspaceId/redeems/counters/reset': 'moderator',
  'GET /api/workspaces/:workspaceId/redeems/:redemptionId': 'viewer',
  'POST /api/workspaces/:workspaceId/redeems/:redemptionId/fulfil': 'moderator',
  'POST /api/workspaces/:workspaceId/redeems/:redemptionId/refund': 'moderator',
  'POST /api/workspaces/:workspaceId/redeems/:redemptionId/reject': 'moderator',
  'GET /api/workspaces/:workspaceId/goals': 'viewer',
  'POST /api/workspaces/:workspaceId/goals/:rewardId/reset': 'moderator',
  'GET /api/workspaces/:workspaceId/votes': 'viewer',
  'POST /api/workspaces/:workspaceId/votes/:rewardId/close': 'moderator',
  'POST /api/workspaces/:workspaceId/votes/:rewardId/open': 'moderator',
  'POST /api/workspaces/:workspaceId/votes/:rewardId/reset': 'moderator',
  'GET /api/workspaces/:workspaceId/special/deliveries': 'moderator',
  'GET /api/workspaces/:workspaceId/reports': 'viewer',
  'GET /api/workspaces/:workspaceId/reports/:reportId': 'viewer',
  'GET /api/workspaces/:workspaceId/reports/:reportId/export': 'viewer',
  'POST /api/workspaces/:workspaceId/reports/:reportId/recompute': 'moderator',
  'GET /api/v1/workspaces/:workspaceId/reports': 'apiToken:reports:read',
  'GET /api/v1/workspaces/:workspaceId/reports/:reportId': 'apiToken:reports:read',
  'GET /api/v1/workspaces/:workspaceId/reports/:reportId/export': 'apiToken:reports:read',
  'POST /api/panel/session': 'public',
  'GET /api/panel/me': 'panel',
  'GET /api/panel/history': 'panel',
  'GET /api/panel/rewards': 'panel',
  'POST /api/panel/redeem': 'panel',
  'GET /api/panel/goals': 'panel',
  'GET /api/panel/queue': 'panel',
  'POST /api/panel/kofi-link': 'panel',
  'GET /api/workspaces/:workspaceId/kofi/settings': 'owner',
  'PUT /api/workspaces/:workspaceId/kofi/settings': 'owner',
  'GET /api/workspaces/:workspaceId/kofi/links': 'moderator',
  'POST /api/workspaces/:workspaceId/kofi/links': {
    requires: 'moderator',
    body: () => ({ viewerId: randomUUID(), email: 'authz@example.org' }),
  },
  'DELETE /api/workspaces/:workspaceId/kofi/links/:linkId': 'moderator',
  'GET /api/workspaces/:workspaceId/kofi/payments': 'moderator',
  // As served; questionable: a moderator lists the tokens that only an owner may create or revoke.
  'GET /api/workspaces/:workspaceId/api-tokens': 'moderator',
  'POST /api/workspaces/:workspaceId/api-tokens': {
    requires: 'owner',
    body: () => ({ name: 'authz', scopes: ['meetings:read'] }),
  },
  'DELETE /api/workspaces/:workspaceId/api-tokens/:tokenId': 'owner',
  'GET /api/v1/workspaces/:workspaceId/whoami': 'apiToken',
  'GET /api/v1/workspaces/:workspaceId/viewers': 'apiToken:points:read',
  'GET /api/v1/workspaces/:workspaceId/viewers/:viewerId': 'apiToken:points:read',
  'GET /api/v1/workspaces/:workspaceId/viewers/:viewerId/history': 'apiToken:points:read',
  'POST /api/v1/workspaces/:workspaceId/viewers/:viewerId/points/grant': 'apiToken:points:write',
  'POST /api/v1/workspaces/:workspaceId/viewers/:viewerId/points/deduct': 'apiToken:points:write',
  'GET /api/v1/workspaces/:workspaceId/rewards': 'apiToken:rewards:read',
  'GET /api/v1/workspaces/:workspaceId/rewards/:rewardId': 'apiToken:rewards:read',
  'POST /api/v1/workspaces/:workspaceId/rewards/:rewardId/enable': 'apiToken:rewards:write',
  'POST /api/v1/workspaces/:workspaceId/rewards/:rewardId/disable': 'apiToken:rewards:write',
  'GET /api/v1/workspaces/:workspaceId/redemptions': 'apiToken:queue:read',
  'GET /api/v1/workspaces/:workspaceId/redemptions/:redemptionId': 'apiToken:queue:read',
  'POST /api/v1/workspaces/:workspaceId/redemptions/:redemptionId/fulfil': 'apiToken:queue:write',
  'POST /api/v1/workspaces/:workspaceId/redemptions/:redemptionId/refund': 'apiToken:queue:write',
  'POST /api/v1/workspaces/:workspaceId/redemptions/:redemptionId/reject': 'apiToken:queue:write',
  'GET /api/v1/workspaces/:workspaceId/goals': 'apiToken:rewards:read',
  'GET /api/v1/workspaces/:workspaceId/goals/:rewardId': 'apiToken:rewards:read',
  'GET /api/v1/workspaces/:workspaceId/votes': 'apiToken:rewards:read',
  'GET /api/v1/workspaces/:workspaceId/votes/:rewardId': 'apiToken:rewards:read',
  'POST /api/v1/workspaces/:workspaceId/votes/:rewardId/close': 'apiToken:rewards:write',
  'POST /api/v1/workspaces/:workspaceId/votes/:rewardId/open': 'apiToken:rewards:write',
  'POST /api/v1/workspaces/:workspaceId/chat/messages': 'apiToken:chat:send',
  'GET /api/v1/workspaces/:workspaceId/bots': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/:kind/:id/enable': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/:kind/:id/disable': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/announcements/:announcementId/trigger': 'apiToken:bots:write',
  'GET /api/v1/workspaces/:workspaceId/meetings': 'apiToken:meetings:read',
  'POST /api/v1/workspaces/:workspaceId/meetings': 'apiToken:meetings:write',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId': 'apiToken:meetings:read',
  'PATCH /api/v1/workspaces/:workspaceId/meetings/:meetingId': 'apiToken:meetings:write',
  'DELETE /api/v1/workspaces/:workspaceId/meetings/:meetingId': 'apiToken:meetings:write',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId/questions': 'apiToken:meetings:read',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/questions': 'apiToken:meetings:write',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId': 'apiToken:meetings:read',
  'PUT /api/v1/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId': 'apiToken:meetings:write',
  'DELETE /api/v1/workspaces/:workspaceId/meetings/:meetingId/questions/:questionId':
    'apiToken:meetings:write',
  'PUT /api/v1/workspaces/:workspaceId/meetings/:meetingId/question-order': 'apiToken:meetings:write',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/start': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/next': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/back': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/close': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/results': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/scoreboard': 'apiToken:meetings:control',
  'POST /api/v1/workspaces/:workspaceId/meetings/:meetingId/live/end': 'apiToken:meetings:control',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId/live': 'apiToken:meetings:read',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId/results': 'apiToken:meetings:read',
  'GET /api/v1/workspaces/:workspaceId/meetings/:meetingId/scoreboard': 'apiToken:meetings:read',
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
  'GET /api/workspaces/:workspaceId/export': 'owner',
  'POST /api/workspaces/import': 'session',
  'POST /api/workspaces/:workspaceId/import': 'owner',
  'GET /api/workspaces/:workspaceId/backups': 'owner',
  'PUT /api/workspaces/:workspaceId/backups/schedule': 'owner',
  'POST /api/workspaces/:workspaceId/backups': 'owner',
  'GET /api/workspaces/:workspaceId/backups/:name': 'owner',
  'GET /api/v1/workspaces/:workspaceId/export': 'apiToken:export:read',
  'POST /api/workspaces/:workspaceId/connections/owncast': {
    requires: 'owner',
    body: () => ({ instanceUrl: 'http://127.0.0.1:9', accessToken: 'authz' }),
  },
  'POST /api/integrations/owncast/:key': 'webhook',
  'GET /api/workspaces/:workspaceId/connections/twitch/authorize': 'owner',
  'GET /api/integrations/twitch/oauth/callback': 'public',
  'GET /api/workspaces/:workspaceId/connections/youtube/authorize': 'owner',
  'GET /api/integrations/youtube/oauth/callback': 'public',
  'GET /api/health': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/panel/sign-out': 'panel',
};

export function entryOf(key: string): RouteEntry | undefined {
  const entry = AUTHZ_MATRIX[key];
  return typeof entry === 'string' ? { requires: entry } : entry;
}

/** Routes that end the caller's own session when allowed: called after every other route. */
export const CALLED_LAST = ['POST /api/auth/logout', 'POST /api/panel/sign-out'];
