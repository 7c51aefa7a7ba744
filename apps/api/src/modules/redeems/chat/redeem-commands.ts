import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseRedeemArgs, rewardsLine } from '@podium/redeems';
import { BuiltinCommands } from '../../bots/commands/builtin-commands';
import { BotSettingsService } from '../../bots/settings/bot-settings.service';
import { PointsSettingsService } from '../../points/points-settings.service';
import { RewardsService } from '../rewards.service';
import { ChatRedeemer } from './chat-redeemer';

/** `!redeem <reward> [note]` and `!rewards` (the active rewards with their prices). */
@Injectable()
export class RedeemCommands implements OnModuleInit {
  constructor(
    private readonly builtins: BuiltinCommands,
    private readonly rewards: RewardsService,
    private readonly redeemer: ChatRedeemer,
    private readonly settings: PointsSettingsService,
    private readonly bot: BotSettingsService,
  ) {}

  onModuleInit(): void {
    this.builtins.register({
      name: 'redeem',
      permission: 'everyone',
      description: '!redeem <reward> [note]: spend points on a reward',
      run: async (context, args) => {
        const parsed = parseRedeemArgs(args);
        if (!parsed) return;
        const reward = await this.redeemer.reward(context, parsed.rewardName);
        if (!reward) {
          if (await this.settings.isPassive(context.event.workspaceId)) return;
          await context.reply(
            `@${context.event.viewer.displayName} there is no reward called ${parsed.rewardName}.`,
            'redeem:unknown',
          );
          return;
        }
        await this.redeemer.redeem(context, reward, parsed.rest);
      },
    });
    this.builtins.register({
      name: 'rewards',
      permission: 'everyone',
      description: '!rewards: the rewards you can redeem now',
      run: async (context) => {
        const { workspaceId } = context.event;
        const settings = await this.settings.get(workspaceId);
        if (settings.passive) return;
        const { rewards } = await this.rewards.listOf(workspaceId);
        const active = rewards.filter((reward) => reward.active);
        const prefix = await this.bot.prefix(workspaceId);
        await context.reply(rewardsLine(active, prefix, settings.currencyName), 'rewards:list');
      },
    });
  }
}
