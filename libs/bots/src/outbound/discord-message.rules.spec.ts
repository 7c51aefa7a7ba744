import type { ChatEvent, RedemptionDto, WebhookEventEnvelope } from '@podium/contracts';
import { escapeDiscord, toDiscordMessage } from './discord-message.rules';

const createdAt = '2026-11-21T10:00:00.000Z';

describe('Discord messages', () => {
  it('formats a redeem as content plus one embed with fields and the event time', () => {
    const redemption = {
      id: 'r',
      reward: { id: 'w', name: 'Hydrate', type: 'basic' },
      viewer: { displayName: 'Ana' },
      spent: 50,
      note: 'now please',
    } as unknown as RedemptionDto;
    const envelope: WebhookEventEnvelope<'redeem.created'> = {
      id: 'evt_1',
      type: 'redeem.created',
      createdAt,
      workspaceId: 'ws',
      data: { redemption },
    };
    const message = toDiscordMessage(envelope);
    expect(message.content).toBe('Ana redeemed Hydrate');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toEqual([
      {
        title: 'New redeem',
        description: 'now please',
        color: 0x9146ff,
        timestamp: createdAt,
        fields: [
          { name: 'Reward', value: 'Hydrate', inline: true },
          { name: 'Viewer', value: 'Ana', inline: true },
          { name: 'Points', value: '50', inline: true },
        ],
      },
    ]);
  });

  it('never lets chat text ping everyone or inject markdown', () => {
    const event = {
      platform: 'twitch',
      viewer: { displayName: '@everyone' },
      text: '**hi** <@123>',
      amounts: { money: { amount: '5.00', currency: 'EUR' } },
    } as unknown as ChatEvent;
    const message = toDiscordMessage({
      id: 'e',
      type: 'viewer.donated',
      createdAt,
      workspaceId: 'ws',
      data: { event },
    });
    expect(message.content).not.toContain('@everyone');
    expect(message.embeds[0]?.description).toBe('\\*\\*hi\\*\\* <\u200b@123\\>');
    expect(message.embeds[0]?.fields).toContainEqual({ name: 'Amount', value: '5.00 EUR', inline: true });
    expect(escapeDiscord('a_b')).toBe('a\\_b');
  });

  it('clips content to Discord limits', () => {
    const message = toDiscordMessage({
      id: 'e',
      type: 'webhook.test',
      createdAt,
      workspaceId: 'ws',
      data: { message: 'x'.repeat(3000) },
    });
    expect(message.content.length).toBe(2000);
    expect(message.embeds[0]?.title).toBe('Podium test');
  });
});
