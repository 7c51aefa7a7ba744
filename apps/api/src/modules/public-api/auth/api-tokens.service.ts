import { Injectable } from '@nestjs/common';
import {
  API_TOKEN_PREFIX,
  type ApiScope,
  type ApiTokenDto,
  type ApiWhoamiDto,
  type CreatedApiTokenDto,
} from '@podium/contracts';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../../common/tokens';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ApiAuthErrorCode, ApiAuthException } from './api-auth.exception';
import { type ApiTokenRow, ApiTokensRepository } from './api-tokens.repository';

/** Who calls a v1 route: a token of one workspace with its scopes. */
export interface ApiActor {
  tokenId: string;
  workspaceId: string;
  scopes: ApiScope[];
  name: string;
  expiresAt: Date | null;
}

/** How many characters of the secret (after `pod_`) the list shows. */
const SHOWN_PREFIX_LENGTH = 4;
/** Longer than any token we issue: anything bigger is not worth hashing. */
const MAX_TOKEN_LENGTH = 200;

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function toApiTokenDto(row: ApiTokenRow, now = new Date()): ApiTokenDto {
  const status = row.revoked_at
    ? 'revoked'
    : row.expires_at && row.expires_at.getTime() <= now.getTime()
      ? 'expired'
      : 'active';
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    scopes: row.scopes,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    status,
  };
}

/** Workspace API tokens: created and revoked by owners, listed by moderators, resolved by the guard. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly transactions: TransactionRunner,
    private readonly access: WorkspaceAccess,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<ApiTokenDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    const now = new Date();
    return (await this.tokens.list(this.transactions.none, workspaceId)).map((row) =>
      toApiTokenDto(row, now),
    );
  }

  async create(
    actor: Actor,
    workspaceId: string,
    input: { name: string; scopes: ApiScope[]; expiresAt?: string | null },
  ): Promise<CreatedApiTokenDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const token = newApiToken();
    const row = await this.tokens.insert(this.transactions.none, {
      workspaceId,
      name: input.name,
      scopes: input.scopes,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + SHOWN_PREFIX_LENGTH),
      createdBy: actor.userId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    return { ...toApiTokenDto(row), token };
  }

  async revoke(actor: Actor, workspaceId: string, tokenId: string): Promise<ApiTokenDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const row = await this.tokens.revoke(this.transactions.none, workspaceId, tokenId);
    if (!row) throw new ApiAuthException(ApiAuthErrorCode.TokenNotFound, 'No such active API token');
    return toApiTokenDto(row);
  }

  /** The actor a bearer token stands for, or null when it is unknown, revoked or expired. */
  async resolve(token: string): Promise<ApiActor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
    const row = await this.tokens.findUsable(this.transactions.none, hashToken(token));
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() >= 60_000) {
      await this.tokens.touch(this.transactions.none, row.id);
    }
    return {
      tokenId: row.id,
      workspaceId: row.workspace_id,
      scopes: row.scopes,
      name: row.name,
      expiresAt: row.expires_at,
    };
  }

  whoami(actor: ApiActor): ApiWhoamiDto {
    return {
      tokenId: actor.tokenId,
      workspaceId: actor.workspaceId,
      name: actor.name,
      scopes: actor.scopes,
      expiresAt: actor.expiresAt?.toISOString() ?? null,
    };
  }
}
