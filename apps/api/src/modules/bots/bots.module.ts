import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { BotEffectsRepository } from './bot-effects.repository';
import { ChatStages } from './chat-stages';
import { BuiltinCommands } from './commands/builtin-commands';

/**
 * Bots: what Podium does with chat. The rules live in @podium/bots; this module wires them to
 * recorded chat events (through ChatStages), the outbox, the database and the overlays.
 */
@Module({
  imports: [ChatModule, WorkspacesModule],
  providers: [BotEffectsRepository, ChatStages, BuiltinCommands],
  exports: [ChatStages, BuiltinCommands],
})
export class BotsModule {}
