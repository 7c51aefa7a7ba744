import { Injectable } from '@nestjs/common';
import type {
  PanelGoalsDto,
  PanelHistoryDto,
  PanelHistoryQuery,
  PanelKofiLinkDto,
  PanelMeDto,
  PanelQueueDto,
  PanelRewardDto,
  PanelRewardsDto,
  PanelViewerDto,
  RedeemRequestSchema,
  RedeemResultDto,
} from '@podium/contracts';
import type { z } from 'zod';
import { KofiService } from '../integrations/kofi/kofi.service';
import { PointsService } from '../points/points.service';
import { PointsSettingsService } from '../points/points-settings.service';
import { StreaksService } from '../points/streaks/streaks.service';
import { GoalsService } from '../redeems/goals/goals.service';
import { RedeemService } from '../redeems/redeem.service';
import { RedeemsErrorCode, RedeemsException } from '../redeems/redeems.exception';
import { RedemptionQueueService } from '../redeems/redemption-queue.service';
import { RewardsService } from '../redeems/rewards.service';
import { VotesService } from '../redeems/votes/votes.service';
import type { PanelViewer } from './panel-auth.service';
import { groupCatalogue } from './panel-catalogue';
import { PanelErrorCode, PanelException } from './panel.exception';

/**
 * What a signed-in viewer sees and does. Every read and write goes through the owning module's
 * service (points, redeems, goals and votes, Ko-fi) for the session's viewer only: no panel route
 * takes a viewer id, so a panel can never name another viewer.
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly points: PointsService,
    private readonly settings: PointsSettingsService,
    private readonly streaks: StreaksService,
    private readonly kofi: KofiService,
    private readonly rewardsService: RewardsService,
    private readonly redeems: RedeemService,
    private readonly queueService: RedemptionQueueService,
    private readonly goalsService: GoalsService,
    private readonly votes: VotesService,
  ) {}

  async me(session: PanelViewer): Promise<PanelMeDto> {
    const viewer = await this.viewerOf(session);
    // One after the other: the embedded database serves one connection at a time anyway.
    const balance = await this.points.balanceOf(session.workspaceId, viewer.id);
    const settings = await this.settings.get(session.workspaceId);
    const streak = await this.streaks.forViewer(session.workspaceId, viewer.id);
    const kofiLinked = await this.kofi.isLinked(session.workspaceId, viewer.id);
    return {
      workspaceId: session.workspaceId,
      viewer,
      balance: balance.balance,
      currencyName: settings.currencyName,
      streak: { current: streak.current, best: streak.best },
      passive: settings.passive,
      kofiLinked,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  async history(session: PanelViewer, query: PanelHistoryQuery): Promise<PanelHistoryDto> {
    const viewer = await this.viewerOf(session);
    const page = await this.points.historyOf(session.workspaceId, viewer.id, {
      before: query.cursor,
      limit: query.limit,
    });
    return {
      entries: page.entries.map((entry) => ({
        id: entry.id,
        amount: entry.amount,
        reason: entry.reason,
        note: entry.note,
        balanceAfter: entry.balanceAfter,
        createdAt: entry.createdAt,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Active rewards by category, each with whether this viewer could redeem it now. */
  async rewards(session: PanelViewer): Promise<PanelRewardsDto> {
    const viewer = await this.viewerOf(session);
    const { currencyName } = await this.settings.get(session.workspaceId);
    const list = await this.rewardsService.listOf(session.workspaceId);
    const availability = new Map<string, Pick<PanelRewardDto, 'unavailable' | 'cooldownSeconds'>>();
    for (const item of await this.redeems.availabilityFor(session.workspaceId, viewer.id)) {
      availability.set(
        item.rewardId,
        item.cooldownSeconds === null
          ? { unavailable: item.unavailable }
          : { unavailable: item.unavailable, cooldownSeconds: item.cooldownSeconds },
      );
    }
    return { currencyName, groups: groupCatalogue(list.rewards, list.categories, availability) };
  }

  /**
   * The redeem every entry point uses (same rules, same result), as the session's viewer. The redeem
   * follows merges itself in its first read, so the viewer is not resolved here a second time.
   */
  async redeem(
    session: PanelViewer,
    request: z.output<typeof RedeemRequestSchema>,
  ): Promise<RedeemResultDto> {
    try {
      return await this.redeems.redeem({
        workspaceId: session.workspaceId,
        viewerId: session.viewerId,
        request,
        source: 'panel',
      });
    } catch (error) {
      if (error instanceof RedeemsException && error.code === RedeemsErrorCode.ViewerNotFound) {
        throw new PanelException(PanelErrorCode.Unauthenticated, 'This panel session has ended');
      }
      throw error;
    }
  }

  /** Enabled goals and votes of the workspace. */
  async goals(session: PanelViewer): Promise<PanelGoalsDto> {
    const goals = await this.goalsService.snapshot(session.workspaceId);
    const votes = await this.votes.snapshot(session.workspaceId);
    return {
      goals: goals.goals.filter((goal) => goal.enabled),
      votes: votes.votes.filter((vote) => vote.enabled),
    };
  }

  /**
   * The public queue (pending, oldest first, no notes). The viewer's own entries are marked from
   * the redeems module's list of their pending redemptions (free ones included).
   */
  async queue(session: PanelViewer): Promise<PanelQueueDto> {
    const viewer = await this.viewerOf(session);
    const pending = await this.queueService.publicQueue(session.workspaceId);
    const mine = new Set(await this.queueService.pendingOf(session.workspaceId, viewer.id));
    return {
      items: pending.map((item) => ({
        id: item.id,
        rewardName: item.rewardName,
        viewerDisplayName: item.viewerDisplayName,
        createdAt: item.createdAt,
        mine: mine.has(item.id),
      })),
    };
  }

  /** Links the viewer's Ko-fi e-mail; donations waiting for it are credited by the Ko-fi module. */
  async linkKofi(session: PanelViewer, email: string): Promise<PanelKofiLinkDto> {
    const viewer = await this.viewerOf(session);
    await this.kofi.linkEmail(session.workspaceId, viewer.id, email);
    return { linked: true };
  }

  /** The session's viewer after merges, with their current name. */
  private async viewerOf(session: PanelViewer): Promise<PanelViewerDto> {
    const viewer = await this.points.resolveViewer(session.workspaceId, session.viewerId);
    if (!viewer) throw new PanelException(PanelErrorCode.Unauthenticated, 'This panel session has ended');
    return { id: viewer.id, displayName: viewer.displayName, platform: viewer.platform };
  }
}
