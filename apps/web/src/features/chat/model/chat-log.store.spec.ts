import { eventRange, newEvent } from '../test/chat.factory';
import { CHAT_LOG_MAX, createChatLogStore, mergeEvents } from './chat-log.store';

const ids = (store: ReturnType<typeof createChatLogStore>) => store.getState().events.map((e) => e.id);

describe('mergeEvents', () => {
  it('unites by id, oldest first, whatever order they came in', () => {
    const merged = mergeEvents([newEvent(2), newEvent(4)], [newEvent(3), newEvent(2), newEvent(1)]);
    expect(merged.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });
});

describe('chat log store', () => {
  it('merges pushes that arrived during the first fetch with its page, without duplicates', () => {
    const store = createChatLogStore();
    store.getState().push(newEvent(10));
    store.getState().push(newEvent(11));
    store.getState().latest(eventRange(1, 10), 100);
    expect(ids(store)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
    expect(store.getState()).toMatchObject({ status: 'ready', hasEarlier: false });
  });

  it('ignores a pushed event it already has (redelivery, reconnect)', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, 3), 100);
    expect(store.getState().push(newEvent(3))).toBe(false);
    expect(store.getState().push(newEvent(4))).toBe(true);
    expect(ids(store)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('keeps only what the filter shows', () => {
    const store = createChatLogStore();
    store.getState().setFilter({ platform: 'youtube', kind: null });
    store.getState().latest([], 100);
    expect(store.getState().push(newEvent(1))).toBe(false);
    expect(store.getState().push(newEvent(2, { platform: 'youtube' }))).toBe(true);
    store.getState().setFilter({ platform: null, kind: 'raid' });
    expect(store.getState().events).toEqual([]);
    expect(store.getState().push(newEvent(3))).toBe(false);
    expect(store.getState().push(newEvent(4, { kind: 'raid' }))).toBe(true);
  });

  it('stays bounded under a busy chat while following: the oldest go and can be paged back', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, 100), 200);
    for (let n = 101; n <= CHAT_LOG_MAX + 250; n += 1) store.getState().push(newEvent(n));
    const { events, hasEarlier, gap } = store.getState();
    expect(events).toHaveLength(CHAT_LOG_MAX);
    expect(events[0]?.id).toBe('e251');
    expect(events.at(-1)?.id).toBe(`e${CHAT_LOG_MAX + 250}`);
    expect({ hasEarlier, gap }).toEqual({ hasEarlier: true, gap: false });
  });

  it('counts new events while paused, and past the bound keeps the reader’s lines and asks for a reload', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, CHAT_LOG_MAX - 2), 100);
    expect(store.getState().setFollowing(false)).toBe(false);
    for (let n = CHAT_LOG_MAX - 1; n <= CHAT_LOG_MAX + 3; n += 1) store.getState().push(newEvent(n));
    const { events, unseen, gap } = store.getState();
    expect(events).toHaveLength(CHAT_LOG_MAX);
    expect(events[0]?.id).toBe('e1');
    expect({ unseen, gap }).toEqual({ unseen: 5, gap: true });
    // Back at the bottom: the newest must be fetched again; the count is reset.
    expect(store.getState().setFollowing(true)).toBe(true);
    expect(store.getState().unseen).toBe(0);
  });

  it('starts again from the newest page when it does not join up with what is kept', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, 10), 10);
    store.getState().setFollowing(false);
    store.getState().latest(eventRange(900, 909), 10);
    expect(ids(store)).toEqual(eventRange(900, 909).map((e) => e.id));
    expect(store.getState()).toMatchObject({ hasEarlier: true, gap: false, following: true, unseen: 0 });
  });

  it('merges an overlapping newest page (after a reconnect) and counts what is new while paused', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, 10), 10);
    store.getState().setFollowing(false);
    store.getState().latest(eventRange(6, 15), 10);
    expect(ids(store)).toEqual(eventRange(1, 15).map((e) => e.id));
    expect(store.getState().unseen).toBe(5);
  });

  it('pages back with earlier pages, and knows when the start is reached', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(201, 300), 100);
    expect(store.getState().hasEarlier).toBe(true);
    store.getState().earlierLoading(true);
    store.getState().earlier(eventRange(101, 200), 100);
    expect(store.getState()).toMatchObject({ hasEarlier: true, loadingEarlier: false });
    store.getState().earlier(eventRange(51, 100), 100);
    expect(store.getState().hasEarlier).toBe(false);
    expect(ids(store)[0]).toBe('e51');
    expect(store.getState().events).toHaveLength(250);
  });

  it('pages back past the bound by letting the newest go (the reader is reading old lines)', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(401, 600), 200);
    store.getState().earlier(eventRange(201, 400), 200);
    store.getState().earlier(eventRange(1, 200), 200);
    const { events, gap, following } = store.getState();
    expect(events).toHaveLength(CHAT_LOG_MAX);
    expect(events[0]?.id).toBe('e1');
    expect(events.at(-1)?.id).toBe(`e${CHAT_LOG_MAX}`);
    expect({ gap, following }).toEqual({ gap: true, following: false });
  });

  it('takes a batch of pushes at once: filtered, without duplicates, in order, bounded', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, 5), 100);
    const kept = store
      .getState()
      .pushMany([
        newEvent(7),
        newEvent(5),
        newEvent(6),
        newEvent(7),
        newEvent(8, { workspaceId: 'w1', platform: 'youtube' }),
      ]);
    expect(kept).toBe(3);
    expect(ids(store)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']);
    store.getState().pushMany(eventRange(9, CHAT_LOG_MAX + 100));
    expect(store.getState().events).toHaveLength(CHAT_LOG_MAX);
    expect(ids(store).at(-1)).toBe(`e${CHAT_LOG_MAX + 100}`);
  });

  it('while paused, takes from a batch only what fits and counts all of it', () => {
    const store = createChatLogStore();
    store.getState().latest(eventRange(1, CHAT_LOG_MAX - 3), 100);
    store.getState().setFollowing(false);
    expect(store.getState().pushMany(eventRange(CHAT_LOG_MAX - 2, CHAT_LOG_MAX + 7))).toBe(3);
    expect(store.getState()).toMatchObject({ unseen: 10, gap: true });
    expect(ids(store)[0]).toBe('e1');
    expect(ids(store).at(-1)).toBe(`e${CHAT_LOG_MAX}`);
  });

  it('keeps the error of a failed load until the next one', () => {
    const store = createChatLogStore();
    store.getState().failed(new Error('boom'));
    expect(store.getState().status).toBe('error');
    store.getState().loading();
    expect(store.getState()).toMatchObject({ status: 'loading', error: null });
  });
});
