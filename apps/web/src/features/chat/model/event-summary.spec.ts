import type { ChatEvent } from '@podium/contracts';
import { newEvent } from '../test/chat.factory';
import { formatMoney, isMarker, markerSummary, type MarkerKind, tierLabel } from './event-summary';

const marker = (overrides: Partial<ChatEvent> & { kind: MarkerKind }) =>
  markerSummary(newEvent(1, { text: undefined, ...overrides }) as ChatEvent & { kind: MarkerKind });

describe('markerSummary', () => {
  it('tells subscriptions, resubscriptions and gifts with their numbers and tier', () => {
    expect(marker({ kind: 'subscription', amounts: { tier: '1000' } })).toMatchObject({
      key: 'subscribed',
      name: 'Grace',
      tier: '1',
    });
    expect(marker({ kind: 'subscription', amounts: { tier: '2000', months: 14 } })).toMatchObject({
      key: 'resubscribed',
      count: 14,
      tier: '2',
    });
    expect(
      marker({ kind: 'gift', viewer: undefined, amounts: { giftCount: 5, tier: '1000' } }),
    ).toMatchObject({
      key: 'gift',
      name: null,
      count: 5,
    });
  });

  it('carries bits, raiders, money and points', () => {
    expect(marker({ kind: 'cheer', amounts: { bits: 500 } })).toMatchObject({ key: 'cheer', count: 500 });
    expect(marker({ kind: 'raid', amounts: { raidViewers: 42 } })).toMatchObject({ key: 'raid', count: 42 });
    expect(
      marker({ kind: 'donation', amounts: { money: { amount: '4.99', currency: 'EUR' } } }),
    ).toMatchObject({
      key: 'donation',
      money: { amount: '4.99', currency: 'EUR' },
    });
    expect(
      marker({ kind: 'redemption', amounts: { points: 250 }, detail: { rewardTitle: 'Hydrate!' } }),
    ).toMatchObject({ key: 'redemptionPoints', reward: 'Hydrate!', points: 250 });
    expect(marker({ kind: 'redemption', detail: {} })).toEqual({
      key: 'redemption',
      name: 'Grace',
      reward: undefined,
    });
  });

  it('tells channel events without a viewer', () => {
    expect(marker({ kind: 'stream_online', viewer: undefined })).toEqual({ key: 'streamOnline', name: null });
    expect(marker({ kind: 'stream_offline', viewer: undefined }).key).toBe('streamOffline');
    expect(marker({ kind: 'stream_updated', viewer: undefined, detail: { title: 'Day 2' } })).toMatchObject({
      key: 'streamUpdated',
      title: 'Day 2',
    });
    expect(marker({ kind: 'stream_updated', viewer: undefined }).key).toBe('streamUpdatedNoTitle');
    expect(marker({ kind: 'rename', detail: { previousName: 'grace_old' } })).toMatchObject({
      key: 'rename',
      previous: 'grace_old',
    });
  });

  it('tells messages apart from markers', () => {
    expect(isMarker(newEvent(1))).toBe(false);
    expect(isMarker(newEvent(1, { kind: 'follow' }))).toBe(true);
  });
});

describe('formatting', () => {
  it('names Twitch tiers by number and keeps other platforms’ names', () => {
    expect(tierLabel('3000')).toBe('3');
    expect(tierLabel('Gold member')).toBe('Gold member');
    expect(tierLabel(undefined)).toBeUndefined();
  });

  it('formats money in the reader’s language, and survives an unknown currency', () => {
    expect(formatMoney({ amount: '4.99', currency: 'USD' }, 'en')).toBe('$4.99');
    expect(formatMoney({ amount: '4.99', currency: 'EUR' }, 'fr').replace(/\s/g, ' ')).toBe('4,99 €');
    expect(formatMoney({ amount: '10', currency: 'not-a-code' }, 'en')).toBe('10 not-a-code');
  });
});
