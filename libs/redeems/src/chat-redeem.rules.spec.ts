import type { RedeemResultDto, RedemptionDto } from '@podium/contracts';
import { parseRedeemArgs, parseRedeemRest, redeemReply, rewardsLine } from './chat-redeem.rules';

const redemption = { spent: 100 } as RedemptionDto;
const ctx = { user: 'ana', rewardName: 'hydrate', currency: 'gems', price: 100 };

describe('parseRedeemArgs', () => {
  it('splits the reward name from the rest', () => {
    expect(parseRedeemArgs('Hydrate  please drink')).toEqual({ rewardName: 'hydrate', rest: 'please drink' });
    expect(parseRedeemArgs('lurk')).toEqual({ rewardName: 'lurk', rest: '' });
    expect(parseRedeemArgs('   ')).toBeNull();
  });
});

describe('parseRedeemRest', () => {
  it('reads a note for list and note rewards', () => {
    expect(parseRedeemRest('note', 'play the song')).toEqual({ note: 'play the song' });
    expect(parseRedeemRest('list', '')).toEqual({});
  });
  it('reads a goal amount first, then a note', () => {
    expect(parseRedeemRest('goal', '250 go go')).toEqual({ amount: 250, note: 'go go' });
    expect(parseRedeemRest('goal', 'lots')).toEqual({ note: 'lots' });
  });
  it('reads a vote option then votes', () => {
    expect(parseRedeemRest('vote', 'Pizza 3')).toEqual({ optionId: 'pizza', amount: 3 });
    expect(parseRedeemRest('vote', 'pizza')).toEqual({ optionId: 'pizza' });
  });
});

describe('redeemReply', () => {
  it('says done and queued with what is left', () => {
    const done: RedeemResultDto = { outcome: 'done', redemption, balance: 20 };
    expect(redeemReply(done, ctx)).toBe('@ana redeemed hydrate for 100 gems (20 left).');
    const queued: RedeemResultDto = { outcome: 'queued', redemption, balance: 0 };
    expect(redeemReply(queued, ctx)).toContain('in the queue');
  });
  it('says why not', () => {
    const refused = (reason: 'insufficient' | 'cooldown' | 'inactive' | 'limit', extra = {}) =>
      redeemReply({ outcome: 'refused', reason, message: 'x', balance: 40, ...extra }, ctx);
    expect(refused('insufficient')).toBe('@ana not enough gems for hydrate: it costs 100, you have 40.');
    expect(refused('cooldown', { cooldownSeconds: 12 })).toBe('@ana hydrate is on cooldown: 12s left.');
    expect(refused('inactive')).toContain('not available');
    expect(refused('limit')).toContain('limit');
  });
});

describe('rewardsLine', () => {
  it('lists rewards with prices and cuts long lists', () => {
    expect(
      rewardsLine(
        [
          { name: 'hydrate', price: 60, type: 'list' },
          { name: 'mic', price: 0, type: 'goal' },
        ],
        '!',
        'gems',
      ),
    ).toBe('Rewards (gems): !hydrate 60, !mic <amount>');
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `reward${i}`, price: i, type: 'list' }));
    const line = rewardsLine(many, '!', 'gems', 100);
    expect(line.length).toBeLessThanOrEqual(103);
    expect(line.endsWith('…')).toBe(true);
    expect(rewardsLine([], '!', 'gems')).toContain('No rewards');
  });
});
