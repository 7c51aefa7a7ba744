import type { CreatedOverlayTokenDto } from '@podium/contracts';
import { newMember } from './support/factories';
import { connectSocket, nextEvent } from './support/sockets';
import { useTestSuite } from './support/test-suite';

describe('socket gateway (PostgreSQL)', () => {
  const suite = useTestSuite();

  it('refuses a handshake without a session or with a forged overlay token', async () => {
    await expect(connectSocket(suite.app.baseUrl)).rejects.toThrow('unauthenticated');
    await expect(connectSocket(suite.app.baseUrl, { cookie: 'podium_session=forged' })).rejects.toThrow(
      'unauthenticated',
    );
    await expect(connectSocket(suite.app.baseUrl, { overlayToken: 'x'.repeat(43) })).rejects.toThrow(
      'unauthenticated',
    );
  });

  it('joins organizers to their workspaces and pushes typed events', async () => {
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    const { socket, ready } = await connectSocket(suite.app.baseUrl, { cookie: viewer.client.cookie });
    suite.sockets.push(socket);
    expect(ready).toMatchObject({ kind: 'organizer', workspaceIds: [suite.owner.workspaceId] });

    const renamed = nextEvent(socket, 'workspace.renamed');
    await suite.owner.client.patch(`/api/workspaces/${suite.owner.workspaceId}`, { name: 'Live now' });
    expect((await renamed).workspace).toMatchObject({ id: suite.owner.workspaceId, name: 'Live now' });

    const changed = nextEvent(socket, 'member.changed');
    await suite.owner.client.patch(
      `/api/workspaces/${suite.owner.workspaceId}/members/${viewer.me.user.id}`,
      {
        role: 'moderator',
      },
    );
    expect(await changed).toEqual({
      workspaceId: suite.owner.workspaceId,
      userId: viewer.me.user.id,
      role: 'moderator',
    });
  });

  it('joins an open socket to a workspace created after it connected', async () => {
    const { socket } = await connectSocket(suite.app.baseUrl, { cookie: suite.owner.client.cookie });
    suite.sockets.push(socket);
    const created = await suite.owner.client.post<{ id: string }>('/api/workspaces', { name: 'Later' });
    const renamed = nextEvent(socket, 'workspace.renamed');
    await suite.owner.client.patch(`/api/workspaces/${created.body.id}`, { name: 'Later, renamed' });
    expect((await renamed).workspace).toMatchObject({ id: created.body.id, name: 'Later, renamed' });
  });

  it('lets an overlay in with its token and drops it when the token is revoked', async () => {
    const { client, workspaceId } = suite.owner;
    const token = await client.post<CreatedOverlayTokenDto>(`/api/workspaces/${workspaceId}/overlay-tokens`, {
      label: 'OBS',
    });
    const { socket, ready } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(socket);
    expect(ready).toMatchObject({ kind: 'overlay', workspaceIds: [workspaceId] });

    const revoked = nextEvent(socket, 'overlay.revoked');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await client.delete(`/api/workspaces/${workspaceId}/overlay-tokens/${token.body.id}`);
    expect(await revoked).toEqual({ workspaceId });
    expect(await disconnected).toBe('io server disconnect');
    await expect(connectSocket(suite.app.baseUrl, { overlayToken: token.body.token })).rejects.toThrow(
      'unauthenticated',
    );
  });
});
