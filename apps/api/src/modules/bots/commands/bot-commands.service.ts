import { Injectable } from '@nestjs/common';
import type {
  BotCommandDto,
  BuiltinCommandDto,
  CreateBotCommandRequestSchema,
  PublicCommandListDto,
  UpdateBotCommandRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { WorkspaceErrorCode, WorkspaceException } from '../../workspaces/workspaces.exception';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { BotSettingsRepository } from '../settings/bot-settings.repository';
import { BotSettingsService } from '../settings/bot-settings.service';
import { BuiltinCommands } from './builtin-commands';
import { toBotCommandDto, toBuiltinCommandDto } from './bot-commands.mapper';
import { type BotCommandFields, type BotCommandRow, BotCommandsRepository } from './bot-commands.repository';

type CreateBody = z.output<typeof CreateBotCommandRequestSchema>;
type UpdateBody = z.output<typeof UpdateBotCommandRequestSchema>;

/** Custom commands: CRUD for moderators, and the public list viewers see. */
@Injectable()
export class BotCommandsService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly repository: BotCommandsRepository,
    private readonly builtins: BuiltinCommands,
    private readonly settings: BotSettingsService,
    private readonly settingsRows: BotSettingsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<BotCommandDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.listOf(workspaceId);
  }

  /** The commands without an access check (the public API, after its scope check). */
  async listOf(workspaceId: string): Promise<BotCommandDto[]> {
    return (await this.repository.list(this.tx.none, workspaceId)).map(toBotCommandDto);
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<BotCommandDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return toBotCommandDto(await this.require(this.tx.none, workspaceId, id));
  }

  async create(actor: Actor, workspaceId: string, body: CreateBody): Promise<BotCommandDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const fields: BotCommandFields = { ...body, aliases: withoutName(body.aliases, body.name) };
    this.refuseBuiltinNames(fields.name, fields.aliases);
    const row = await this.tx.run(async (tx) => {
      await this.refuseTakenNames(tx, workspaceId, fields.name, fields.aliases, null);
      const created = await this.repository.insert(tx, workspaceId, fields);
      await this.saveNames(tx, workspaceId, created);
      return created;
    });
    return toBotCommandDto(row);
  }

  async update(actor: Actor, workspaceId: string, id: string, body: UpdateBody): Promise<BotCommandDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.updateOf(workspaceId, id, body);
  }

  /** The update without an access check (the public API, after its scope check). */
  async updateOf(workspaceId: string, id: string, body: UpdateBody): Promise<BotCommandDto> {
    const row = await this.tx.run(async (tx) => {
      const current = await this.require(tx, workspaceId, id);
      const name = body.name ?? current.name;
      const aliases = withoutName(body.aliases ?? current.aliases, name);
      const renamed = body.name !== undefined || body.aliases !== undefined;
      if (renamed) {
        this.refuseBuiltinNames(name, aliases);
        await this.refuseTakenNames(tx, workspaceId, name, aliases, id);
      }
      const updated = await this.repository.update(tx, id, { ...body, name, aliases });
      if (renamed) await this.saveNames(tx, workspaceId, updated);
      return updated;
    });
    return toBotCommandDto(row);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.delete(this.tx.none, workspaceId, id))) throw notFound();
  }

  async listBuiltins(actor: Actor, workspaceId: string): Promise<BuiltinCommandDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.builtins.list().map(toBuiltinCommandDto);
  }

  /** What any viewer may look up: enabled commands and the built-ins. No auth. */
  async publicList(workspaceId: string): Promise<PublicCommandListDto> {
    if (!(await this.settingsRows.workspaceExists(this.tx.none, workspaceId))) {
      throw new WorkspaceException(WorkspaceErrorCode.NotFound, 'No such workspace');
    }
    const custom = (await this.repository.list(this.tx.none, workspaceId)).filter((row) => row.enabled);
    return {
      prefix: await this.settings.prefix(workspaceId),
      commands: [
        ...this.builtins.list().map((command) => ({ ...toBuiltinCommandDto(command), builtin: true })),
        ...custom.map((row) => ({
          name: row.name,
          aliases: row.aliases,
          permission: row.permission,
          description: row.responses[0] ?? '',
          builtin: false,
        })),
      ],
    };
  }

  private async require(tx: Tx, workspaceId: string, id: string): Promise<BotCommandRow> {
    const row = await this.repository.find(tx, workspaceId, id);
    if (!row) throw notFound();
    return row;
  }

  private refuseBuiltinNames(name: string, aliases: string[]): void {
    if (this.builtins.find(name)) throw taken(name, 'name', 'a built-in command');
    const alias = aliases.find((candidate) => this.builtins.find(candidate));
    if (alias) throw taken(alias, 'aliases', 'a built-in command');
  }

  private async refuseTakenNames(
    tx: Tx,
    workspaceId: string,
    name: string,
    aliases: string[],
    exceptId: string | null,
  ): Promise<void> {
    const clashes = await this.repository.namesTaken(tx, workspaceId, [name, ...aliases], exceptId);
    if (clashes.includes(name)) throw taken(name, 'name', 'another command');
    if (clashes[0]) throw taken(clashes[0], 'aliases', 'another command');
  }

  private async saveNames(tx: Tx, workspaceId: string, row: BotCommandRow): Promise<void> {
    if (!(await this.repository.replaceNames(tx, workspaceId, row.id, [row.name, ...row.aliases]))) {
      throw taken(row.name, 'name', 'another command saved at the same time');
    }
  }
}

function withoutName(aliases: string[], name: string): string[] {
  return [...new Set(aliases)].filter((alias) => alias !== name);
}

function notFound(): BotsException {
  return new BotsException(BotsErrorCode.CommandNotFound, 'No such command');
}

function taken(name: string, field: 'name' | 'aliases', owner: string): BotsException {
  return new BotsException(BotsErrorCode.CommandNameTaken, `"${name}" is already the name of ${owner}`, {
    field,
  });
}
