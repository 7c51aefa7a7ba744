import { randomUUID } from 'node:crypto';
import type { CreatedOverlayTokenDto, RewardDto } from '@podium/contracts';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import { RedeemService } from '../../src/modules/redeems/redeem.service';
import { connectSocket, type TestSocket } from './sockets';
import type { TestSuite } from './test-suite';

/**
 * Viewers with a balance, rewards, redeems through the RedeemService itself, and overlay sockets,
 * for a suite's workspace; call them inside tests.
 */
export function goalsVotesHelpers(suite: TestSuite) {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);
  let names = 0;

  async function newViewer(balance: number): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, 'fan', 'Fan') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    const ledger = get(PointsLedger);
    if (balance > 0) {
      await ledger.run((tx) =>
        ledger.credit(tx, {
          workspaceId: suite.owner.workspaceId,
          viewerId: row!.id,
          amount: balance,
          reason: 'adjust',
        }),
      );
    }
    return row!.id;
  }

  async function newReward(body: Record<string, unknown>): Promise<RewardDto> {
    names += 1;
    const created = await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, {
      name: `gv${names}`,
      ...body,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const redeem = (viewerId: string, rewardId: string, extra: { amount?: number; optionId?: string } = {}) =>
    get(RedeemService).redeem({
      workspaceId: suite.owner.workspaceId,
      viewerId,
      request: { rewardId, requestId: randomUUID(), ...extra },
      source: 'api',
    });

  const balanceOf = async (viewerId: string) => {
    const [row] = await suite.db.query<{ balance: string }>(
      `SELECT coalesce((SELECT balance FROM points_balances WHERE viewer_id = $1), 0)::text AS balance`,
      [viewerId],
    );
    return Number(row!.balance);
  };

  async function overlaySocket(): Promise<TestSocket> {
    const token = await suite.owner.client.post<CreatedOverlayTokenDto>(`${ws()}/overlay-tokens`, {
      label: 'gv',
    });
    expect(token.status).toBe(201);
    const { socket } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(socket);
    return socket;
  }

  return { ws, get, newViewer, newReward, redeem, balanceOf, overlaySocket };
}
