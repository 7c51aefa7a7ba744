import { OVERLAY_KINDS } from '@podium/contracts';
import { OVERLAY_VIEW_KINDS, OVERLAY_VIEWS } from './overlay-views';

describe('overlay views', () => {
  it('draw exactly the kinds the contracts declare', () => {
    expect([...OVERLAY_VIEW_KINDS].sort()).toEqual([...OVERLAY_KINDS].sort());
    for (const kind of OVERLAY_KINDS) expect(typeof OVERLAY_VIEWS[kind]).toBe('function');
  });
});
