import { signPanelLink, verifyPanelLink } from './panel-link-token';

const secret = 'a-session-secret-of-at-least-32-characters';
const claims = {
  workspaceId: '0b6f3c0e-2f55-4c1e-9a43-1d2b3c4d5e6f',
  viewerId: 'f1e2d3c4-b5a6-4798-8a9b-0c1d2e3f4a5b',
  expiresAt: 1_900_000_000,
};

describe('panel link token', () => {
  it('round-trips the workspace, viewer and expiry it was signed with', () => {
    const token = signPanelLink(secret, claims);
    expect(token).toHaveLength(108);
    expect(verifyPanelLink(secret, token)).toEqual(claims);
  });

  it('is different every time (a fresh nonce), so two links are two tokens', () => {
    expect(signPanelLink(secret, claims)).not.toBe(signPanelLink(secret, claims));
  });

  it('refuses a token signed with another secret', () => {
    const token = signPanelLink('another-secret-of-at-least-32-characters!!', claims);
    expect(verifyPanelLink(secret, token)).toBeNull();
  });

  it('refuses a token whose body was altered (another viewer) under the same signature', () => {
    const token = signPanelLink(secret, claims);
    const [body = '', signature = ''] = token.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    expect(verifyPanelLink(secret, `${bytes.toString('base64url')}.${signature}`)).toBeNull();
  });

  it('refuses malformed input', () => {
    expect(verifyPanelLink(secret, '')).toBeNull();
    expect(verifyPanelLink(secret, 'abc.def')).toBeNull();
    const token = signPanelLink(secret, claims);
    expect(verifyPanelLink(secret, `${token}x`)).toBeNull();
    expect(verifyPanelLink(secret, token.replace('.', ''))).toBeNull();
  });
});
