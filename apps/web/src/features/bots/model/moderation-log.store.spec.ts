import type { ModerationLogEntryDto } from '@podium/contracts';
import { createModerationLogStore, mergeLog, oldestEntryId } from './moderation-log.store';

function logEntry(n: number, overrides: Partial<ModerationLogEntryDto> = {}): ModerationLogEntryDto {
  return {
    id: `m${n}`,
    workspaceId: 'w1',
    at: new Date(Date.UTC(2026, 10, 21, 12, 0, n)).toISOString(),
    platform: 'twitch',
    connectionId: 'c1',
    eventId: `e${n}`,
    viewerId: 'v1',
    viewerDisplayName: 'Troll',
    messageText: `bad ${n}`,
    rule: 'banned_term',
    ruleDetail: 'bad',
    action: { type: 'delete' },
    outcome: 'done',
    outcomeDetail: null,
    ...overrides,
  };
}

/** Entries n..m, newest first, as the api pages them. */
const newestFirst = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => logEntry(to - i));

describe('the moderation log store', () => {
  it('orders newest first and keeps one entry per id', () => {
    const merged = mergeLog([logEntry(1), logEntry(3)], [logEntry(2), logEntry(3, { outcome: 'failed' })]);
    expect(merged.map((e) => e.id)).toEqual(['m3', 'm2', 'm1']);
    expect(merged[0]?.outcome).toBe('failed');
  });

  it('knows there may be older entries only when a page came back full', () => {
    const store = createModerationLogStore();
    store.getState().latest(newestFirst(11, 20), 10);
    expect(store.getState()).toMatchObject({ status: 'ready', hasOlder: true });
    expect(oldestEntryId(store.getState())).toBe('m11');
    store.getState().older(newestFirst(5, 10), 10);
    expect(store.getState().hasOlder).toBe(false);
    expect(store.getState().entries.map((e) => e.id)).toEqual(newestFirst(5, 20).map((e) => e.id));
  });

  it('puts a live push on top, and a reload after a reconnect keeps the pages already loaded', () => {
    const store = createModerationLogStore();
    store.getState().latest(newestFirst(11, 20), 10);
    store.getState().older(newestFirst(1, 10), 10);
    store.getState().pushed(logEntry(21));
    expect(store.getState().entries[0]?.id).toBe('m21');
    store.getState().loading();
    store.getState().latest(newestFirst(13, 22), 10);
    expect(store.getState().entries).toHaveLength(22);
    expect(store.getState().status).toBe('ready');
  });
});
