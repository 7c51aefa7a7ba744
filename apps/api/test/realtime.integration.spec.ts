import type { CreatedOverlayTokenDto } from '@podium/contracts';
import { newMember, newOwner } from './support/factories';
import { connectSocket, nextEvent, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

describe('socket gateway (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof newOwner>>;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url });
    owner = await newOwner(app.baseUrl);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
    await db?.drop();
  });

  it('refuses a handshake without a session or with a forged overlay token', async () => {
    await expect(connectSocket(app.baseUrl)).rejects.toThrow('unauthenticated');
    await expect(connectSocket(app.baseUrl, { cookie: 'podium_session=forged' })).rejects.toThrow(
      'unauthenticated',
    );
    await expect(connectSocket(app.baseUrl, { overlayToken: 'x'.repeat(43) })).rejects.toThrow(
      'unauthenticated',
    );
  });

  it('joins organizers to their workspaces and pushes typed events', async () => {
    const viewer = await newMember(owner.client, owner.workspaceId, 'viewer');
    const { socket, ready } = await connectSocket(app.baseUrl, { cookie: viewer.client.cookie });
    sockets.push(socket);
    expect(ready).toMatchObject({ kind: 'organizer', workspaceIds: [owner.workspaceId] });

    const renamed = nextEvent(socket, 'workspace.renamed');
    await owner.client.patch(`/api/workspaces/${owner.workspaceId}`, { name: 'Live now' });
    expect((await renamed).workspace).toMatchObject({ id: owner.workspaceId, name: 'Live now' });

    const changed = nextEvent(socket, 'member.changed');
    await owner.client.patch(`/api/workspaces/${owner.workspaceId}/members/${viewer.me.user.id}`, {
      role: 'moderator',
    });
    expect(await changed).toEqual({
      workspaceId: owner.workspaceId,
      userId: viewer.me.user.id,
      role: 'moderator',
    });
  });

  it('joins an open socket to a workspace created after it connected', async () => {
    const { socket } = await connectSocket(app.baseUrl, { cookie: owner.client.cookie });
    sockets.push(socket);
    const created = await owner.client.post<{ id: string }>('/api/workspaces', { name: 'Later' });
    const renamed = nextEvent(socket, 'workspace.renamed');
    await owner.client.patch(`/api/workspaces/${created.body.id}`, { name: 'Later, renamed' });
    expect((await renamed).workspace).toMatchObject({ id: created.body.id, name: 'Later, renamed' });
  });

  it('lets an overlay in with its token and drops it when the token is revoked', async () => {
    const { client, workspaceId } = owner;
    const token = await client.post<CreatedOverlayTokenDto>(`/api/workspaces/${workspaceId}/overlay-tokens`, {
      label: 'OBS',
    });
    const { socket, ready } = await connectSocket(app.baseUrl, { overlayToken: token.body.token });
    sockets.push(socket);
    expect(ready).toMatchObject({ kind: 'overlay', workspaceIds: [workspaceId] });

    const revoked = nextEvent(socket, 'overlay.revoked');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await client.delete(`/api/workspaces/${workspaceId}/overlay-tokens/${token.body.id}`);
    expect(await revoked).toEqual({ workspaceId });
    expect(await disconnected).toBe('io server disconnect');
    await expect(connectSocket(app.baseUrl, { overlayToken: token.body.token })).rejects.toThrow(
      'unauthenticated',
    );
  });
});
