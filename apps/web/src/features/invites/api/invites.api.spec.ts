import type { MeDto } from '@podium/contracts';
import { inviteUrl, joinedMembership } from './invites.api';

const user = { id: 'u1', email: 'ada@example.org', displayName: 'Ada' };

describe('inviteUrl', () => {
  it('joins the origin and the path the server returned', () => {
    expect(inviteUrl('https://podium.example', '/invite/abc')).toBe('https://podium.example/invite/abc');
  });
});

describe('joinedMembership', () => {
  it('finds the workspace the accept added', () => {
    const before: MeDto = {
      user,
      memberships: [{ workspaceId: 'w1', workspaceName: 'Home', role: 'owner' }],
    };
    const after: MeDto = {
      user,
      memberships: [
        ...before.memberships,
        { workspaceId: 'w2', workspaceName: 'Guest show', role: 'moderator' },
      ],
    };
    expect(joinedMembership(before, after, 'Guest show')?.workspaceId).toBe('w2');
  });

  it('finds it by name for a brand-new account', () => {
    const after: MeDto = {
      user,
      memberships: [{ workspaceId: 'w2', workspaceName: 'Guest show', role: 'viewer' }],
    };
    expect(joinedMembership(null, after, 'Guest show')?.workspaceId).toBe('w2');
  });
});
