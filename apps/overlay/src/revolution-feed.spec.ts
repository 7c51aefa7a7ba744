import type { RevolutionProgressDto } from '@podium/contracts';
import {
  barShare,
  initialRevolutionFeed,
  isResting,
  needsRefresh,
  reduceRevolutionFeed,
} from './revolution-feed';

const bar = (overrides: Partial<RevolutionProgressDto> = {}): RevolutionProgressDto => ({
  revolutionId: 'r1',
  workspaceId: 'w1',
  name: 'Revolution',
  trigger: '!revolution',
  count: 3,
  threshold: 30,
  windowSeconds: 60,
  cooldownUntil: null,
  firedAt: null,
  showOnOverlay: true,
  at: '2026-11-21T10:00:00.000Z',
  ...overrides,
});

describe('revolution feed', () => {
  it('keeps only the bars shown on the overlay from a snapshot', () => {
    const state = reduceRevolutionFeed(initialRevolutionFeed, {
      type: 'snapshot',
      snapshot: {
        revolutions: [bar(), bar({ revolutionId: 'r2', showOnOverlay: false })],
        serverTime: '2026-11-21T10:00:00.000Z',
      },
    });
    expect(state.bars.map((b) => b.revolutionId)).toEqual(['r1']);
  });

  it('updates a bar from a newer push and ignores an older one', () => {
    let state = reduceRevolutionFeed(initialRevolutionFeed, { type: 'progress', progress: bar() });
    state = reduceRevolutionFeed(state, {
      type: 'progress',
      progress: bar({ count: 5, at: '2026-11-21T10:00:01.000Z' }),
    });
    expect(state.bars[0]?.count).toBe(5);
    const stale = reduceRevolutionFeed(state, { type: 'progress', progress: bar({ count: 4 }) });
    expect(stale).toBe(state);
  });

  it('drops a bar whose bot is no longer shown', () => {
    const state = reduceRevolutionFeed(
      { bars: [bar()] },
      { type: 'progress', progress: bar({ showOnOverlay: false }) },
    );
    expect(state.bars).toEqual([]);
  });

  it('fills the bar as a share of the threshold, capped, and knows when it rests', () => {
    expect(barShare(bar({ count: 15 }))).toBe(0.5);
    expect(barShare(bar({ count: 45 }))).toBe(1);
    const resting = bar({ cooldownUntil: '2026-11-21T10:01:00.000Z' });
    expect(isResting(resting, Date.parse('2026-11-21T10:00:59.999Z'))).toBe(true);
    expect(isResting(resting, Date.parse('2026-11-21T10:01:00.000Z'))).toBe(false);
  });

  it('refreshes only while some bar is partly full', () => {
    expect(needsRefresh({ bars: [bar({ count: 0 })] })).toBe(false);
    expect(needsRefresh({ bars: [bar({ count: 0 }), bar({ revolutionId: 'r2', count: 1 })] })).toBe(true);
  });
});
