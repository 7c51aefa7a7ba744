import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseRedeemRest, redeemReply } from '@podium/redeems';
import type { ChatStageContext } from '../../bots/chat-stages';
import { PointsSettingsService } from '../../points/points-settings.service';
import { RedeemService } from '../redeem.service';
import type { RewardCore } from '../rewards.repository';
import { RewardsService } from '../rewards.service';

/**
 * A redeem asked for in chat (`!<reward> [note]` or `!redeem <reward> [note]`). The request id is
 * derived from the chat event, so a retried event replays its redeem instead of spending twice, and
 * the reply is sent once. In passive mode the bot stays silent.
 */
@Injectable()
export class ChatRedeemer {
  constructor(
    private readonly redeems: RedeemService,
    private readonly settings: PointsSettingsService,
    private readonly rewards: RewardsService,
  ) {}

  /** The reward named by a chat line, read once per batch of chat events. */
  reward(context: ChatStageContext, name: string): Promise<RewardCore | null> {
    const { workspaceId } = context.event;
    return context.shared(`reward:${workspaceId}:${name.toLowerCase()}`, () =>
      this.rewards.coreByName(workspaceId, name),
    );
  }

  async redeem(context: ChatStageContext, reward: RewardCore, rest: string): Promise<void> {
    const { event } = context;
    if (!event.viewerId) return;
    const settings = await this.settings.get(event.workspaceId);
    if (settings.passive) return;
    const requestId = uuidFrom(`chat:${event.id}:${reward.id}`);
    const result = await this.redeems.redeem({
      workspaceId: event.workspaceId,
      viewerId: event.viewerId,
      request: { rewardId: reward.id, requestId, ...parseRedeemRest(reward.type, rest) },
      source: 'chat',
      roles: event.viewer.roles,
    });
    const text = redeemReply(result, {
      user: event.viewer.displayName,
      rewardName: reward.name,
      currency: settings.currencyName,
      price: reward.type === 'goal' || reward.type === 'vote' ? undefined : Number(reward.price),
      eligibility: reward.eligibility,
    });
    await context.reply(text, `redeem:${requestId}`);
  }
}

/** A stable uuid (v4 layout) from a string: the same chat event always makes the same request id. */
export function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
