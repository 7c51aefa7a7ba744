import { Injectable, type OnModuleInit } from '@nestjs/common';
import { commandRefusal, helpLine, mayUse } from '@podium/bots';
import { AppConfig } from '../../../config/app-config';
import { TransactionRunner } from '../../../database/transaction';
import type { ChatStageContext } from '../chat-stages';
import { BotSettingsService } from '../settings/bot-settings.service';
import { BotCommandsRepository } from './bot-commands.repository';
import { BuiltinCommands } from './builtin-commands';

/**
 * `!help`: the commands the caller may use here, in one chat line, then the link to the full list
 * (`<PUBLIC_URL>/w/<workspaceId>/commands`, when PUBLIC_URL is set).
 */
@Injectable()
export class HelpCommand implements OnModuleInit {
  constructor(
    private readonly builtins: BuiltinCommands,
    private readonly commands: BotCommandsRepository,
    private readonly settings: BotSettingsService,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.builtins.register({
      name: 'help',
      aliases: ['commands'],
      permission: 'everyone',
      description: 'Lists the commands you can use',
      run: (context) => this.run(context),
    });
  }

  private async run(context: ChatStageContext): Promise<void> {
    const { event } = context;
    const roles = event.viewer.roles;
    const custom = (await this.commands.list(this.tx.none, event.workspaceId))
      .filter((row) => commandRefusal(row, event.platform, roles) === null)
      .map((row) => row.name);
    const builtin = this.builtins
      .list()
      .filter((command) => mayUse(roles, command.permission))
      .map((command) => command.name);
    const link = this.config.publicUrl
      ? `${this.config.publicUrl}/w/${event.workspaceId}/commands`
      : undefined;
    const prefix = await this.settings.prefix(event.workspaceId);
    await context.reply(helpLine([...custom, ...builtin], prefix, link), 'help');
  }
}
