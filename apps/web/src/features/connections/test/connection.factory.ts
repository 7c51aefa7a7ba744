import type { ChatEvent, ConnectionDto } from '@podium/contracts';

/** A connection as the server sends it, with overrides. */
export function newConnection(overrides: Partial<ConnectionDto> = {}): ConnectionDto {
  return {
    id: 'c-twitch',
    workspaceId: 'w1',
    platform: 'twitch',
    status: 'connected',
    statusDetail: null,
    accountName: 'ada_live',
    botAccountName: null,
    tokenExpiresAt: '2026-11-21T14:00:00.000Z',
    transport: 'websocket',
    subscriptions: [],
    quota: null,
    webhookUrl: null,
    lastEventAt: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function newChatEvent(overrides: Partial<ChatEvent> = {}): ChatEvent {
  return {
    id: 'e1',
    workspaceId: 'w1',
    connectionId: 'c-twitch',
    platform: 'twitch',
    kind: 'message',
    externalId: 'x1',
    viewer: { platform: 'twitch', platformUserId: 'u1', displayName: 'Grace', roles: [] },
    text: 'hello',
    occurredAt: '2026-11-21T12:00:00.000Z',
    receivedAt: '2026-11-21T12:00:00.100Z',
    ...overrides,
  };
}
