import { redactRequestUrl } from './log-redaction';

describe('redactRequestUrl', () => {
  it('masks webhook keys and keeps the rest of the path', () => {
    expect(redactRequestUrl('/api/integrations/kofi/k3y-s3cret')).toBe('/api/integrations/kofi/[redacted]');
    expect(redactRequestUrl('/api/integrations/owncast/abc123/extra')).toBe(
      '/api/integrations/owncast/[redacted]/extra',
    );
  });

  it('masks invitation tokens, which are the only proof an invitee has', () => {
    expect(redactRequestUrl('/api/invites/wv1sK_LCwVat/accept')).toBe('/api/invites/[redacted]/accept');
    expect(redactRequestUrl('/api/invites/wv1sK_LCwVat')).toBe('/api/invites/[redacted]');
  });

  it('drops query strings, where OAuth callbacks carry their code', () => {
    expect(redactRequestUrl('/api/integrations/twitch/oauth/callback?code=c0de&state=st4te')).toBe(
      '/api/integrations/twitch/oauth/callback?[redacted]',
    );
  });

  it('leaves ordinary paths alone', () => {
    expect(redactRequestUrl('/api/workspaces/w1/chat/events')).toBe('/api/workspaces/w1/chat/events');
    expect(redactRequestUrl(undefined)).toBeUndefined();
  });
});
