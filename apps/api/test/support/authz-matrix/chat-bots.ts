import { randomUUID } from 'node:crypto';
import type { Requirement, RouteEntry } from '../authz-matrix';

/**
 * Chat, viewers and the bot: commands, auto-responses, alerts and their media, rehearsal,
 * announcements, revolutions and moderation (console and `/v1`).
 */
export const CHAT_BOT_ROUTES: Record<string, Requirement | RouteEntry> = {
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
  'POST /api/v1/workspaces/:workspaceId/chat/messages': 'apiToken:chat:send',
  'GET /api/v1/workspaces/:workspaceId/bots': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/:kind/:id/enable': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/:kind/:id/disable': 'apiToken:bots:write',
  'POST /api/v1/workspaces/:workspaceId/bots/announcements/:announcementId/trigger': 'apiToken:bots:write',
};
