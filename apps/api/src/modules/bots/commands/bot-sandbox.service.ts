import { Injectable } from '@nestjs/common';
import {
  commandRefusal,
  matchesAutoResponse,
  mayUse,
  parseCommand,
  pickResponse,
  renderTemplate,
} from '@podium/bots';
import type { BotSandboxOutcomeDto, BotSandboxRequestSchema, BotSandboxResultDto } from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { AutoResponsesRepository } from '../auto-responses/auto-responses.repository';
import { BotSettingsService } from '../settings/bot-settings.service';
import { userScope } from './bot-cooldowns.repository';
import { BotCommandsRepository } from './bot-commands.repository';
import { BuiltinCommands } from './builtin-commands';
import { cooledDown } from './commands.stage';
import { CooldownGate } from './cooldown-gate';

type SandboxRequest = z.output<typeof BotSandboxRequestSchema>;

const NOTHING: Omit<BotSandboxOutcomeDto, 'verdict'> = {
  source: null,
  id: null,
  name: null,
  reply: null,
  cooldownRemainingSeconds: null,
};

/**
 * Evaluates a line as the stages would, against the saved commands and auto-responses, without
 * claiming a cooldown, counting a use or posting anything. Cooldowns are read as they stand
 * (the global one, and the per-user one of a viewer with the sandbox's name).
 */
@Injectable()
export class BotSandboxService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly settings: BotSettingsService,
    private readonly commands: BotCommandsRepository,
    private readonly autoResponses: AutoResponsesRepository,
    private readonly builtins: BuiltinCommands,
    private readonly gate: CooldownGate,
    private readonly tx: TransactionRunner,
  ) {}

  async evaluate(actor: Actor, workspaceId: string, request: SandboxRequest): Promise<BotSandboxResultDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const parsed = parseCommand(request.text, await this.settings.prefix(workspaceId));
    const scope = userScope({ platform: 'sandbox', platformUserId: request.displayName.toLowerCase() });
    return {
      command: parsed
        ? await this.command(workspaceId, request, parsed, scope)
        : { verdict: 'not_a_command', ...NOTHING },
      autoResponses: parsed ? [] : await this.matchingAutoResponses(workspaceId, request, scope),
    };
  }

  private async command(
    workspaceId: string,
    request: SandboxRequest,
    parsed: { name: string; args: string },
    scope: string,
  ): Promise<BotSandboxOutcomeDto> {
    const builtin = this.builtins.find(parsed.name);
    if (builtin) {
      const base = { ...NOTHING, source: 'builtin' as const, name: builtin.name };
      return { ...base, verdict: mayUse(request.roles, builtin.permission) ? 'builtin' : 'not_allowed' };
    }
    const row = await this.commands.findByName(this.tx.none, workspaceId, parsed.name);
    if (!row) return { verdict: 'unknown_command', ...NOTHING, name: parsed.name };
    const base = { ...NOTHING, source: 'command' as const, id: row.id, name: row.name };
    const refusal = commandRefusal(row, request.platform, request.roles);
    if (refusal) return { ...base, verdict: refusal };
    const cooldown = await this.gate.peek(cooledDown(row), scope);
    if (!cooldown.allowed) {
      return {
        ...base,
        verdict: 'on_cooldown',
        cooldownRemainingSeconds: Math.ceil(cooldown.remainingMs / 1000),
      };
    }
    const reply = renderTemplate(pickResponse(row.responses), {
      user: request.displayName,
      args: parsed.args,
      count: row.use_count + 1,
    });
    return { ...base, verdict: 'reply', reply };
  }

  private async matchingAutoResponses(
    workspaceId: string,
    request: SandboxRequest,
    scope: string,
  ): Promise<BotSandboxOutcomeDto[]> {
    const rows = (await this.autoResponses.list(this.tx.none, workspaceId)).filter((row) =>
      matchesAutoResponse(row.match_mode, row.terms, request.text),
    );
    const outcomes: BotSandboxOutcomeDto[] = [];
    for (const row of rows) {
      const base = { ...NOTHING, source: 'auto_response' as const, id: row.id, name: row.terms[0] ?? null };
      const refusal = commandRefusal(row, request.platform, request.roles);
      if (refusal) {
        outcomes.push({ ...base, verdict: refusal });
        continue;
      }
      const cooldown = await this.gate.peek(cooledDown(row), scope);
      if (!cooldown.allowed) {
        outcomes.push({
          ...base,
          verdict: 'on_cooldown',
          cooldownRemainingSeconds: Math.ceil(cooldown.remainingMs / 1000),
        });
        continue;
      }
      const reply = renderTemplate(pickResponse(row.responses), {
        user: request.displayName,
        args: request.text,
      });
      outcomes.push({ ...base, verdict: 'reply', reply });
    }
    return outcomes;
  }
}
