import { randomUUID } from 'node:crypto';
import type {
  CreateRewardRequest,
  RedeemResultDto,
  RehearsalInjectionDto,
  RewardDto,
} from '@podium/contracts';
import { TransactionRunner } from '../../src/database/transaction';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import type { TestSuite } from './test-suite';

/** Viewers, points, rewards and redeems for the owner's workspace of a suite; call them inside tests. */
export function redeemsHelpers(suite: TestSuite) {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = () => suite.owner.client;
  const ledger = () => suite.app.podium.app.get(PointsLedger);

  async function newViewer(name = `viewer-${randomUUID().slice(0, 8)}`): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, $3, $3) RETURNING id`,
      [suite.owner.workspaceId, randomUUID(), name],
    );
    return row!.id;
  }
  const credit = (viewerId: string, amount: number) =>
    ledger().run((tx) =>
      ledger().credit(tx, { workspaceId: suite.owner.workspaceId, viewerId, amount, reason: 'adjust' }),
    );
  const balance = (viewerId: string) =>
    ledger().balance(suite.app.podium.app.get(TransactionRunner).none, suite.owner.workspaceId, viewerId);
  async function newReward(overrides: Partial<CreateRewardRequest> = {}): Promise<RewardDto> {
    const created = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `r${randomUUID().slice(0, 8)}`,
      type: 'list',
      price: 100,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }
  const redeem = (viewerId: string, rewardId: string, extra: Record<string, unknown> = {}) =>
    client().post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId,
      rewardId,
      requestId: randomUUID(),
      ...extra,
    });
  const inject = (body: Record<string, unknown>) =>
    client().post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, body);

  return { ws, client, newViewer, credit, balance, newReward, redeem, inject };
}
