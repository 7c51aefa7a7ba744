import type {
  BotCommandDto,
  BuiltinCommandDto,
  CreateBotCommandRequest,
  PublicCommandListDto,
  UpdateBotCommandRequest,
} from '@podium/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { botsCrud, botsKeys, botsPath } from './bots-shell.api';

/** Custom commands: `/bots/commands`. */
export const commandsApi = botsCrud<BotCommandDto, CreateBotCommandRequest, UpdateBotCommandRequest>(
  'commands',
  botsKeys.commands,
);

/** The commands Podium ships (`!help`, `!title`…): listed, never edited. */
export function useBuiltinCommands(workspaceId: string) {
  return useQuery({
    queryKey: botsKeys.builtins(workspaceId),
    queryFn: ({ signal }) => http.get<BuiltinCommandDto[]>(botsPath(workspaceId, 'builtin-commands'), signal),
    staleTime: Infinity,
  });
}

/** The public list behind `!help`'s link: no sign-in needed. */
export function usePublicCommands(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.publicCommands(workspaceId),
    queryFn: ({ signal }) =>
      http.get<PublicCommandListDto>(`/public/workspaces/${segment(workspaceId)}/commands`, signal),
  });
}
