import type { CategoryDto, RewardDto } from '@podium/contracts';
import { groupCatalogue } from './panel-catalogue';

let next = 0;
function reward(overrides: Partial<RewardDto>): RewardDto {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    workspaceId: 'w',
    name: `reward${next}`,
    type: 'list',
    price: 100,
    description: '',
    categories: [],
    enabled: true,
    active: true,
    globalCooldownSeconds: 0,
    viewerCooldownSeconds: 0,
    maxPerStream: null,
    maxPerViewer: null,
    requiresNote: false,
    autoFulfil: false,
    eligibility: 'everyone',
    count: 0,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

const category = (name: string, active: boolean): CategoryDto => ({ id: name, name, active, rewardCount: 0 });

describe('groupCatalogue', () => {
  it('lists only active rewards, uncategorized first, then each active category by name', () => {
    const always = reward({ name: 'hydrate' });
    const game = reward({ name: 'pick-game', categories: ['Games'] });
    const both = reward({ name: 'song', categories: ['Music', 'Games'], price: 50 });
    const inactive = reward({ name: 'off', categories: ['Late night'], active: false });
    const disabled = reward({ name: 'disabled', enabled: false, active: false });
    const groups = groupCatalogue(
      [game, always, both, inactive, disabled],
      [category('Games', true), category('Music', true), category('Late night', false)],
      new Map(),
    );
    expect(groups.map((group) => [group.name, group.rewards.map((r) => r.name)])).toEqual([
      [null, ['hydrate']],
      ['Games', ['song', 'pick-game']],
      ['Music', ['song']],
    ]);
  });

  it('shows a reward of an active and an inactive category only under the active one', () => {
    const mixed = reward({ name: 'mixed', categories: ['On', 'Off'] });
    const groups = groupCatalogue([mixed], [category('On', true), category('Off', false)], new Map());
    expect(groups).toEqual([{ name: 'On', rewards: [expect.objectContaining({ name: 'mixed' })] }]);
  });

  it('carries why the viewer cannot redeem, and never the organizer-only fields', () => {
    const pricey = reward({ name: 'pricey', price: 1000 });
    const [group] = groupCatalogue(
      [pricey],
      [],
      new Map([[pricey.id, { unavailable: 'insufficient' as const }]]),
    );
    const [entry] = group!.rewards;
    expect(entry).toMatchObject({ name: 'pricey', unavailable: 'insufficient' });
    expect(entry).not.toHaveProperty('count');
    expect(entry).not.toHaveProperty('special');
    expect(entry).not.toHaveProperty('maxPerStream');
  });
});
