import { Injectable } from '@nestjs/common';
import type { CommandPermission } from '@podium/contracts';
import type { ChatStageContext } from '../chat-stages';

/** A command Podium ships (`!help`, `!title`, `!timer`, the points commands…), run by the commands stage. */
export interface BuiltinCommand {
  /** Without the prefix, lower case. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** The least trusted role that may use it. */
  readonly permission: CommandPermission;
  /** One short line for `!help` and the commands page. */
  readonly description: string;
  /** Answers even while the bot keeps quiet (points' passive mode): only `!points` does. */
  readonly speaksWhenSilent?: boolean;
  /** `args` is the text after the command name, trimmed. Replies go through `context.reply`. */
  run(context: ChatStageContext, args: string): Promise<void>;
}

/** Built-in commands, registered by the module that owns each (in `onModuleInit`). */
@Injectable()
export class BuiltinCommands {
  private readonly byName = new Map<string, BuiltinCommand>();
  private readonly commands: BuiltinCommand[] = [];

  register(command: BuiltinCommand): void {
    this.commands.push(command);
    for (const name of [command.name, ...(command.aliases ?? [])])
      this.byName.set(name.toLowerCase(), command);
  }

  find(name: string): BuiltinCommand | undefined {
    return this.byName.get(name.toLowerCase());
  }

  list(): readonly BuiltinCommand[] {
    return this.commands;
  }
}
