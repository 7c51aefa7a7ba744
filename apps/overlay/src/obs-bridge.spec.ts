import type { ObsAction, ObsActionPayload } from '@podium/contracts';
import { createObsActionRunner, findObsStudio, type ObsStudioApi, readControlLevel } from './obs-bridge';

function push(id: string, action: ObsAction): ObsActionPayload {
  return {
    workspaceId: 'w-1',
    id,
    action,
    source: { kind: 'reward', id: 'r-1', name: 'hydrate' },
    firedAt: '2026-11-21T10:00:00.000Z',
  };
}

function fakeObs(level: number): ObsStudioApi & { scenes: string[]; replays: number } {
  const obs = {
    scenes: [] as string[],
    replays: 0,
    pluginVersion: '2.24.0',
    getControlLevel: (callback: (level: number) => void) => callback(level),
    setCurrentScene: (name: string) => {
      obs.scenes.push(name);
    },
    saveReplayBuffer: () => {
      obs.replays += 1;
    },
  };
  return obs;
}

describe('the OBS bridge', () => {
  it('switches the scene and saves the replay with advanced permission, once per push id', async () => {
    const obs = fakeObs(4);
    const runner = createObsActionRunner(obs);
    runner.setLevel(await readControlLevel(obs));

    expect(runner.run(push('redeem:1', { action: 'switch_scene', scene: 'Be right back' })).kind).toBe(
      'done',
    );
    expect(runner.run(push('redeem:1', { action: 'switch_scene', scene: 'Be right back' })).kind).toBe(
      'duplicate',
    );
    expect(runner.run(push('command:2', { action: 'save_replay' })).kind).toBe('done');
    expect(obs.scenes).toEqual(['Be right back']);
    expect(obs.replays).toBe(1);
  });

  it('refuses a scene switch below advanced but still saves the replay with basic', () => {
    const obs = fakeObs(3);
    const runner = createObsActionRunner(obs);
    runner.setLevel(3);
    expect(runner.run(push('a', { action: 'switch_scene', scene: 'Main' }))).toEqual({
      kind: 'permission_missing',
      action: { action: 'switch_scene', scene: 'Main' },
      needed: 4,
      level: 3,
    });
    expect(runner.run(push('b', { action: 'save_replay' })).kind).toBe('done');
    expect(obs.scenes).toEqual([]);
    expect(obs.replays).toBe(1);
  });

  it('reads a missing function as a missing permission when OBS does not tell its level', async () => {
    const runner = createObsActionRunner({ pluginVersion: '2.0.0' });
    expect(await readControlLevel({ pluginVersion: '2.0.0' })).toBeNull();
    expect(runner.run(push('a', { action: 'save_replay' })).kind).toBe('permission_missing');
  });

  it('says "not in OBS" in an ordinary browser', () => {
    expect(findObsStudio({})).toBeUndefined();
    expect(findObsStudio({ obsstudio: fakeObs(4) })).toBeDefined();
    const runner = createObsActionRunner(undefined);
    expect(runner.run(push('a', { action: 'save_replay' })).kind).toBe('not_in_obs');
  });

  it('gives up on a control level OBS never answers', async () => {
    jest.useFakeTimers();
    try {
      const level = readControlLevel({ getControlLevel: () => undefined }, 500);
      jest.advanceTimersByTime(500);
      await expect(level).resolves.toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
