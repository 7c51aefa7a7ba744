import type { ChatEvent } from '@podium/contracts';
import type { FetchChatPage } from '../api/chat.api';
import type { ChatFilter } from '../model/chat-filter';
import { CHAT_PAGE_SIZE, createChatLogStore } from '../model/chat-log.store';
import { createOutboxStore } from '../model/outbox.store';
import { eventRange, newEvent, newOutboxMessage } from '../test/chat.factory';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { connectChatLog } from './chat-log-connection';

interface PageRequest {
  filter: ChatFilter;
  limit: number;
  before?: string;
  answer: (events: readonly ChatEvent[]) => Promise<void>;
  fail: (error: unknown) => Promise<void>;
}

/** A `chat.events` push of these events (one workspace's). */
const pushed = (...events: ChatEvent[]) => ({ workspaceId: events[0]!.workspaceId, events });

/** A page fetcher the test answers by hand, in any order. */
function pages() {
  const requests: PageRequest[] = [];
  const fetchPage: FetchChatPage = (filter, limit, before) =>
    new Promise((resolve, reject) => {
      requests.push({
        filter,
        limit,
        before,
        // Let the connection's `await` continue before the test looks.
        answer: async (events) => {
          resolve(events);
          await Promise.resolve();
        },
        fail: async (error) => {
          reject(error);
          await Promise.resolve();
        },
      });
    });
  return { requests, fetchPage };
}

function setup() {
  const socket = new FakeSocket();
  const log = createChatLogStore();
  const outbox = createOutboxStore();
  const { requests, fetchPage } = pages();
  const owned = new Set(['c-twitch', 'c-yt']);
  const flushes: (() => void)[] = [];
  const live = connectChatLog(
    {
      socket: socket.asSocket(),
      fetchPage,
      ownsConnection: (id) => owned.has(id),
      // The test says when the tick is over.
      schedule: (flush) => {
        flushes.push(flush);
        return () => flushes.splice(flushes.indexOf(flush), 1);
      },
    },
    log,
    outbox,
    'w1',
  );
  const ids = () => log.getState().events.map((e) => e.id);
  const tick = () => flushes.splice(0).forEach((flush) => flush());
  return { socket, log, outbox, requests, live, ids, tick, flushes };
}

describe('connectChatLog', () => {
  it('loads the newest page at once and merges the pushes of this workspace only', async () => {
    const { socket, requests, ids, tick } = setup();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ filter: { platform: null, kind: null }, limit: CHAT_PAGE_SIZE });
    socket.push('chat.events', pushed(newEvent(3)));
    socket.push('chat.events', pushed(newEvent(4, { workspaceId: 'w2' })));
    tick();
    await requests[0]!.answer(eventRange(1, 3));
    socket.push('chat.events', pushed(newEvent(5)));
    tick();
    expect(ids()).toEqual(['e1', 'e2', 'e3', 'e5']);
  });

  it('applies a burst of pushes in one update per tick', () => {
    const { socket, log, ids, tick, flushes } = setup();
    let updates = 0;
    log.subscribe(() => (updates += 1));
    for (const event of eventRange(1, 50)) socket.push('chat.events', pushed(event));
    expect(flushes).toHaveLength(1);
    expect(ids()).toEqual([]);
    tick();
    expect(ids()).toHaveLength(50);
    expect(updates).toBe(1);
  });

  it('reloads with the new filter and drops the answer of the old one', async () => {
    const { live, requests, ids, log } = setup();
    live.setFilter({ platform: 'youtube', kind: null });
    expect(requests[1]?.filter).toEqual({ platform: 'youtube', kind: null });
    await requests[1]!.answer([newEvent(7, { platform: 'youtube' })]);
    // The first (unfiltered) page comes back late: it must not land on the YouTube log.
    await requests[0]!.answer(eventRange(1, 3));
    expect(ids()).toEqual(['e7']);
    expect(log.getState().filter.platform).toBe('youtube');
  });

  it('refetches the newest page after every reconnect, merging what was missed', async () => {
    const { socket, requests, ids } = setup();
    await requests[0]!.answer(eventRange(1, 3));
    socket.push('session.ready', { kind: 'organizer', workspaceIds: ['w1'], serverTime: '' });
    expect(requests).toHaveLength(2);
    await requests[1]!.answer(eventRange(2, 6));
    expect(ids()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('pages back from the oldest event shown', async () => {
    const { live, requests, ids } = setup();
    await requests[0]!.answer(eventRange(101, 100 + CHAT_PAGE_SIZE));
    const loading = live.loadEarlier();
    // A second click while loading asks nothing more.
    void live.loadEarlier();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.before).toBe('e101');
    await requests[1]!.answer(eventRange(91, 100));
    await loading;
    expect(ids()[0]).toBe('e91');
    await live.loadEarlier();
    expect(requests).toHaveLength(2);
  });

  it('shows a failed load, and keeps what it had', async () => {
    const { live, requests, log } = setup();
    await requests[0]!.answer(eventRange(1, CHAT_PAGE_SIZE));
    void live.loadEarlier();
    await requests[1]!.fail(new Error('offline'));
    expect(log.getState()).toMatchObject({ status: 'error', loadingEarlier: false });
    expect(log.getState().events).toHaveLength(CHAT_PAGE_SIZE);
  });

  it('reloads the newest when the reader comes back to the bottom over a gap', async () => {
    const { live, requests, log } = setup();
    await requests[0]!.answer(eventRange(1, 10));
    live.follow(false);
    expect(requests).toHaveLength(1);
    log.setState({ gap: true });
    live.follow(true);
    expect(requests).toHaveLength(2);
  });

  it('takes outbox pushes for this workspace’s connections only', () => {
    const { socket, outbox } = setup();
    socket.push('chat.outbox', {
      workspaceId: 'w1',
      messages: [
        newOutboxMessage({ id: 'o1', status: 'sent' }),
        newOutboxMessage({ id: 'o2', connectionId: 'elsewhere' }),
      ],
    });
    expect(outbox.getState().messages.map((m) => [m.id, m.status])).toEqual([['o1', 'sent']]);
  });

  it('removes only its own listeners on stop, and ignores answers and pushes after it', async () => {
    const { socket, live, requests, ids, flushes } = setup();
    socket.push('chat.events', pushed(newEvent(9)));
    socket.on('chat.events', () => undefined);
    live.stop();
    expect(socket.listenerCount()).toBe(1);
    expect(flushes).toEqual([]);
    await requests[0]!.answer(eventRange(1, 3));
    expect(ids()).toEqual([]);
  });
});
