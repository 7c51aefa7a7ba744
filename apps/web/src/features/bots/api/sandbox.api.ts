import type { BotSandboxRequest, BotSandboxResultDto } from '@podium/contracts';
import { useMutation } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { botsPath } from './bots-shell.api';

/** Asks what the bot would answer to a line; the server posts nothing and uses no cooldown. */
export function useSandbox(workspaceId: string) {
  return useMutation({
    mutationFn: (request: BotSandboxRequest) =>
      http.post<BotSandboxResultDto>(botsPath(workspaceId, 'sandbox'), request),
  });
}
