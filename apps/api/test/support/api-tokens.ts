import { randomUUID } from 'node:crypto';
import type { CreatedApiTokenDto, CreateApiTokenRequest } from '@podium/contracts';
import { apiV1 } from './api-v1-client';
import { redeemsHelpers } from './redeems';
import { type TestSuite, useTestSuite } from './test-suite';

/** A small per-token limit, so the rate-limit tests reach it in a few calls. */
export const PER_TOKEN_LIMIT = 15;

/** The suite the public API's auth tests share: Redis for the limits, a generous per-address limit. */
export function useApiAuthSuite(): TestSuite {
  return useTestSuite({
    redis: true,
    env: () => ({ API_RATE_LIMIT_PER_TOKEN: String(PER_TOKEN_LIMIT), API_RATE_LIMIT_PER_IP: '5000' }),
  });
}

/** API tokens minted through the organizer's routes, v1 calls with them, and a viewer's ledger. */
export function apiTokenHelpers(suite: TestSuite) {
  const { v1Path, v1 } = apiV1(suite);
  const { newViewer } = redeemsHelpers(suite);
  const tokensPath = (workspaceId = suite.owner.workspaceId) => `/api/workspaces/${workspaceId}/api-tokens`;

  async function newToken(
    request: Partial<CreateApiTokenRequest> = {},
    workspaceId = suite.owner.workspaceId,
  ): Promise<CreatedApiTokenDto> {
    const created = await suite.owner.client.post<CreatedApiTokenDto>(tokensPath(workspaceId), {
      name: `token ${randomUUID().slice(0, 6)}`,
      scopes: ['points:read', 'points:write'],
      ...request,
    });
    if (created.status !== 201) throw new Error(`token: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  const ledgerEntries = async (viewerId: string) => {
    const [row] = await suite.db.query<{ entries: string; sum: string }>(
      `SELECT count(*)::text AS entries, coalesce(sum(amount), 0)::text AS sum FROM points_ledger WHERE viewer_id = $1`,
      [viewerId],
    );
    return { entries: Number(row!.entries), sum: Number(row!.sum) };
  };

  return { tokensPath, v1Path, v1, newToken, newViewer, ledgerEntries };
}
