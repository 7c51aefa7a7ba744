import type { Role } from '@podium/contracts';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from './workspace-access.service';
import type { WorkspaceMemberEntity } from './workspace-member.entity';
import type { WorkspacesRepository } from './workspaces.repository';

const HOME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ADA: Actor = { userId: 'u1', email: 'ada@example.org', displayName: 'Ada' };

describe('WorkspaceAccess', () => {
  let lookups: string[];
  let roles: Record<string, Role>;
  const repository = {
    findMembership: (workspaceId: string) => {
      lookups.push(workspaceId);
      const role = roles[workspaceId];
      return Promise.resolve(role ? ({ role } as WorkspaceMemberEntity) : null);
    },
  } as unknown as WorkspacesRepository;
  const access = new WorkspaceAccess(repository);

  beforeEach(() => {
    lookups = [];
    roles = { [HOME]: 'moderator', [OTHER]: 'owner' };
  });

  it('answers a member it looked up from that lookup, for the same workspace only', async () => {
    const member = await access.member(ADA, HOME, 'viewer');
    expect(member).toMatchObject({ ...ADA, workspaceId: HOME, role: 'moderator' });
    expect(lookups).toEqual([HOME]);

    await expect(access.require(member, HOME, 'moderator')).resolves.toBe('moderator');
    expect(lookups).toEqual([HOME]);
    await expect(access.require(member, OTHER, 'owner')).resolves.toBe('owner');
    expect(lookups).toEqual([HOME, OTHER]);
  });

  it('still refuses a role the member lacks', async () => {
    const member = await access.member(ADA, HOME, 'viewer');
    await expect(access.require(member, HOME, 'owner')).rejects.toMatchObject({
      code: 'workspace.forbidden',
    });
  });

  it('looks up a plain actor, and a look-alike member it did not make, every time', async () => {
    const forged = { ...ADA, workspaceId: HOME, role: 'owner' as Role };
    await expect(access.require(forged, HOME, 'owner')).rejects.toMatchObject({
      code: 'workspace.forbidden',
    });
    delete roles[HOME];
    await expect(access.require(ADA, HOME, 'viewer')).rejects.toMatchObject({ code: 'workspace.not_found' });
    expect(lookups).toEqual([HOME, HOME]);
  });
});
