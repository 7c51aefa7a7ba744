import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  commandRefusal,
  matchesAutoResponse,
  parseCommand,
  pickResponse,
  renderTemplate,
} from '@podium/bots';
import { TransactionRunner } from '../../../database/transaction';
import { BotSilence } from '../bot-silence';
import {
  type ChatStage,
  type ChatStageContext,
  type ChatStageVerdict,
  ChatStages,
  isSilent,
} from '../chat-stages';
import { userScope } from '../commands/bot-cooldowns.repository';
import { cooledDown } from '../commands/commands.stage';
import { CooldownGate } from '../commands/cooldown-gate';
import { BotSettingsService } from '../settings/bot-settings.service';
import { AutoResponsesRepository } from './auto-responses.repository';

/**
 * Auto-responses (order 40): a message that contains a term or is a whole phrase gets an answer
 * without any prefix. Lines that call a command are left to the commands. At most one answer per
 * message: the oldest matching auto-response whose cooldowns allow it.
 */
@Injectable()
export class AutoResponsesStage implements ChatStage, OnModuleInit {
  readonly name = 'auto-responses';
  readonly order = 40;

  constructor(
    private readonly stages: ChatStages,
    private readonly settings: BotSettingsService,
    private readonly autoResponses: AutoResponsesRepository,
    private readonly gate: CooldownGate,
    private readonly tx: TransactionRunner,
    private readonly silence: BotSilence,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  async handle(context: ChatStageContext): Promise<ChatStageVerdict> {
    const { event } = context;
    if (parseCommand(event.text, await this.settings.prefix(event.workspaceId))) return 'continue';
    if (await isSilent(context, this.silence)) return 'continue';
    const enabled = await context.shared(`auto-responses:${event.workspaceId}`, () =>
      this.autoResponses.list(this.tx.none, event.workspaceId, true),
    );
    const candidates = enabled.filter(
      (row) =>
        commandRefusal(row, event.platform, event.viewer.roles) === null &&
        matchesAutoResponse(row.match_mode, row.terms, event.text),
    );
    const scope = userScope({ ...event.viewer, viewerId: event.viewerId });
    for (const row of candidates) {
      const claimed = await this.gate.run(cooledDown(row), { scope, eventId: event.id }, () =>
        Promise.resolve(true),
      );
      if (!claimed) continue;
      const text = renderTemplate(pickResponse(row.responses), {
        user: event.viewer.displayName,
        args: event.text,
      });
      if (text) await context.reply(text, `auto-response:${row.id}`);
      return 'continue';
    }
    return 'continue';
  }
}
