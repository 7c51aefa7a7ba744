import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ChatStageContext } from '../bots/chat-stages';
import { BuiltinCommands } from '../bots/commands/builtin-commands';
import { PointsService } from './points.service';

/** The `!points` reply: "<user> has N <currency>". */
export function pointsReply(displayName: string, balance: number, currencyName: string): string {
  return `${displayName} has ${balance.toLocaleString('en-US')} ${currencyName}`;
}

/** `!points` (everyone): the asker's balance. Answered in passive mode too, when the bot is otherwise silent. */
@Injectable()
export class PointsCommand implements OnModuleInit {
  constructor(
    private readonly commands: BuiltinCommands,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.commands.register({
      name: 'points',
      permission: 'everyone',
      description: 'Your points balance',
      speaksWhenSilent: true,
      run: (context) => this.run(context),
    });
  }

  async run(context: ChatStageContext): Promise<void> {
    const { event } = context;
    if (!event.viewerId) return;
    const balance = await this.points.balanceOf(event.workspaceId, event.viewerId);
    await context.reply(
      pointsReply(
        event.viewer?.displayName ?? balance.viewer.displayName,
        balance.balance,
        balance.currencyName,
      ),
      'points.balance',
    );
  }
}
