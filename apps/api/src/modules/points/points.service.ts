import { Injectable } from '@nestjs/common';
import type {
  AdjustPointsRequest,
  BalanceDto,
  BalanceListDto,
  BalanceSearchQuery,
  LeaderboardDto,
  LeaderboardQuery,
  LedgerHistoryQuery,
  LedgerPageDto,
  PointsViewerDto,
} from '@podium/contracts';
import { TransactionRunner, type Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { PointsErrorCode, PointsException } from './points.exception';
import { PointsLedger } from './points-ledger';
import { type BalanceRow, PointsRepository, toLedgerEntryDto, toPointsViewerDto } from './points.repository';
import { PointsSettingsService } from './points-settings.service';

/** Balances, history, the leaderboard and moderators' manual adjustments. */
@Injectable()
export class PointsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: PointsRepository,
    private readonly ledger: PointsLedger,
    private readonly settings: PointsSettingsService,
    private readonly access: WorkspaceAccess,
  ) {}

  /**
   * The viewer that holds an identity's balance (the one it was merged into, if any). Null when the
   * id is not a viewer of this workspace. Pass `tx` to read inside a transaction.
   */
  resolveViewer(
    workspaceId: string,
    viewerId: string,
    tx: Tx = this.tx.none,
  ): Promise<PointsViewerDto | null> {
    return this.repository.resolveViewer(tx, workspaceId, viewerId);
  }

  /** Credits and debits per ledger reason between two times, without an access check (reports). */
  ledgerSumsBetween(
    workspaceId: string,
    from: Date,
    to: Date,
  ): Promise<{ reason: string; credited: number; debited: number }[]> {
    return this.repository.ledgerSumsBetween(this.tx.none, workspaceId, from, to);
  }

  /** A viewer's balance without an access check (chat commands, the viewer panel). */
  async balanceOf(workspaceId: string, viewerId: string): Promise<BalanceDto> {
    const viewer = await this.requireViewer(workspaceId, viewerId);
    const balance = await this.ledger.balance(this.tx.none, workspaceId, viewer.id);
    const { currencyName } = await this.settings.get(workspaceId);
    return {
      workspaceId,
      viewer,
      balance,
      rank: await this.repository.rankOf(this.tx.none, workspaceId, balance),
      currencyName,
    };
  }

  async balance(actor: Actor, workspaceId: string, viewerId: string): Promise<BalanceDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.balanceOf(workspaceId, viewerId);
  }

  async search(actor: Actor, workspaceId: string, query: BalanceSearchQuery): Promise<BalanceListDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.searchOf(workspaceId, query);
  }

  /** Viewers with their balances without an access check (the public API, after its scope check). */
  async searchOf(workspaceId: string, query: BalanceSearchQuery): Promise<BalanceListDto> {
    const { currencyName } = await this.settings.get(workspaceId);
    const rows = await this.repository.search(this.tx.none, workspaceId, query.q, query.limit);
    return { balances: rows.map((row) => toBalanceDto(workspaceId, row, currencyName)) };
  }

  /** History of a viewer without an access check (the viewer panel's own history). */
  async historyOf(workspaceId: string, viewerId: string, query: LedgerHistoryQuery): Promise<LedgerPageDto> {
    const viewer = await this.requireViewer(workspaceId, viewerId);
    const before = query.before ?? null;
    if (before !== null && !/^\d{1,18}$/.test(before)) {
      throw new PointsException(PointsErrorCode.InvalidCursor, 'Not a history cursor', { field: 'before' });
    }
    const rows = await this.repository.history(this.tx.none, workspaceId, viewer.id, before, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      entries: page.map(toLedgerEntryDto),
      nextCursor: rows.length > query.limit ? (page[page.length - 1]?.seq ?? null) : null,
    };
  }

  async history(
    actor: Actor,
    workspaceId: string,
    viewerId: string,
    query: LedgerHistoryQuery,
  ): Promise<LedgerPageDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.historyOf(workspaceId, viewerId, query);
  }

  /** The top balances without an access check (the viewer panel, `!top`-like commands). */
  async leaderboardOf(workspaceId: string, query: LeaderboardQuery): Promise<LeaderboardDto> {
    const { currencyName } = await this.settings.get(workspaceId);
    const rows = await this.repository.leaderboard(this.tx.none, workspaceId, query.limit);
    return {
      currencyName,
      entries: rows.map((row) => ({
        rank: Number(row.rank),
        viewer: toPointsViewerDto(row),
        balance: Number(row.balance),
      })),
    };
  }

  async leaderboard(actor: Actor, workspaceId: string, query: LeaderboardQuery): Promise<LeaderboardDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.leaderboardOf(workspaceId, query);
  }

  /** A moderator gives (amount > 0) or takes (amount < 0) points with a reason; taking below zero is 409. */
  async adjust(actor: Actor, workspaceId: string, request: AdjustPointsRequest): Promise<BalanceDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.adjustAs(workspaceId, request, { actorUserId: actor.userId, note: request.reason });
  }

  /**
   * The adjustment without an access check (the public API acts for a token, not a user). With a
   * `sourceKey` a repeat with the same key moves nothing (the ledger's unique key).
   */
  async adjustAs(
    workspaceId: string,
    request: AdjustPointsRequest,
    by: { actorUserId: string | null; note: string; sourceKey?: string | null },
  ): Promise<BalanceDto> {
    const viewer = await this.requireViewer(workspaceId, request.viewerId);
    await this.ledger.run(async (tx) => {
      const entry = {
        workspaceId,
        viewerId: viewer.id,
        amount: Math.abs(request.amount),
        reason: 'adjust' as const,
        actorUserId: by.actorUserId,
        note: by.note,
        sourceKey: by.sourceKey ?? null,
      };
      if (request.amount > 0) return this.ledger.credit(tx, entry);
      const result = await this.ledger.debit(tx, entry);
      if (!result.applied && result.reason === 'duplicate') return result;
      if (!result.applied) {
        throw new PointsException(
          PointsErrorCode.InsufficientBalance,
          'The viewer does not have that many points',
          { field: 'amount' },
        );
      }
      return result;
    });
    return this.balanceOf(workspaceId, viewer.id);
  }

  private async requireViewer(workspaceId: string, viewerId: string): Promise<PointsViewerDto> {
    const viewer = await this.resolveViewer(workspaceId, viewerId);
    if (!viewer)
      throw new PointsException(PointsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    return viewer;
  }
}

function toBalanceDto(workspaceId: string, row: BalanceRow, currencyName: string): BalanceDto {
  return {
    workspaceId,
    viewer: toPointsViewerDto(row),
    balance: Number(row.balance),
    rank: row.rank === null ? null : Number(row.rank),
    currencyName,
  };
}
