import { OVERLAY_KINDS } from '@podium/contracts';
import { OVERLAY_VIEW_KINDS, OVERLAY_VIEW_LOADERS } from './overlay-views';

describe('overlay views', () => {
  it('draw exactly the kinds the contracts declare, each loading a component', async () => {
    expect([...OVERLAY_VIEW_KINDS].sort()).toEqual([...OVERLAY_KINDS].sort());
    for (const kind of OVERLAY_KINDS) expect(typeof (await OVERLAY_VIEW_LOADERS[kind]())).toBe('function');
  });
});
