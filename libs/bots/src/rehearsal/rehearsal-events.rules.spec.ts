import { RehearsalBurstRequestSchema, RehearsalEventRequestSchema } from '@podium/contracts';
import { rehearsalBurstInputs, rehearsalEventInput, rehearsalViewerIdentity } from './rehearsal-events.rules';

const NOW = new Date('2026-11-21T10:00:00.000Z');

describe('rehearsalViewerIdentity', () => {
  it('derives a stable id from the name, whatever its case and spacing', () => {
    const a = rehearsalViewerIdentity({ displayName: 'Pixel  Moth', roles: [] });
    const b = rehearsalViewerIdentity({ displayName: ' pixel moth ', roles: ['vip'] });
    expect(a.platformUserId).toBe('rehearsal:pixel moth');
    expect(b.platformUserId).toBe(a.platformUserId);
    expect(a).toMatchObject({ platform: 'rehearsal', login: 'pixel_moth', displayName: 'Pixel Moth' });
    expect(b.roles).toEqual(['vip']);
  });

  it('gives different names different ids', () => {
    expect(rehearsalViewerIdentity({ displayName: 'ada', roles: [] }).platformUserId).not.toBe(
      rehearsalViewerIdentity({ displayName: 'adam', roles: [] }).platformUserId,
    );
  });
});

describe('rehearsalEventInput', () => {
  const parse = (body: unknown) => RehearsalEventRequestSchema.parse(body);

  it('makes a message from a fake viewer with their roles', () => {
    const input = rehearsalEventInput(
      parse({
        kind: 'message',
        viewer: { displayName: 'Ada', roles: ['moderator', 'moderator'] },
        text: ' !hi ',
      }),
      'e1',
      NOW,
    );
    expect(input).toEqual({
      kind: 'message',
      externalId: 'rehearsal:e1',
      occurredAt: NOW.toISOString(),
      viewer: {
        platform: 'rehearsal',
        platformUserId: 'rehearsal:ada',
        login: 'ada',
        displayName: 'Ada',
        roles: ['moderator'],
      },
      text: '!hi',
    });
  });

  it('keeps only the amounts that fit the kind, with defaults', () => {
    const viewer = { displayName: 'Ada' };
    const amounts = { bits: 500, giftCount: 3, raidViewers: 42, money: { amount: '2.50', currency: 'usd' } };
    expect(rehearsalEventInput(parse({ kind: 'cheer', viewer, amounts }), 'e', NOW).amounts).toEqual({
      bits: 500,
    });
    expect(rehearsalEventInput(parse({ kind: 'raid', viewer, amounts }), 'e', NOW).amounts).toEqual({
      raidViewers: 42,
    });
    expect(rehearsalEventInput(parse({ kind: 'gift', viewer, amounts }), 'e', NOW).amounts).toEqual({
      giftCount: 3,
      tier: '1000',
    });
    expect(rehearsalEventInput(parse({ kind: 'donation', viewer, amounts }), 'e', NOW).amounts).toEqual({
      money: { amount: '2.50', currency: 'USD' },
    });
    expect(rehearsalEventInput(parse({ kind: 'follow', viewer, amounts }), 'e', NOW).amounts).toBeUndefined();
    expect(rehearsalEventInput(parse({ kind: 'cheer', viewer }), 'e', NOW).amounts).toEqual({ bits: 100 });
  });

  it('makes channel events without a viewer or text', () => {
    const input = rehearsalEventInput(
      parse({ kind: 'stream_online', viewer: { displayName: 'Ada' }, text: 'ignored' }),
      'e2',
      NOW,
    );
    expect(input).toEqual({
      kind: 'stream_online',
      externalId: 'rehearsal:e2',
      occurredAt: NOW.toISOString(),
    });
  });
});

describe('the request schemas', () => {
  it('refuses a viewer-less follow and a text-less message, naming the field', () => {
    const follow = RehearsalEventRequestSchema.safeParse({ kind: 'follow' });
    expect(follow.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['viewer']);
    const message = RehearsalEventRequestSchema.safeParse({ kind: 'message', viewer: { displayName: 'A' } });
    expect(message.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['text']);
  });

  it('refuses an unknown kind, an unknown role and a burst of more than 200 viewers', () => {
    expect(RehearsalEventRequestSchema.safeParse({ kind: 'hug' }).success).toBe(false);
    expect(
      RehearsalEventRequestSchema.safeParse({
        kind: 'follow',
        viewer: { displayName: 'A', roles: ['admin'] },
      }).success,
    ).toBe(false);
    expect(RehearsalBurstRequestSchema.safeParse({ text: '!rev', viewers: 201 }).success).toBe(false);
    expect(RehearsalBurstRequestSchema.safeParse({ text: '!rev', viewers: 200 }).success).toBe(true);
  });
});

describe('rehearsalBurstInputs', () => {
  it('speaks once per distinct fake viewer, numbered from 1', () => {
    const inputs = rehearsalBurstInputs(
      RehearsalBurstRequestSchema.parse({ text: '!rev', viewers: 30 }),
      'b',
      NOW,
    );
    expect(inputs).toHaveLength(30);
    expect(new Set(inputs.map((input) => input.viewer?.platformUserId)).size).toBe(30);
    expect(new Set(inputs.map((input) => input.externalId)).size).toBe(30);
    expect(inputs[0]?.viewer?.displayName).toBe('viewer1');
    expect(inputs[29]?.viewer?.displayName).toBe('viewer30');
    expect(inputs.every((input) => input.text === '!rev' && input.occurredAt === NOW.toISOString())).toBe(
      true,
    );
  });

  it('dates a spread burst evenly over the last seconds, the last one now', () => {
    const inputs = rehearsalBurstInputs(
      RehearsalBurstRequestSchema.parse({ text: '!rev', viewers: 3, spreadSeconds: 10, namePrefix: 'fan' }),
      'b',
      NOW,
    );
    expect(inputs.map((input) => input.occurredAt)).toEqual([
      '2026-11-21T09:59:50.000Z',
      '2026-11-21T09:59:55.000Z',
      NOW.toISOString(),
    ]);
    expect(inputs.map((input) => input.viewer?.displayName)).toEqual(['fan1', 'fan2', 'fan3']);
  });
});
