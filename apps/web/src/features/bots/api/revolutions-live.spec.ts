import type { Ack, RevolutionProgressDto, RevolutionsSnapshotDto } from '@podium/contracts';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { createRevolutionsProgressStore } from '../model/revolutions-progress';
import { connectRevolutionsProgress } from './revolutions-live';

type Done = (err: Error | null, ack: Ack<RevolutionsSnapshotDto>) => void;

/** The fake organizer socket, answering `revolutions.snapshot` requests by hand. */
class SnapshotSocket extends FakeSocket {
  asked: { request: unknown; done: Done }[] = [];
  timeout() {
    return this;
  }
  emit(event: string, request: unknown, done: Done) {
    if (event === 'revolutions.snapshot') this.asked.push({ request, done });
    return this;
  }
}

const progress = (
  id: string,
  count: number,
  overrides: Partial<RevolutionProgressDto> = {},
): RevolutionProgressDto => ({
  revolutionId: id,
  workspaceId: 'w1',
  name: id,
  trigger: '!revolution',
  count,
  threshold: 30,
  windowSeconds: 60,
  cooldownUntil: null,
  firedAt: null,
  showOnOverlay: true,
  at: `2026-11-21T12:00:${String(count).padStart(2, '0')}.000Z`,
  ...overrides,
});

function setup() {
  const socket = new SnapshotSocket();
  const store = createRevolutionsProgressStore();
  const serverTimes: string[] = [];
  const live = connectRevolutionsProgress(socket.asSocket(), store, 'w1', (time) => serverTimes.push(time));
  const answer = async (index: number, revolutions: RevolutionProgressDto[]) => {
    socket.asked[index]!.done(null, {
      ok: true,
      data: { revolutions, serverTime: '2026-11-21T12:00:00.000Z' },
    });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { socket, store, live, answer, serverTimes };
}

describe('connectRevolutionsProgress', () => {
  it('asks for this workspace’s snapshot at once and takes its clock', async () => {
    const { socket, store, answer, serverTimes } = setup();
    expect(socket.asked.map((a) => a.request)).toEqual([{ workspaceId: 'w1' }]);
    await answer(0, [progress('r1', 3), progress('r2', 5)]);
    expect(Object.keys(store.getState().byId).sort()).toEqual(['r1', 'r2']);
    expect(serverTimes).toEqual(['2026-11-21T12:00:00.000Z']);
  });

  it('applies progress pushes of this workspace only', async () => {
    const { socket, store, answer } = setup();
    await answer(0, [progress('r1', 3)]);
    socket.push('revolution.progress', progress('r1', 4));
    socket.push('revolution.progress', progress('r9', 4, { workspaceId: 'w2' }));
    expect(store.getState().byId['r1']?.count).toBe(4);
    expect(store.getState().byId['r9']).toBeUndefined();
  });

  it('asks for the snapshot again after a reconnect', async () => {
    const { socket, store, answer } = setup();
    await answer(0, [progress('r1', 3)]);
    socket.push('session.ready', { kind: 'organizer', workspaceIds: ['w1'], serverTime: '' });
    expect(socket.asked).toHaveLength(2);
    await answer(1, [progress('r1', 12)]);
    expect(store.getState().byId['r1']?.count).toBe(12);
  });

  it('keeps what it has when the snapshot fails, and stops cleanly', async () => {
    const { socket, store, live, answer } = setup();
    await answer(0, [progress('r1', 3)]);
    void live.resync();
    socket.asked[1]!.done(null, {
      ok: false,
      error: { statusCode: 403, code: 'workspace.forbidden', message: 'no' },
    });
    await Promise.resolve();
    expect(store.getState().byId['r1']?.count).toBe(3);
    live.stop();
    expect(socket.listenerCount()).toBe(0);
    socket.push('revolution.progress', progress('r1', 20));
    expect(store.getState().byId['r1']?.count).toBe(3);
  });

  it('does not ask while offline', () => {
    const socket = new SnapshotSocket();
    socket.connected = false;
    connectRevolutionsProgress(socket.asSocket(), createRevolutionsProgressStore(), 'w1');
    expect(socket.asked).toHaveLength(0);
  });
});
