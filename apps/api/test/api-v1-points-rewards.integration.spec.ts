import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  BalanceDto,
  BalanceListDto,
  GoalProgressDto,
  LedgerPageDto,
  RedeemResultDto,
  RedemptionDto,
  RedemptionPageDto,
  RewardDto,
  RewardListDto,
  VoteTallyDto,
  WorkspaceDto,
} from '@podium/contracts';
import { apiV1 } from './support/api-v1-client';
import { useTestSuite } from './support/test-suite';

/** The points and rewards part of the public API v1 against the real PostgreSQL and Redis. */
describe('Public API v1: viewers, points, rewards, queue, goals, votes (PostgreSQL + Redis)', () => {
  const suite = useTestSuite({
    redis: true,
    env: () => ({ API_RATE_LIMIT_PER_TOKEN: '5000', API_RATE_LIMIT_PER_IP: '5000' }),
  });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const { v1Path, newToken, v1 } = apiV1(suite);

  async function newViewer(workspaceId = suite.owner.workspaceId): Promise<string> {
    const name = `viewer-${randomUUID().slice(0, 8)}`;
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, $3, $3) RETURNING id`,
      [workspaceId, randomUUID(), name],
    );
    return row!.id;
  }

  const ledgerOf = (viewerId: string) =>
    suite.db.query<{ amount: string; reason: string; note: string | null }>(
      `SELECT amount::text AS amount, reason, note FROM points_ledger WHERE viewer_id = $1 ORDER BY seq`,
      [viewerId],
    );

  async function newReward(overrides: Record<string, unknown> = {}): Promise<RewardDto> {
    const created = await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, {
      name: `r${randomUUID().slice(0, 8)}`,
      type: 'list',
      price: 100,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('grants once for an Idempotency-Key retried three times, one after another and all at once', async () => {
    const token = await newToken(['points:read', 'points:write'], undefined, 'Stream Deck');
    const viewer = await newViewer();
    const grant = (key: string) =>
      v1<BalanceDto>(
        token.token,
        'POST',
        v1Path(`/viewers/${viewer}/points/grant`),
        { amount: 500, reason: 'Won the quiz' },
        { 'Idempotency-Key': key },
      );

    const sequentialKey = randomUUID();
    const first = await grant(sequentialKey);
    const second = await grant(sequentialKey);
    const third = await grant(sequentialKey);
    for (const result of [first, second, third]) {
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ balance: 500, viewer: { id: viewer } });
    }
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(third.headers.get('idempotent-replayed')).toBe('true');

    const concurrentKey = randomUUID();
    const together = await Promise.all([grant(concurrentKey), grant(concurrentKey), grant(concurrentKey)]);
    for (const result of together) {
      expect(result.status).toBe(200);
      expect(result.body.balance).toBe(1000);
    }

    const entries = await ledgerOf(viewer);
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => Number(e.amount))).toEqual([500, 500]);
    expect(entries[0]).toMatchObject({ reason: 'adjust', note: 'Won the quiz (api token Stream Deck)' });

    // The same key for a different request is refused; nothing moves.
    const reused = await v1<ApiErrorDto>(
      token.token,
      'POST',
      v1Path(`/viewers/${viewer}/points/grant`),
      { amount: 1, reason: 'Won the quiz' },
      { 'Idempotency-Key': sequentialKey },
    );
    expect(reused.status).toBe(422);
    expect(await ledgerOf(viewer)).toHaveLength(2);

    // Reads: the viewer, the search, the history.
    const got = await v1<BalanceDto>(token.token, 'GET', v1Path(`/viewers/${viewer}`));
    expect(got.body).toMatchObject({ balance: 1000, rank: 1, currencyName: 'points' });
    const found = await v1<BalanceListDto>(token.token, 'GET', v1Path(`/viewers?q=${got.body.viewer.login}`));
    expect(found.body.balances.map((b) => b.viewer.id)).toEqual([viewer]);
    const history = await v1<LedgerPageDto>(token.token, 'GET', v1Path(`/viewers/${viewer}/history?limit=1`));
    expect(history.body.entries).toHaveLength(1);
    expect(history.body.nextCursor).not.toBeNull();
  });

  it('deducts within the balance only, and answers 404 for an unknown viewer and 400 for bad input', async () => {
    const token = await newToken(['points:write']);
    const viewer = await newViewer();
    const path = (direction: string, id = viewer) => v1Path(`/viewers/${id}/points/${direction}`);
    expect((await v1(token.token, 'POST', path('grant'), { amount: 300, reason: 'seed' })).status).toBe(200);
    const deducted = await v1<BalanceDto>(token.token, 'POST', path('deduct'), {
      amount: 120,
      reason: 'spam',
    });
    expect(deducted.status).toBe(200);
    expect(deducted.body.balance).toBe(180);
    const tooMuch = await v1<ApiErrorDto>(token.token, 'POST', path('deduct'), { amount: 181, reason: 'x' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('points.insufficient_balance');
    const unknown = await v1<ApiErrorDto>(token.token, 'POST', path('grant', randomUUID()), {
      amount: 1,
      reason: 'x',
    });
    expect(unknown.status).toBe(404);
    const negative = await v1<ApiErrorDto>(token.token, 'POST', path('grant'), { amount: -5, reason: 'x' });
    expect(negative.status).toBe(400);
    expect(negative.body.field).toBe('amount');
    expect((await ledgerOf(viewer)).map((e) => Number(e.amount))).toEqual([300, -120]);
  });

  it('refuses a token without the scope (403) and another workspace (404)', async () => {
    const viewer = await newViewer();
    const readOnly = await newToken(['points:read', 'rewards:read', 'queue:read']);
    const grant = await v1<ApiErrorDto>(readOnly.token, 'POST', v1Path(`/viewers/${viewer}/points/grant`), {
      amount: 10,
      reason: 'x',
    });
    expect(grant.status).toBe(403);
    expect(grant.body.code).toBe('api.missing_scope');
    expect(grant.body.message).toContain('points:write');
    for (const [method, path] of [
      ['POST', '/chat/messages'],
      ['GET', '/bots'],
      ['POST', `/redemptions/${randomUUID()}/refund`],
      ['POST', `/rewards/${randomUUID()}/disable`],
    ] as const) {
      const body = method === 'POST' ? { text: 'hi' } : undefined;
      const refused = await v1<ApiErrorDto>(readOnly.token, method, v1Path(path), body);
      expect(refused.status).toBe(403);
    }
    expect(await ledgerOf(viewer)).toHaveLength(0);
    expect((await v1(readOnly.token, 'GET', v1Path(`/viewers/${viewer}`))).status).toBe(200);

    const other = await suite.owner.client.post<WorkspaceDto>('/api/workspaces', { name: 'Workspace B' });
    expect(other.status).toBe(201);
    const viewerB = await newViewer(other.body.id);
    const tokenA = await newToken();
    for (const [method, path] of [
      ['GET', `/viewers/${viewerB}`],
      ['POST', `/viewers/${viewerB}/points/grant`],
      ['GET', '/rewards'],
      ['GET', '/redemptions'],
      ['POST', '/chat/messages'],
    ] as const) {
      const body = method === 'POST' ? { amount: 10, reason: 'x', text: 'hi' } : undefined;
      const hidden = await v1<ApiErrorDto>(tokenA.token, method, v1Path(path, other.body.id), body);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('api.workspace_not_found');
    }
    // A's token naming its own workspace but B's viewer finds no such viewer.
    const crossViewer = await v1<ApiErrorDto>(
      tokenA.token,
      'POST',
      v1Path(`/viewers/${viewerB}/points/grant`),
      {
        amount: 10,
        reason: 'x',
      },
    );
    expect(crossViewer.status).toBe(404);
    expect(await ledgerOf(viewerB)).toHaveLength(0);
  });

  it('refunds through the API once: the balance comes back a single time', async () => {
    const token = await newToken(['queue:read', 'queue:write', 'points:write']);
    const viewer = await newViewer();
    await v1(token.token, 'POST', v1Path(`/viewers/${viewer}/points/grant`), { amount: 250, reason: 'seed' });
    const reward = await newReward({ price: 100 });
    const redeemed = await suite.owner.client.post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId: viewer,
      rewardId: reward.id,
      requestId: randomUUID(),
    });
    expect(redeemed.body.outcome).toBe('queued');
    const redemptionId = redeemed.body.outcome === 'refused' ? '' : redeemed.body.redemption.id;

    const queue = await v1<RedemptionPageDto>(token.token, 'GET', v1Path('/redemptions'));
    expect(queue.body.redemptions.map((r) => r.id)).toContain(redemptionId);
    const balanceBefore = await v1<BalanceDto>(token.token, 'GET', v1Path(`/viewers/${viewer}`));
    expect(balanceBefore.status).toBe(403); // this token has no points:read

    const key = randomUUID();
    const refund = (k: string) =>
      v1<RedemptionDto>(token.token, 'POST', v1Path(`/redemptions/${redemptionId}/refund`), undefined, {
        'Idempotency-Key': k,
      });
    const [a, b] = await Promise.all([refund(key), refund(key)]);
    for (const result of [a, b]) {
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ id: redemptionId, status: 'refunded', decidedBy: null });
    }
    const again = await refund(randomUUID());
    expect(again.status).toBe(409);
    expect((again.body as unknown as ApiErrorDto).code).toBe('redeems.already_decided');

    const entries = await ledgerOf(viewer);
    expect(entries.filter((e) => e.reason === 'refund')).toHaveLength(1);
    expect(entries.reduce((sum, e) => sum + Number(e.amount), 0)).toBe(250);
    const unknown = await v1<ApiErrorDto>(token.token, 'POST', v1Path(`/redemptions/${randomUUID()}/fulfil`));
    expect(unknown.status).toBe(404);
  });
  it('reads rewards, goals and votes, switches a reward and closes and opens a vote', async () => {
    const token = await newToken(['rewards:read', 'rewards:write']);
    const reward = await newReward();
    const goal = await newReward({ type: 'goal', price: 0, goal: { target: 1000 } });
    const vote = await newReward({
      type: 'vote',
      vote: {
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
        pricePerVote: 10,
      },
    });

    const list = await v1<RewardListDto>(token.token, 'GET', v1Path('/rewards'));
    expect(list.body.rewards.map((r) => r.id)).toEqual(expect.arrayContaining([reward.id, goal.id, vote.id]));
    const disabled = await v1<RewardDto>(token.token, 'POST', v1Path(`/rewards/${reward.id}/disable`));
    expect(disabled.body).toMatchObject({ enabled: false, active: false });
    expect((await v1<RewardDto>(token.token, 'GET', v1Path(`/rewards/${reward.id}`))).body.enabled).toBe(
      false,
    );
    const enabled = await v1<RewardDto>(token.token, 'POST', v1Path(`/rewards/${reward.id}/enable`));
    expect(enabled.body).toMatchObject({ enabled: true, active: true });

    const goals = await v1<GoalProgressDto[]>(token.token, 'GET', v1Path('/goals'));
    expect(goals.body.find((g) => g.rewardId === goal.id)).toMatchObject({ target: 1000, progress: 0 });
    expect((await v1(token.token, 'GET', v1Path(`/goals/${reward.id}`))).status).toBe(404);

    const closed = await v1<VoteTallyDto>(token.token, 'POST', v1Path(`/votes/${vote.id}/close`));
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    const votes = await v1<VoteTallyDto[]>(token.token, 'GET', v1Path('/votes'));
    expect(votes.body.find((v) => v.rewardId === vote.id)?.closedAt).not.toBeNull();
    const opened = await v1<VoteTallyDto>(token.token, 'POST', v1Path(`/votes/${vote.id}/open`));
    expect(opened.body.closedAt).toBeNull();
    expect((await v1(token.token, 'POST', v1Path(`/votes/${goal.id}/close`))).status).toBe(404);
  });

  it('documents every economy operation with a response schema in the OpenAPI document', async () => {
    const response = await fetch(`${suite.app.baseUrl}/api/docs-json`);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const expected: [string, string][] = [
      ['get', '/viewers'],
      ['get', '/viewers/{viewerId}'],
      ['get', '/viewers/{viewerId}/history'],
      ['post', '/viewers/{viewerId}/points/grant'],
      ['post', '/viewers/{viewerId}/points/deduct'],
      ['get', '/rewards'],
      ['get', '/rewards/{rewardId}'],
      ['post', '/rewards/{rewardId}/enable'],
      ['post', '/rewards/{rewardId}/disable'],
      ['get', '/redemptions'],
      ['get', '/redemptions/{redemptionId}'],
      ['post', '/redemptions/{redemptionId}/fulfil'],
      ['post', '/redemptions/{redemptionId}/refund'],
      ['post', '/redemptions/{redemptionId}/reject'],
      ['get', '/goals'],
      ['get', '/goals/{rewardId}'],
      ['get', '/votes'],
      ['get', '/votes/{rewardId}'],
      ['post', '/votes/{rewardId}/close'],
      ['post', '/votes/{rewardId}/open'],
      ['post', '/chat/messages'],
      ['get', '/bots'],
      ['post', '/bots/{kind}/{id}/enable'],
      ['post', '/bots/{kind}/{id}/disable'],
      ['post', '/bots/announcements/{announcementId}/trigger'],
    ];
    for (const [method, path] of expected) {
      const operation = document.paths[`/api/v1/workspaces/{workspaceId}${path}`]?.[method];
      expect({ method, path, documented: operation !== undefined }).toEqual({
        method,
        path,
        documented: true,
      });
      const success = Object.entries(operation?.responses ?? {}).find(([status]) => status.startsWith('2'));
      expect({ path, schema: success?.[1].content !== undefined }).toEqual({ path, schema: true });
    }
  });
});
