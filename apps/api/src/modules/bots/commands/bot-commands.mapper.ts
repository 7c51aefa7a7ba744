import type { BotCommandDto, BuiltinCommandDto } from '@podium/contracts';
import type { BuiltinCommand } from './builtin-commands';
import type { BotCommandRow } from './bot-commands.repository';

export function toBotCommandDto(row: BotCommandRow): BotCommandDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    aliases: row.aliases,
    responses: row.responses,
    permission: row.permission,
    globalCooldownSeconds: row.global_cooldown_seconds,
    userCooldownSeconds: row.user_cooldown_seconds,
    platforms: row.platforms,
    enabled: row.enabled,
    useCount: row.use_count,
    obsAction: row.obs_action ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toBuiltinCommandDto(command: BuiltinCommand): BuiltinCommandDto {
  return {
    name: command.name,
    aliases: [...(command.aliases ?? [])],
    permission: command.permission,
    description: command.description,
  };
}
