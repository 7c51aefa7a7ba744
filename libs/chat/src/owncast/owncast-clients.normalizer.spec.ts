import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOwncastClients } from './owncast-clients.normalizer';

const CLIENTS = join(__dirname, '../../../../apps/api/test/fixtures/owncast/integrations/clients.json');
const listed = (
  JSON.parse(readFileSync(CLIENTS, 'utf8')) as { response: { body: Record<string, unknown>[] } }
).response.body;

describe('normalizeOwncastClients', () => {
  it('lists each connected viewer with when they came and how much they said', () => {
    expect(normalizeOwncastClients(listed)).toEqual({
      ok: true,
      viewers: [
        {
          viewer: { platform: 'owncast', platformUserId: 'Kp3xQw7vR', displayName: 'PixelMoth', roles: [] },
          connectedAt: '2026-03-14T19:00:12.773Z',
          messageCount: 3,
          connections: 1,
        },
        {
          viewer: { platform: 'owncast', platformUserId: 'Zt8mLq2cS', displayName: 'QuietFern', roles: [] },
          connectedAt: '2026-03-14T19:01:02.338Z',
          messageCount: 0,
          connections: 1,
        },
      ],
    });
  });

  it('folds a viewer connected from two devices into one, and leaves bots out', () => {
    const [moth, fern] = listed;
    const secondTab = { ...moth, messageCount: 2, connectedAt: '2026-03-14T18:55:00Z' };
    const bot = { ...fern, user: { ...(fern!['user'] as object), id: 'B0t', isBot: true } };
    const result = normalizeOwncastClients([moth, bot, secondTab]);
    expect(result).toEqual({
      ok: true,
      viewers: [
        expect.objectContaining({ connectedAt: '2026-03-14T18:55:00.000Z', messageCount: 5, connections: 2 }),
      ],
    });
  });

  it('says what is wrong with a body that is not a client list', () => {
    expect(normalizeOwncastClients({ clients: [] })).toMatchObject({ ok: false });
    expect(normalizeOwncastClients([{ user: { displayName: 'no id' } }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('clients.0.user.id'),
    });
  });
});
