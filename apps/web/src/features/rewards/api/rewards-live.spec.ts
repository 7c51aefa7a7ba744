import type {
  Ack,
  GoalProgressDto,
  GoalsSnapshotDto,
  VotesSnapshotDto,
  VoteTallyDto,
} from '@podium/contracts';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { createQueueStore } from '../model/queue.store';
import { createVersionedStore } from '../model/versioned.store';
import { goal, redemption } from '../test/rewards.factory';
import { connectRewardsLive } from './rewards-live';

type Done = (err: Error | null, ack: Ack<GoalsSnapshotDto | VotesSnapshotDto>) => void;

/** The organizer socket, answering snapshot requests by hand. */
class SnapshotSocket extends FakeSocket {
  asked: { event: string; request: unknown; done: Done }[] = [];
  timeout() {
    return this;
  }
  emit(event: string, request: unknown, done: Done) {
    this.asked.push({ event, request, done });
    return this;
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

function setup(queue = [redemption('q1')]) {
  const socket = new SnapshotSocket();
  const stores = {
    queue: createQueueStore(),
    goals: createVersionedStore<GoalProgressDto>(),
    votes: createVersionedStore<VoteTallyDto>(),
  };
  const changed: number[] = [];
  let loads = 0;
  const live = connectRewardsLive(socket.asSocket(), stores, 'w1', {
    loadQueue: () => {
      loads += 1;
      return Promise.resolve(queue);
    },
    onRewardsChanged: () => changed.push(1),
  });
  const answer = async (goals = [goal('g1', 5, 1)]) => {
    for (const ask of socket.asked.splice(0)) {
      if (ask.event === 'goals.snapshot') ask.done(null, { ok: true, data: { goals, serverTime: '' } });
      else ask.done(null, { ok: true, data: { votes: [], serverTime: '' } });
    }
    await flush();
  };
  return { socket, stores, live, answer, changed, loads: () => loads };
}

describe('connectRewardsLive', () => {
  it('loads the queue and asks for this workspace’s goals and votes at once', async () => {
    const { socket, stores, answer } = setup();
    expect(socket.asked.map((a) => [a.event, a.request])).toEqual([
      ['goals.snapshot', { workspaceId: 'w1' }],
      ['votes.snapshot', { workspaceId: 'w1' }],
    ]);
    await answer();
    expect(Object.keys(stores.queue.getState().byId)).toEqual(['q1']);
    expect(stores.goals.getState().byId['g1']?.progress).toBe(5);
  });

  it('patches the queue from pushes of this workspace only, and marks the rewards list stale', async () => {
    const { socket, stores, answer, changed } = setup();
    await answer();
    socket.push('redeem.queue', {
      workspaceId: 'w1',
      redemptions: [redemption('q1', { status: 'fulfilled' })],
    });
    socket.push('redeem.queue', { workspaceId: 'w2', redemptions: [redemption('x')] });
    socket.push('goal.progress', { goal: goal('g1', 50, 2) });
    socket.push('goal.progress', { goal: goal('g9', 50, 2, 'w2') });
    expect(stores.queue.getState().byId['q1']?.status).toBe('fulfilled');
    expect(stores.queue.getState().byId['x']).toBeUndefined();
    expect(stores.goals.getState().byId['g1']?.progress).toBe(50);
    expect(stores.goals.getState().byId['g9']).toBeUndefined();
    expect(changed).toHaveLength(1);
  });

  it('reloads everything after a reconnect, and stops cleanly', async () => {
    const { socket, stores, live, answer, loads } = setup();
    await answer();
    socket.push('session.ready', { kind: 'organizer', workspaceIds: ['w1'], serverTime: '' });
    expect(socket.asked).toHaveLength(2);
    expect(loads()).toBe(2);
    await answer([goal('g1', 80, 3)]);
    expect(stores.goals.getState().byId['g1']?.progress).toBe(80);
    live.stop();
    expect(socket.listenerCount()).toBe(0);
  });
});
