import type { ChatEvent, OutboxMessageDto } from '@podium/contracts';

/** Event `n` of a log: ids and times follow `n`, so order is easy to read in a test. */
export function newEvent(n: number, overrides: Partial<ChatEvent> = {}): ChatEvent {
  const at = new Date(Date.UTC(2026, 10, 21, 12, 0, 0) + n * 1000).toISOString();
  return {
    id: `e${n}`,
    workspaceId: 'w1',
    connectionId: 'c-twitch',
    platform: 'twitch',
    kind: 'message',
    externalId: `x${n}`,
    viewer: { platform: 'twitch', platformUserId: 'u1', displayName: 'Grace', roles: [] },
    text: `line ${n}`,
    occurredAt: at,
    receivedAt: at,
    ...overrides,
  };
}

/** Events `from`..`to` (inclusive), oldest first. */
export function eventRange(from: number, to: number): ChatEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => newEvent(from + i));
}

export function newOutboxMessage(overrides: Partial<OutboxMessageDto> = {}): OutboxMessageDto {
  return {
    id: 'o1',
    connectionId: 'c-twitch',
    platform: 'twitch',
    text: 'Welcome!',
    status: 'pending',
    detail: null,
    createdAt: '2026-11-21T12:00:00.000Z',
    sentAt: null,
    ...overrides,
  };
}
