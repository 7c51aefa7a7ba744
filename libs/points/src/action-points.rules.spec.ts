import { type ActionPointsSettingsDto, DEFAULT_ACTION_POINTS_SETTINGS } from '@podium/contracts';
import {
  ACTION_CREDIT_MAX,
  actionCredit,
  actionNote,
  meetingPointsCredit,
  moneyPoints,
  subscriptionTier,
} from './action-points.rules';

const settings: ActionPointsSettingsDto = {
  ...DEFAULT_ACTION_POINTS_SETTINGS,
  follow: 50,
  subscriptionTier1: 100,
  subscriptionTier2: 200,
  subscriptionTier3: 500,
  perGiftedSub: 30,
  per100Bits: 10,
  perRaidViewer: 2,
  perMoneyUnit: 100,
};

describe('actionCredit', () => {
  it('pays a follow its setting, with reason follow', () => {
    expect(actionCredit(settings, { kind: 'follow', platform: 'twitch' })).toEqual({
      reason: 'follow',
      amount: 50,
    });
  });

  it('pays subscriptions by Twitch tier; YouTube levels at tier 1; Owncast nothing', () => {
    const sub = (platform: 'twitch' | 'youtube' | 'owncast', tier?: string) =>
      actionCredit(settings, { kind: 'subscription', platform, amounts: tier ? { tier } : {} })?.amount ??
      null;
    expect(sub('twitch', '1000')).toBe(100);
    expect(sub('twitch', '2000')).toBe(200);
    expect(sub('twitch', '3000')).toBe(500);
    expect(sub('twitch')).toBe(100);
    expect(sub('youtube', 'Gold Patron')).toBe(100);
    expect(sub('youtube', '3000')).toBe(100);
    expect(sub('owncast', '1000')).toBeNull();
  });

  it('pays per gifted sub, defaulting to one gift', () => {
    expect(actionCredit(settings, { kind: 'gift', platform: 'twitch', amounts: { giftCount: 5 } })).toEqual({
      reason: 'gift',
      amount: 150,
    });
    expect(actionCredit(settings, { kind: 'gift', platform: 'twitch' })?.amount).toBe(30);
  });

  it('pays bits pro rata per 100, rounded down', () => {
    const cheer = (bits: number) =>
      actionCredit(settings, { kind: 'cheer', platform: 'twitch', amounts: { bits } });
    expect(cheer(250)).toEqual({ reason: 'cheer', amount: 25 });
    expect(cheer(99)?.amount).toBe(9);
    expect(cheer(9)).toBeNull();
  });

  it('pays a raid per raider viewer; an empty raid pays nothing', () => {
    expect(
      actionCredit(settings, { kind: 'raid', platform: 'twitch', amounts: { raidViewers: 30 } }),
    ).toEqual({
      reason: 'raid',
      amount: 60,
    });
    expect(
      actionCredit(settings, { kind: 'raid', platform: 'twitch', amounts: { raidViewers: 0 } }),
    ).toBeNull();
  });

  it('pays a donation per currency unit, pro rata, whatever the currency', () => {
    const donation = (amount: string, currency = 'USD') =>
      actionCredit(settings, {
        kind: 'donation',
        platform: 'youtube',
        amounts: { money: { amount, currency } },
      });
    expect(donation('5.00')).toEqual({ reason: 'donation', amount: 500 });
    expect(donation('4.99', 'JPY')?.amount).toBe(499);
    expect(actionCredit(settings, { kind: 'donation', platform: 'youtube' })).toBeNull();
  });

  it('pays nothing when the setting is 0, and never more than the cap', () => {
    expect(actionCredit({ ...settings, follow: 0 }, { kind: 'follow', platform: 'twitch' })).toBeNull();
    const huge = actionCredit(
      { ...settings, perRaidViewer: 1_000_000 },
      { kind: 'raid', platform: 'twitch', amounts: { raidViewers: 1_000_000 } },
    );
    expect(huge?.amount).toBe(ACTION_CREDIT_MAX);
  });
});

describe('subscriptionTier', () => {
  it('knows no tiers on in-room chat', () => {
    expect(subscriptionTier('inroom', '1000')).toBeNull();
    expect(subscriptionTier('rehearsal', ' 2000 ')).toBe(2);
  });
});

describe('moneyPoints', () => {
  it('is exact where floats are not', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(moneyPoints('0.29', 100)).toBe(29);
    expect(moneyPoints('1.1', 3)).toBe(3);
    expect(moneyPoints('10', 1)).toBe(10);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['-5', '1e3', 'abc', '', '1.', '.5']) expect(moneyPoints(bad, 100)).toBe(0);
    expect(moneyPoints('5', 0)).toBe(0);
  });
});

describe('meetingPointsCredit', () => {
  it('converts at the rate, rounded down, fractional rates included', () => {
    expect(meetingPointsCredit(7, 10)).toBe(70);
    expect(meetingPointsCredit(3, 0.1)).toBe(0);
    expect(meetingPointsCredit(30, 0.1)).toBe(3);
    expect(meetingPointsCredit(5, 1.5)).toBe(7);
  });

  it('is 0 when off or nothing was earned', () => {
    expect(meetingPointsCredit(7, 0)).toBe(0);
    expect(meetingPointsCredit(0, 10)).toBe(0);
  });
});

describe('actionNote', () => {
  it('says what was counted', () => {
    expect(actionNote({ kind: 'cheer', platform: 'twitch', amounts: { bits: 250 } })).toBe('250 bits');
    expect(actionNote({ kind: 'gift', platform: 'twitch', amounts: { giftCount: 5 } })).toBe('5 gifted subs');
    expect(actionNote({ kind: 'subscription', platform: 'twitch', amounts: { tier: '2000' } })).toBe(
      'subscription, tier 2',
    );
    expect(actionNote({ kind: 'raid', platform: 'twitch', amounts: { raidViewers: 30 } })).toBe('raid of 30');
    expect(
      actionNote({
        kind: 'donation',
        platform: 'youtube',
        amounts: { money: { amount: '5.00', currency: 'EUR' } },
      }),
    ).toBe('donation of 5.00 EUR');
  });
});
