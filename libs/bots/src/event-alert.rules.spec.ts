import type { ChatEvent } from '@podium/contracts';
import {
  defaultEventAlertConfig,
  eventAlertFires,
  eventAlertKindOf,
  eventAlertValues,
  renderEventAlertTemplate,
  sampleEventAlertValues,
} from './event-alert.rules';

type EventPart = Pick<ChatEvent, 'viewer' | 'amounts' | 'text' | 'detail'>;
const viewer = { platform: 'twitch' as const, platformUserId: '1', displayName: 'Ada', roles: [] };

describe('eventAlertKindOf', () => {
  it('maps the six alert kinds and nothing else', () => {
    expect(eventAlertKindOf({ kind: 'cheer' })).toBe('cheer');
    expect(eventAlertKindOf({ kind: 'donation' })).toBe('donation');
    expect(eventAlertKindOf({ kind: 'message' })).toBeNull();
    expect(eventAlertKindOf({ kind: 'redemption' })).toBeNull();
  });
});

describe('eventAlertFires', () => {
  const config = { ...defaultEventAlertConfig('cheer'), enabled: true, minAmount: 100 };

  it('fires at the minimum and above, not below', () => {
    expect(eventAlertFires(config, 'cheer', { amounts: { bits: 99 } })).toBe(false);
    expect(eventAlertFires(config, 'cheer', { amounts: { bits: 100 } })).toBe(true);
    expect(eventAlertFires(config, 'cheer', { amounts: { bits: 500 } })).toBe(true);
  });

  it('compares donations by their decimal amount and raids by viewers', () => {
    const min5 = { enabled: true, minAmount: 5 };
    expect(
      eventAlertFires(min5, 'donation', { amounts: { money: { amount: '4.99', currency: 'EUR' } } }),
    ).toBe(false);
    expect(
      eventAlertFires(min5, 'donation', { amounts: { money: { amount: '5.00', currency: 'EUR' } } }),
    ).toBe(true);
    expect(eventAlertFires(min5, 'raid', { amounts: { raidViewers: 4 } })).toBe(false);
    expect(eventAlertFires(min5, 'raid', { amounts: { raidViewers: 5 } })).toBe(true);
  });

  it('ignores the minimum for follows and subscriptions, and never fires when disabled', () => {
    expect(eventAlertFires({ enabled: true, minAmount: 1000 }, 'follow', {})).toBe(true);
    expect(eventAlertFires({ enabled: true, minAmount: 1000 }, 'subscription', {})).toBe(true);
    expect(eventAlertFires({ enabled: false, minAmount: 0 }, 'follow', {})).toBe(false);
  });
});

describe('eventAlertValues and renderEventAlertTemplate', () => {
  it('fills a cheer', () => {
    const event: EventPart = { viewer, amounts: { bits: 250 }, text: 'Cheer250 gg' };
    const text = renderEventAlertTemplate(
      '{user} cheered {amount} bits: {message}',
      eventAlertValues('cheer', event),
    );
    expect(text).toBe('Ada cheered 250 bits: Cheer250 gg');
  });

  it('fills a donation with its exact decimal amount and currency', () => {
    const values = eventAlertValues('donation', {
      viewer,
      amounts: { money: { amount: '4.50', currency: 'EUR' } },
    });
    expect(renderEventAlertTemplate('{user}: {amount} {currency}', values)).toBe('Ada: 4.50 EUR');
  });

  it('fills a subscription tier as people say it, with months', () => {
    const values = eventAlertValues('subscription', { viewer, amounts: { tier: '2000', months: 7 } });
    expect(renderEventAlertTemplate('tier {tier}, {months} months', values)).toBe('tier 2, 7 months');
  });

  it('fills gifts and raids', () => {
    expect(
      renderEventAlertTemplate('{count}', eventAlertValues('gift', { viewer, amounts: { giftCount: 5 } })),
    ).toBe('5');
    expect(
      renderEventAlertTemplate(
        '{viewers}',
        eventAlertValues('raid', { viewer, amounts: { raidViewers: 12 } }),
      ),
    ).toBe('12');
  });

  it('uses the detail name or "Someone" when there is no viewer (anonymous donation)', () => {
    expect(eventAlertValues('donation', { detail: { displayName: 'Kofi Fan' } }).user).toBe('Kofi Fan');
    expect(eventAlertValues('donation', {}).user).toBe('Someone');
  });

  it('never re-scans inserted values and leaves unknown placeholders as typed', () => {
    const values = eventAlertValues('cheer', {
      viewer: { ...viewer, displayName: '{amount}' },
      amounts: { bits: 1 },
    });
    expect(renderEventAlertTemplate('{user} gave {amount} {nope}', values)).toBe('{amount} gave 1 {nope}');
  });

  it('fills every placeholder with the test sample', () => {
    const text = renderEventAlertTemplate(
      defaultEventAlertConfig('donation').alertTemplate,
      sampleEventAlertValues('donation'),
    );
    expect(text).toBe('TestViewer donated 5.00 USD!');
  });
});
