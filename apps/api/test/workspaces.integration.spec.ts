import type { ApiErrorDto, CreatedInviteDto, MeDto, MemberDto, WorkspaceDto } from '@podium/contracts';
import { newMember } from './support/factories';
import { HttpClient } from './support/http-client';
import { useTestSuite } from './support/test-suite';

describe('workspaces, roles and invites (PostgreSQL)', () => {
  const suite = useTestSuite();

  it('lets an owner invite a viewer who can read but not change the workspace', async () => {
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    expect(viewer.me.memberships).toEqual([
      expect.objectContaining({ workspaceId: suite.owner.workspaceId, role: 'viewer' }),
    ]);

    expect((await viewer.client.get<WorkspaceDto>(`/api/workspaces/${suite.owner.workspaceId}`)).status).toBe(
      200,
    );
    const rename = await viewer.client.patch<ApiErrorDto>(`/api/workspaces/${suite.owner.workspaceId}`, {
      name: 'Mine now',
    });
    expect(rename.status).toBe(403);
    expect(rename.body.code).toBe('workspace.forbidden');
    const invite = await viewer.client.post<ApiErrorDto>(
      `/api/workspaces/${suite.owner.workspaceId}/invites`,
      {
        role: 'viewer',
      },
    );
    expect(invite.status).toBe(403);
    const [workspace] = await suite.db.query<{ name: string }>('select name from workspaces where id = $1', [
      suite.owner.workspaceId,
    ]);
    expect(workspace!.name).toBe(suite.owner.request.workspaceName);

    const renamed = await suite.owner.client.patch<WorkspaceDto>(
      `/api/workspaces/${suite.owner.workspaceId}`,
      {
        name: 'Friday show',
      },
    );
    expect(renamed.body.name).toBe('Friday show');
  });

  it('hides a workspace from non-members (404) and from anonymous callers (401)', async () => {
    const stranger = new HttpClient(suite.app.baseUrl);
    const other = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
    const created = await other.client.post<WorkspaceDto>('/api/workspaces', { name: 'Side project' });
    expect(created.status).toBe(201);
    expect((await suite.owner.client.get<ApiErrorDto>(`/api/workspaces/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await stranger.get<ApiErrorDto>(`/api/workspaces/${created.body.id}/members`)).status).toBe(401);
  });

  it('uses an invite once, even when two people race for it', async () => {
    const invite = await suite.owner.client.post<CreatedInviteDto>(
      `/api/workspaces/${suite.owner.workspaceId}/invites`,
      {
        role: 'moderator',
      },
    );
    expect(invite.body.path).toBe(`/invite/${invite.body.token}`);
    expect((await new HttpClient(suite.app.baseUrl).get(`/api/invites/${invite.body.token}`)).status).toBe(
      200,
    );

    const results = await Promise.all(
      ['race-a', 'race-b'].map((name) =>
        new HttpClient(suite.app.baseUrl).post<MeDto | ApiErrorDto>(
          `/api/invites/${invite.body.token}/accept`,
          {
            email: `${name}@example.org`,
            password: 'racing passphrase!',
            displayName: name,
          },
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    // The loser's account was rolled back with its failed acceptance.
    const accounts = await suite.db.query(`select email from users where email like 'race-%'`);
    expect(accounts).toHaveLength(1);
    expect((await new HttpClient(suite.app.baseUrl).get(`/api/invites/${invite.body.token}`)).status).toBe(
      404,
    );
    const [stored] = await suite.db.query<{ token_hash: string }>(
      'select token_hash from invites where id = $1',
      [invite.body.id],
    );
    expect(stored!.token_hash).not.toBe(invite.body.token);
  });

  it('keeps at least one owner and lets owners change roles', async () => {
    const members = await suite.owner.client.get<MemberDto[]>(
      `/api/workspaces/${suite.owner.workspaceId}/members`,
    );
    const self = members.body.find((m) => m.userId === suite.owner.me.user.id)!;
    const demote = await suite.owner.client.patch<ApiErrorDto>(
      `/api/workspaces/${suite.owner.workspaceId}/members/${self.userId}`,
      { role: 'viewer' },
    );
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('workspace.last_owner');
    const leave = await suite.owner.client.delete<ApiErrorDto>(
      `/api/workspaces/${suite.owner.workspaceId}/members/${self.userId}`,
    );
    expect(leave.status).toBe(409);

    const moderator = members.body.find((m) => m.role === 'moderator')!;
    const promoted = await suite.owner.client.patch<MemberDto>(
      `/api/workspaces/${suite.owner.workspaceId}/members/${moderator.userId}`,
      { role: 'owner' },
    );
    expect(promoted.body.role).toBe('owner');
    const badRole = await suite.owner.client.patch<ApiErrorDto>(
      `/api/workspaces/${suite.owner.workspaceId}/members/${moderator.userId}`,
      { role: 'emperor' },
    );
    expect(badRole.status).toBe(400);
    expect(badRole.body.field).toBe('role');
  });

  it('issues overlay tokens to moderators, stored hashed and revocable', async () => {
    const created = await suite.owner.client.post<{ id: string; token: string }>(
      `/api/workspaces/${suite.owner.workspaceId}/overlay-tokens`,
      { label: 'OBS main' },
    );
    expect(created.status).toBe(201);
    const [row] = await suite.db.query<{ token_hash: string }>(
      'select token_hash from overlay_tokens where id = $1',
      [created.body.id],
    );
    expect(row!.token_hash).not.toBe(created.body.token);
    expect(
      (
        await suite.owner.client.delete(
          `/api/workspaces/${suite.owner.workspaceId}/overlay-tokens/${created.body.id}`,
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await suite.owner.client.delete(
          `/api/workspaces/${suite.owner.workspaceId}/overlay-tokens/${created.body.id}`,
        )
      ).status,
    ).toBe(404);
    const list = await suite.owner.client.get<unknown[]>(
      `/api/workspaces/${suite.owner.workspaceId}/overlay-tokens`,
    );
    expect(list.body).toEqual([]);
  });
});
