import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  BalanceDto,
  BalanceListDto,
  BalanceSearchQuery,
  LedgerHistoryQuery,
  LedgerPageDto,
  V1PointsChangeRequest,
} from '@podium/contracts';
import { PointsService } from '../../points/points.service';
import type { ApiActor } from '../auth/api-token.guard';

export type PointsDirection = 'grant' | 'deduct';

/**
 * Viewers and balances for the public API. The guard has checked the token's workspace and scope;
 * this calls the points services' unchecked variants with the token as the actor.
 */
@Injectable()
export class PointsV1Service {
  constructor(private readonly points: PointsService) {}

  search(actor: ApiActor, query: BalanceSearchQuery): Promise<BalanceListDto> {
    return this.points.searchOf(actor.workspaceId, query);
  }

  viewer(actor: ApiActor, viewerId: string): Promise<BalanceDto> {
    return this.points.balanceOf(actor.workspaceId, viewerId);
  }

  history(actor: ApiActor, viewerId: string, query: LedgerHistoryQuery): Promise<LedgerPageDto> {
    return this.points.historyOf(actor.workspaceId, viewerId, query);
  }

  /**
   * A grant or deduct through the ledger, noted as made by the token. With an Idempotency-Key the
   * ledger entry is also keyed by (token, key, request): even a retry that slips past the
   * idempotency record (a stale claim taken over) cannot move the balance twice.
   */
  change(
    actor: ApiActor,
    viewerId: string,
    direction: PointsDirection,
    request: V1PointsChangeRequest,
    idempotencyKey: string | undefined,
  ): Promise<BalanceDto> {
    const signed = direction === 'grant' ? request.amount : -request.amount;
    const sourceKey = idempotencyKey
      ? `api:${createHash('sha256')
          .update(JSON.stringify([actor.tokenId, idempotencyKey, viewerId, signed, request.reason]))
          .digest('base64url')}`
      : null;
    return this.points.adjustAs(
      actor.workspaceId,
      { viewerId, amount: signed, reason: request.reason },
      { actorUserId: null, note: `${request.reason} (api token ${actor.name})`, sourceKey },
    );
  }
}
