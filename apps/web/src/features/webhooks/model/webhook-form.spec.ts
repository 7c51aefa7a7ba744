import { emptyWebhookForm, suggestedKind, toCreateRequest, toggleEventType } from './webhook-form';

describe('webhook form', () => {
  it('builds the request with trimmed text and event types in the catalogue order', () => {
    let values = { ...emptyWebhookForm(), url: '  https://example.com/hook ', description: ' Deck ' };
    values = toggleEventType(values, 'viewer.followed', true);
    values = toggleEventType(values, 'redeem.created', false);
    expect(toCreateRequest(values)).toEqual({
      url: 'https://example.com/hook',
      kind: 'json',
      description: 'Deck',
      eventTypes: ['goal.reached', 'viewer.followed'],
    });
  });

  it('does not mutate the previous selection', () => {
    const before = emptyWebhookForm();
    toggleEventType(before, 'meeting.ended', true);
    expect(before.eventTypes.has('meeting.ended')).toBe(false);
  });

  it('recognises Discord webhook URLs', () => {
    expect(suggestedKind('https://discord.com/api/webhooks/1/abc')).toBe('discord');
    expect(suggestedKind('https://ptb.discordapp.com/api/webhooks/1/abc')).toBe('discord');
    expect(suggestedKind('https://example.com/api/webhooks/1')).toBeNull();
  });
});
