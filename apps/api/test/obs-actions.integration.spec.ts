import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  BotCommandDto,
  ChatEventInput,
  CreatedOverlayTokenDto,
  RedeemResultDto,
  RewardDto,
} from '@podium/contracts';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { record, sleep, until } from './support/live-harness';
import { connectSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

/** Rewards and commands with an OBS action push `obs.action` to the workspace's overlays, once. */
describe('OBS actions (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = () => suite.owner.client;

  async function overlaySocket() {
    const token = await client().post<CreatedOverlayTokenDto>(`${ws()}/overlay-tokens`, { label: 'obs' });
    expect(token.status).toBe(201);
    const { socket } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(socket);
    return socket;
  }

  async function newViewer(): Promise<string> {
    const name = `viewer-${randomUUID().slice(0, 8)}`;
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, $3, $3) RETURNING id`,
      [suite.owner.workspaceId, randomUUID(), name],
    );
    const ledger = suite.app.podium.app.get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: row!.id,
        amount: 1_000,
        reason: 'adjust',
      }),
    );
    return row!.id;
  }

  it('stores a reward OBS action, clears it with null, and refuses a bad one with the field', async () => {
    const created = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `brb${randomUUID().slice(0, 6)}`,
      type: 'list',
      price: 10,
      obsAction: { action: 'switch_scene', scene: 'Be right back' },
    });
    expect(created.status).toBe(201);
    expect(created.body.obsAction).toEqual({ action: 'switch_scene', scene: 'Be right back' });

    // An update that does not mention it keeps it.
    const renamed = await client().patch<RewardDto>(`${ws()}/rewards/${created.body.id}`, { price: 20 });
    expect(renamed.body.obsAction).toEqual({ action: 'switch_scene', scene: 'Be right back' });

    const bad = await client().patch<ApiErrorDto>(`${ws()}/rewards/${created.body.id}`, {
      obsAction: { action: 'switch_scene', scene: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('obsAction.scene');

    const cleared = await client().patch<RewardDto>(`${ws()}/rewards/${created.body.id}`, {
      obsAction: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.obsAction).toBeUndefined();
  });

  it('a redeem of a reward with an OBS action pushes obs.action to the overlays, once per redemption', async () => {
    const reward = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `clip${randomUUID().slice(0, 6)}`,
      type: 'list',
      price: 10,
      obsAction: { action: 'save_replay' },
    });
    const plain = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `plain${randomUUID().slice(0, 6)}`,
      type: 'list',
      price: 10,
    });
    const overlay = await overlaySocket();
    const pushed = record(overlay, 'obs.action');
    const viewerId = await newViewer();

    const redeemed = await client().post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId,
      rewardId: reward.body.id,
      requestId: randomUUID(),
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.outcome).toBe('queued');
    await client().post(`${ws()}/redeems`, { viewerId, rewardId: plain.body.id, requestId: randomUUID() });

    await until('obs.action pushed', () => pushed.length >= 1);
    await sleep(300);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({
      workspaceId: suite.owner.workspaceId,
      action: { action: 'save_replay' },
      source: { kind: 'reward', id: reward.body.id, name: reward.body.name },
    });
    expect(pushed[0]!.id).toMatch(/^redeem:/);
  });

  it('a command with an OBS action pushes it when it answers, and a redelivered line does not push again', async () => {
    const name = `scene${randomUUID().slice(0, 6)}`.toLowerCase();
    const command = await client().post<BotCommandDto>(`${ws()}/bots/commands`, {
      name,
      responses: ['Switching to the camera!'],
      obsAction: { action: 'switch_scene', scene: 'Camera' },
    });
    expect(command.status).toBe(201);
    expect(command.body.obsAction).toEqual({ action: 'switch_scene', scene: 'Camera' });

    const overlay = await overlaySocket();
    const pushed = record(overlay, 'obs.action');
    const connection = await suite.app.podium.app
      .get(ConnectionsService)
      .ensureInroom(suite.owner.workspaceId);
    const input: ChatEventInput = {
      kind: 'message',
      externalId: `m-${randomUUID()}`,
      viewer: { platform: 'inroom', platformUserId: 'u-1', displayName: 'Viewer', roles: [] },
      text: `!${name}`,
      fragments: [{ type: 'text', text: `!${name}` }],
      occurredAt: new Date().toISOString(),
    };
    const pipeline = suite.app.podium.app.get(ChatPipeline);
    await pipeline.ingest(connection, [input]);
    await until('obs.action pushed', () => pushed.length >= 1, 20_000);
    // The same platform message again (a redelivery) is recorded once and acts once.
    await pipeline.ingest(connection, [input]);
    await sleep(500);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({
      action: { action: 'switch_scene', scene: 'Camera' },
      source: { kind: 'command', id: command.body.id, name },
    });

    const cleared = await client().patch<BotCommandDto>(`${ws()}/bots/commands/${command.body.id}`, {
      obsAction: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.obsAction).toBeNull();
  });
});
