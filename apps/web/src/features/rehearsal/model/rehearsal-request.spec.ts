import {
  buildBurstRequest,
  buildEventRequest,
  DEFAULT_AMOUNTS,
  toggleRole,
  type ViewerDraft,
} from './rehearsal-request';

const ADA: ViewerDraft = { displayName: '  Ada ', roles: ['subscriber'] };
const ID = '0b6c2d7e-4f1a-4c3b-9a57-2f6e8d1c0a11';

describe('buildEventRequest', () => {
  it('sends a message as the chosen viewer, trimmed', () => {
    expect(buildEventRequest('message', ADA, ' !hello ', DEFAULT_AMOUNTS, ID)).toEqual({
      request: {
        kind: 'message',
        eventId: ID,
        viewer: { displayName: 'Ada', roles: ['subscriber'] },
        text: '!hello',
      },
    });
  });

  it('adds only the amounts of the kind, as numbers', () => {
    const drafts = { ...DEFAULT_AMOUNTS, bits: ' 250 ', raidViewers: '40' };
    expect(buildEventRequest('cheer', ADA, '', drafts, ID)).toEqual({
      request: {
        kind: 'cheer',
        eventId: ID,
        viewer: { displayName: 'Ada', roles: ['subscriber'] },
        amounts: { bits: 250 },
      },
    });
    expect(buildEventRequest('raid', ADA, '', drafts, ID)).toMatchObject({
      request: { amounts: { raidViewers: 40 } },
    });
    expect(buildEventRequest('donation', ADA, '', drafts, ID)).toMatchObject({
      request: { amounts: { money: { amount: '5.00', currency: 'EUR' } } },
    });
    expect(buildEventRequest('follow', ADA, '', drafts, ID)).toEqual({
      request: { kind: 'follow', eventId: ID, viewer: { displayName: 'Ada', roles: ['subscriber'] } },
    });
  });

  it('sends stream toggles without a viewer', () => {
    expect(buildEventRequest('stream_online', ADA, 'ignored', DEFAULT_AMOUNTS, ID)).toEqual({
      request: { kind: 'stream_online', eventId: ID },
    });
  });

  it('names the field at fault instead of sending', () => {
    expect(buildEventRequest('message', ADA, '   ', DEFAULT_AMOUNTS, ID)).toMatchObject({ field: 'text' });
    expect(
      buildEventRequest('follow', { displayName: ' ', roles: [] }, '', DEFAULT_AMOUNTS, ID),
    ).toMatchObject({
      field: 'viewer.displayName',
    });
    expect(buildEventRequest('cheer', ADA, '', { ...DEFAULT_AMOUNTS, bits: 'lots' }, ID)).toMatchObject({
      field: 'amounts.bits',
    });
    expect(buildEventRequest('donation', ADA, '', { ...DEFAULT_AMOUNTS, amount: '5,00' }, ID)).toMatchObject({
      field: 'amounts.money.amount',
    });
  });
});

describe('buildBurstRequest', () => {
  it('builds a burst with numbers, spread defaulting to 0', () => {
    expect(buildBurstRequest(' !revolution ', '30', '')).toEqual({
      request: { text: '!revolution', viewers: 30, spreadSeconds: 0 },
    });
    expect(buildBurstRequest('!rev', '5', '10')).toEqual({
      request: { text: '!rev', viewers: 5, spreadSeconds: 10 },
    });
  });

  it('refuses more than 200 viewers, none, or no text', () => {
    expect(buildBurstRequest('!rev', '500', '')).toMatchObject({ field: 'viewers' });
    expect(buildBurstRequest('!rev', '0', '')).toMatchObject({ field: 'viewers' });
    expect(buildBurstRequest('', '10', '')).toMatchObject({ field: 'text' });
  });
});

describe('toggleRole', () => {
  it('adds a role once and removes it', () => {
    expect(toggleRole(['vip'], 'moderator', true)).toEqual(['vip', 'moderator']);
    expect(toggleRole(['vip', 'moderator'], 'moderator', true)).toEqual(['vip', 'moderator']);
    expect(toggleRole(['vip', 'moderator'], 'vip', false)).toEqual(['moderator']);
  });
});
