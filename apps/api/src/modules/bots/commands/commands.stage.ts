import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  commandRefusal,
  mayUse,
  mentionsCount,
  parseCommand,
  pickResponse,
  renderTemplate,
} from '@podium/bots';
import type { BatchWriter } from '../../../common/concurrency/batch-writes';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { BotSilence } from '../bot-silence';
import {
  type ChatStage,
  type ChatStageContext,
  type ChatStageVerdict,
  ChatStages,
  isSilent,
} from '../chat-stages';
import { BotSettingsService } from '../settings/bot-settings.service';
import { userScope } from './bot-cooldowns.repository';
import { BotCommandsRepository, type CommandUse } from './bot-commands.repository';
import { BuiltinCommands } from './builtin-commands';
import { CooldownGate, type CooledDown, hasCooldown } from './cooldown-gate';

/**
 * Commands (order 30): a line starting with the workspace prefix runs a built-in or answers with a
 * custom command on the platform it came from. Refusals (unknown, not allowed, cooling down) are
 * silent: a reply to each would be the spam the cooldown prevents.
 */
@Injectable()
export class CommandsStage implements ChatStage, OnModuleInit {
  readonly name = 'commands';
  readonly order = 30;

  constructor(
    private readonly stages: ChatStages,
    private readonly settings: BotSettingsService,
    private readonly commands: BotCommandsRepository,
    private readonly builtins: BuiltinCommands,
    private readonly gate: CooldownGate,
    private readonly tx: TransactionRunner,
    private readonly silence: BotSilence,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  private readonly uses: BatchWriter<CommandUse> = {
    write: (uses) => this.commands.countUses(this.tx.none, uses),
  };

  async handle(context: ChatStageContext): Promise<ChatStageVerdict> {
    const { event } = context;
    const parsed = parseCommand(event.text, await this.settings.prefix(event.workspaceId));
    if (!parsed) return 'continue';
    // A built-in wins over a custom command of the same name (saving one is refused anyway).
    const builtin = this.builtins.find(parsed.name);
    // A quiet bot runs no command at all (no counters, no title changes), except the ones that speak anyway.
    if (!builtin?.speaksWhenSilent && (await isSilent(context, this.silence))) return 'continue';
    if (builtin) {
      if (mayUse(event.viewer.roles, builtin.permission)) await builtin.run(context, parsed.args);
      return 'continue';
    }
    const command = await context.shared(`command:${event.workspaceId}:${parsed.name}`, () =>
      this.commands.findByName(this.tx.none, event.workspaceId, parsed.name),
    );
    if (!command || commandRefusal(command, event.platform, event.viewer.roles)) return 'continue';
    const subject = cooledDown(command);
    const use = { commandId: command.id, eventId: event.id, effect: `command:${command.id}:counted` };
    let count: number | null | undefined;
    if (context.later && !hasCooldown(subject) && !mentionsCount(command.responses)) {
      // Nothing waits for the count: it is counted with the batch's other answers at its end.
      context.later(this.uses, use);
    } else {
      count = await this.gate.run(
        subject,
        { scope: userScope({ ...event.viewer, viewerId: event.viewerId }), eventId: event.id },
        (tx) => this.commands.countUseOnce(tx, use.commandId, use.eventId, use.effect),
      );
      if (count === null) return 'continue';
    }
    const text = renderTemplate(pickResponse(command.responses), {
      user: event.viewer.displayName,
      args: parsed.args,
      ...(typeof count === 'number' ? { count } : {}),
    });
    if (text) await context.reply(text, `command:${command.id}`);
    // Once per message across retries: a redelivered line must not switch the scene twice.
    if (command.obs_action && (await context.once(`command:${command.id}:obs`))) {
      this.events.publish('obs.actionRequested', {
        workspaceId: event.workspaceId,
        id: `command:${command.id}:${event.id}`,
        action: command.obs_action,
        source: { kind: 'command', id: command.id, name: command.name },
        firedAt: new Date().toISOString(),
      });
    }
    return 'continue';
  }
}

export function cooledDown(row: {
  id: string;
  workspace_id: string;
  global_cooldown_seconds: number;
  user_cooldown_seconds: number;
}): CooledDown {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    globalCooldownSeconds: row.global_cooldown_seconds,
    userCooldownSeconds: row.user_cooldown_seconds,
  };
}
