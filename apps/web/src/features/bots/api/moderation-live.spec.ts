import type { ModerationLogEntryDto, ModerationLogPageDto } from '@podium/contracts';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { createModerationLogStore } from '../model/moderation-log.store';
import { connectModerationLog } from './moderation-live';
import { moderationLogSearch } from './moderation.api';

const entry = (n: number, workspaceId = 'w1'): ModerationLogEntryDto => ({
  id: `m${n}`,
  workspaceId,
  at: new Date(Date.UTC(2026, 10, 21, 12, 0, n)).toISOString(),
  platform: 'owncast',
  connectionId: 'c1',
  eventId: `e${n}`,
  viewerId: null,
  viewerDisplayName: 'Troll',
  messageText: 'buy followers at evil.com',
  rule: 'link',
  ruleDetail: 'evil.com',
  action: { type: 'timeout', seconds: 60 },
  outcome: 'done',
  outcomeDetail: null,
});
const newestFirst = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => entry(to - i));

interface PageRequest {
  limit: number;
  before?: string;
  answer: (entries: ModerationLogEntryDto[]) => Promise<void>;
  fail: (error: unknown) => Promise<void>;
}

function setup(pageSize = 5) {
  const socket = new FakeSocket();
  const store = createModerationLogStore();
  const requests: PageRequest[] = [];
  const fetchPage = (limit: number, before?: string) =>
    new Promise<ModerationLogPageDto>((resolve, reject) => {
      requests.push({
        limit,
        before,
        answer: async (entries) => {
          resolve({ entries });
          await Promise.resolve();
          await Promise.resolve();
        },
        fail: async (error) => {
          reject(error);
          await Promise.resolve();
          await Promise.resolve();
        },
      });
    });
  const live = connectModerationLog(socket.asSocket(), fetchPage, store, 'w1', pageSize);
  const ids = () => store.getState().entries.map((e) => e.id);
  return { socket, store, requests, live, ids };
}

describe('connectModerationLog', () => {
  it('loads the newest page at once and puts this workspace’s pushes on top', async () => {
    const { socket, requests, ids } = setup();
    expect(requests).toEqual([expect.objectContaining({ limit: 5, before: undefined })]);
    await requests[0]!.answer(newestFirst(1, 3));
    socket.push('moderation.logged', entry(4));
    socket.push('moderation.logged', entry(5, 'w2'));
    expect(ids()).toEqual(['m4', 'm3', 'm2', 'm1']);
  });

  it('pages back from the oldest entry shown, once at a time, until a short page', async () => {
    const { live, requests, ids, store } = setup();
    await requests[0]!.answer(newestFirst(16, 20));
    const loading = live.loadOlder();
    void live.loadOlder();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.before).toBe('m16');
    await requests[1]!.answer(newestFirst(13, 15));
    await loading;
    expect(ids()).toEqual(newestFirst(13, 20).map((e) => e.id));
    expect(store.getState().hasOlder).toBe(false);
    await live.loadOlder();
    expect(requests).toHaveLength(2);
  });

  it('reloads the newest page after a reconnect (pushes sent while away reached nobody)', async () => {
    const { socket, requests, ids } = setup();
    await requests[0]!.answer(newestFirst(1, 2));
    socket.push('session.ready', { kind: 'organizer', workspaceIds: ['w1'], serverTime: '' });
    expect(requests).toHaveLength(2);
    await requests[1]!.answer(newestFirst(1, 4));
    expect(ids()).toEqual(['m4', 'm3', 'm2', 'm1']);
  });

  it('shows a failed load and keeps what it had', async () => {
    const { live, requests, store } = setup();
    await requests[0]!.answer(newestFirst(1, 5));
    void live.loadOlder();
    await requests[1]!.fail(new Error('offline'));
    expect(store.getState()).toMatchObject({ status: 'error', loadingOlder: false });
    expect(store.getState().entries).toHaveLength(5);
  });

  it('removes only its own listeners on stop, and ignores later answers', async () => {
    const { socket, live, requests, ids } = setup();
    socket.on('moderation.logged', () => undefined);
    live.stop();
    expect(socket.listenerCount()).toBe(1);
    await requests[0]!.answer(newestFirst(1, 2));
    expect(ids()).toEqual([]);
  });
});

describe('moderationLogSearch', () => {
  it('asks for a limit, and pages back with `before`', () => {
    expect(moderationLogSearch(50)).toBe('limit=50');
    expect(moderationLogSearch(20, 'm 1')).toBe('limit=20&before=m+1');
  });
});
