import { randomUUID } from 'node:crypto';
import type { CreatedApiTokenDto } from '@podium/contracts';
import { API_SCOPES } from '@podium/contracts';
import type { TestSuite } from './test-suite';

export interface V1Result<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Public API v1 calls for a suite's owner: mint a token, build a v1 path, call it with a bearer token. */
export function apiV1(suite: TestSuite) {
  const v1Path = (path: string, workspaceId = suite.owner.workspaceId) =>
    `/api/v1/workspaces/${workspaceId}${path}`;

  async function newToken(
    scopes: string[] = [...API_SCOPES],
    workspaceId = suite.owner.workspaceId,
    name = `token ${randomUUID().slice(0, 6)}`,
  ): Promise<CreatedApiTokenDto> {
    const created = await suite.owner.client.post<CreatedApiTokenDto>(
      `/api/workspaces/${workspaceId}/api-tokens`,
      { name, scopes },
    );
    if (created.status !== 201) throw new Error(`token: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** Without a token, the call carries no authorization header (the guard's 401 answers). */
  async function v1<T = unknown>(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<V1Result<T>> {
    const response = await fetch(`${suite.app.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  return { v1Path, newToken, v1 };
}
