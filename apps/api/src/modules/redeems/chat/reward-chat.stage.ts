import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseCommand } from '@podium/bots';
import {
  type ChatStage,
  type ChatStageContext,
  type ChatStageVerdict,
  ChatStages,
} from '../../bots/chat-stages';
import { BuiltinCommands } from '../../bots/commands/builtin-commands';
import { BotSettingsService } from '../../bots/settings/bot-settings.service';
import { ChatRedeemer } from './chat-redeemer';

/**
 * Order 35, after commands: `!<reward name> [note]` redeems the reward named by the line. Built-in
 * command names win (they ran at 30); a line naming no reward passes on silently.
 */
@Injectable()
export class RewardChatStage implements ChatStage, OnModuleInit {
  readonly name = 'rewards';
  readonly order = 35;

  constructor(
    private readonly stages: ChatStages,
    private readonly settings: BotSettingsService,
    private readonly builtins: BuiltinCommands,
    private readonly redeemer: ChatRedeemer,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  async handle(context: ChatStageContext): Promise<ChatStageVerdict> {
    const { event } = context;
    const parsed = parseCommand(event.text, await this.settings.prefix(event.workspaceId));
    if (!parsed || this.builtins.find(parsed.name)) return 'continue';
    const reward = await this.redeemer.reward(context, parsed.name);
    if (reward) await this.redeemer.redeem(context, reward, parsed.args);
    return 'continue';
  }
}
