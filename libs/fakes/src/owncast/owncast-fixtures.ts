/**
 * What the fake Owncast answers, copied from /work/shared/fixtures/owncast/integrations (sources in
 * apps/api/test/fixtures/SOURCES.md, "Owncast"): the connected-clients list of a small chat, and
 * the bodies of Owncast's integration handlers.
 */

/** GET /api/integrations/clients: one entry per chat connection (core/chat/chatclient.go `Client`). */
export const OWNCAST_CLIENTS_FIXTURE = [
  {
    user: {
      id: 'Kp3xQw7vR',
      displayName: 'PixelMoth',
      displayColor: 4,
      createdAt: '2026-02-01T20:14:09.512408113Z',
      previousNames: ['gentle-otter', 'PixelMoth'],
      nameChangedAt: '2026-02-01T20:15:30.004120551Z',
      isBot: false,
      authenticated: false,
    },
    geo: { countryCode: 'DE', regionName: 'Hamburg', timeZone: 'Europe/Berlin' },
    messageCount: 3,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
    connectedAt: '2026-03-14T19:00:12.773460198Z',
  },
  {
    user: {
      id: 'Zt8mLq2cS',
      displayName: 'QuietFern',
      displayColor: 11,
      createdAt: '2026-03-14T19:01:02.338101775Z',
      previousNames: ['QuietFern'],
      nameChangedAt: '0001-01-01T00:00:00Z',
      isBot: false,
      authenticated: false,
    },
    geo: null,
    messageCount: 0,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
    connectedAt: '2026-03-14T19:01:02.338101775Z',
  },
];

/** `webutils.WriteSimpleResponse(w, true, "sent")`: the answer of chat/send, chat/system, chat/action. */
export const OWNCAST_SENT_RESPONSE = { success: true, message: 'sent' };

/** middleware/auth.go `accessDenied`: 401 with this plain-text body, for a bad token or a missing scope. */
export const OWNCAST_UNAUTHORIZED_BODY = 'unauthorized';
