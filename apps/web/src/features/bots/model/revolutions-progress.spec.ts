import type { RevolutionProgressDto } from '@podium/contracts';
import { createRevolutionsProgressStore, revolutionState } from './revolutions-progress';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const progress = (overrides: Partial<RevolutionProgressDto> = {}): RevolutionProgressDto => ({
  revolutionId: 'r1',
  workspaceId: 'w1',
  name: 'Uprising',
  trigger: '!revolution',
  count: 7,
  threshold: 30,
  windowSeconds: 60,
  cooldownUntil: null,
  firedAt: null,
  showOnOverlay: true,
  at: '2026-11-21T12:00:00.000Z',
  ...overrides,
});

describe('revolutionState', () => {
  it('is the share of the threshold in whole percent, rounded down', () => {
    expect(revolutionState(progress({ count: 7 }), NOW)).toEqual({
      phase: 'counting',
      count: 7,
      threshold: 30,
      percent: 23,
    });
    expect(revolutionState(progress({ count: 29 }), NOW)).toMatchObject({ percent: 96 });
    expect(revolutionState(progress({ count: 30 }), NOW)).toMatchObject({ percent: 100 });
    expect(revolutionState(progress({ count: 0 }), NOW)).toMatchObject({ percent: 0 });
  });

  it('never shows more than the threshold', () => {
    expect(revolutionState(progress({ count: 45 }), NOW)).toMatchObject({ count: 30, percent: 100 });
  });

  it('shows the cooldown’s seconds left, rounded up, until exactly its end', () => {
    const cooling = progress({ count: 30, cooldownUntil: '2026-11-21T12:01:00.000Z' });
    expect(revolutionState(cooling, NOW)).toEqual({ phase: 'cooling', secondsLeft: 60 });
    expect(revolutionState(cooling, NOW + 59_001)).toEqual({ phase: 'cooling', secondsLeft: 1 });
    expect(revolutionState(cooling, NOW + 60_000)).toMatchObject({ phase: 'counting' });
  });
});

describe('the progress store', () => {
  it('takes a snapshot whole, dropping bots no longer in it', () => {
    const store = createRevolutionsProgressStore();
    store.getState().snapshot([progress({ revolutionId: 'r1' }), progress({ revolutionId: 'r2' })]);
    store.getState().snapshot([progress({ revolutionId: 'r2', count: 3 })]);
    expect(Object.keys(store.getState().byId)).toEqual(['r2']);
    expect(store.getState().byId['r2']?.count).toBe(3);
  });

  it('keeps the newest reading when pushes arrive out of order', () => {
    const store = createRevolutionsProgressStore();
    store.getState().push(progress({ count: 9, at: '2026-11-21T12:00:02.000Z' }));
    store.getState().push(progress({ count: 8, at: '2026-11-21T12:00:01.000Z' }));
    expect(store.getState().byId['r1']?.count).toBe(9);
    store.getState().push(progress({ count: 10, at: '2026-11-21T12:00:03.000Z' }));
    expect(store.getState().byId['r1']?.count).toBe(10);
  });
});
