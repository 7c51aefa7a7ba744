import type { CommandPermission, PublicCommandDto, PublicCommandListDto } from '@podium/contracts';
import { COMMAND_PERMISSIONS } from '@podium/contracts';

/**
 * The public page of a workspace's commands (no sign-in), the one `!help` links to. The router
 * serves it outside the signed-in dashboard, also under the short `/c/<id>`.
 */
export const publicCommandsPath = (workspaceId: string): string =>
  `/w/${encodeURIComponent(workspaceId)}/commands`;

export interface PublicCommandGroup {
  permission: CommandPermission;
  commands: PublicCommandDto[];
}

/**
 * Commands grouped by who may use them, everyone's first, each group sorted by name; the names
 * carry the workspace's prefix so viewers can type them as shown.
 */
export function groupPublicCommands(list: PublicCommandListDto): PublicCommandGroup[] {
  return COMMAND_PERMISSIONS.map((permission) => ({
    permission,
    commands: list.commands
      .filter((command) => command.permission === permission)
      .map((command) => ({
        ...command,
        name: `${list.prefix}${command.name}`,
        aliases: command.aliases.map((alias) => `${list.prefix}${alias}`),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.commands.length > 0);
}
